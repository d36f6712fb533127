using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Reports;
using Signalering.Domain.Signals;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Reports;

/// <summary>
/// The municipality's reports through the app: signals flow in and are handled through the inbox; the UpdateReports
/// timer takes them into the aggregates; the report reads cells, not signals, and a rebuild from the signals gives
/// the same figures.
/// </summary>
public sealed class ReportsTest : IDisposable
{
    // Monday 23 November 2026, 10:00 Dutch time.
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Monday);
    private readonly SignaleringApp _app;

    public ReportsTest() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    private ReportAggregates Aggregates => _app.Services.GetRequiredService<ReportAggregates>();
    private HttpClient Municipality => _app.Coordinator("gemeente-regie", "municipality");

    private async Task<List<string>> SubmitAsync(int count, string category = "wonen", string? sub = "wonen-vocht")
    {
        var client = _app.CreateClient();
        var codes = new List<string>();
        for (var i = 0; i < count; i++) codes.Add(await client.SubmitAcceptedAsync(Intakes.Body(_app, category: category, subcategory: sub)));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return codes;
    }

    private static async Task ActAsync(HttpClient client, string code, string action) =>
        Assert.Equal(HttpStatusCode.OK, (await client.ActAsync(code, action)).StatusCode);

    private async Task<JsonElement> ReportAsync(string query = "from=2026-11-01&to=2026-11-30&groupBy=category")
    {
        var response = await Municipality.GetAsync("/api/reports/response-times?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static JsonElement Row(JsonElement report, string key) =>
        report.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("key").GetString() == key).GetProperty("figures");

    [Fact]
    public async Task HandledSignals_ReachTheReport_AndARebuildGivesTheSameFigures()
    {
        var wonen = await SubmitAsync(6);
        await SubmitAsync(2, "informatie", "informatie-aanspreekpunt");
        var coa = _app.Coordinator("coa-luttelgeest");
        // Accepted after 1, 2, 3, 4, 5 and 6 working hours (Monday 10:00 onwards).
        for (var i = 0; i < wonen.Count; i++)
        {
            _clock.SetUtcNow(Monday.AddHours(i + 1));
            await ActAsync(coa, wonen[i], "accept");
        }
        await ActAsync(coa, wonen[0], "resolve");

        Assert.Equal(8, await Aggregates.UpdateAsync(CancellationToken.None));
        var live = await ReportAsync();

        var w = Row(live, "wonen");
        Assert.Equal(6, w.GetProperty("received").GetInt32());
        Assert.Equal(3.5, w.GetProperty("acceptMedianWorkingHours").GetDouble()); // 1..6 h: (3 + 4) / 2
        Assert.Equal(5.5, w.GetProperty("acceptP90WorkingHours").GetDouble()); // rank 4.5: 5 + ½
        Assert.Equal("<5", w.GetProperty("resolutionMedianWorkingHours").GetString());
        Assert.Equal("<5", Row(live, "informatie").GetProperty("received").GetString());
        // Two cells (23 November × AZC Luttelgeest × wonen, informatie), not eight signals.
        Assert.Equal(2, live.GetProperty("read").GetProperty("cells").GetInt32());

        await Aggregates.RebuildAsync(CancellationToken.None);
        var rebuilt = await ReportAsync();
        Assert.Equal(live.GetProperty("rows").GetRawText(), rebuilt.GetProperty("rows").GetRawText());
        Assert.Equal(live.GetProperty("total").GetRawText(), rebuilt.GetProperty("total").GetRawText());
        Assert.Equal(live.GetProperty("trend").GetRawText(), rebuilt.GetProperty("trend").GetRawText());
    }

    [Fact]
    public async Task EveryChangeIsTakenIn_OnceAndForAll()
    {
        var codes = await SubmitAsync(5);
        Assert.Equal(5, await Aggregates.UpdateAsync(CancellationToken.None));
        Assert.Equal(0, await Aggregates.UpdateAsync(CancellationToken.None)); // markers cleared: nothing left to do
        Assert.Equal(5, Row(await ReportAsync(), "wonen").GetProperty("open").GetInt32());

        var coa = _app.Coordinator("coa-luttelgeest");
        foreach (var code in codes) { await ActAsync(coa, code, "accept"); await ActAsync(coa, code, "resolve"); }
        Assert.Equal(5, await Aggregates.UpdateAsync(CancellationToken.None));
        var wonen = Row(await ReportAsync(), "wonen");
        Assert.Equal(0, wonen.GetProperty("open").GetInt32());
        Assert.Equal(5, wonen.GetProperty("received").GetInt32()); // replaced, not added again
    }

    [Fact]
    public async Task AChangeWhileTheUpdateRuns_StaysMarkedForTheNextRun()
    {
        var code = (await SubmitAsync(1))[0];
        Assert.True(TrackingCode.TryParse(code, out var tc));
        var markers = new List<(TrackingCode Code, Azure.ETag ETag, SignalFact? Fact)>();
        await foreach (var m in _app.Signals.ListReportMarkersAsync(CancellationToken.None)) markers.Add(m);
        var (_, etag, fact) = Assert.Single(markers);
        Assert.True(fact!.IsOpen); // the fact as of the change that wrote the marker

        await _app.ResolveAsync(code); // the signal changes after its marker was read
        Assert.False(await _app.Signals.DeleteMarkerIfUnchangedAsync(TodoKinds.Report, tc, etag, CancellationToken.None));
        Assert.Equal(1, await Aggregates.UpdateAsync(CancellationToken.None));
        Assert.Equal(0, Row(await ReportAsync(), "wonen").GetProperty("open").GetInt32());
    }

    [Fact]
    public async Task TheUpdate_TakesTheFactsFromTheMarkers_WithoutReadingASignal_AndAnOlderOrUnreadableMarkerFromTheSignal()
    {
        var codes = await SubmitAsync(6); // under 5 a figure is not shown
        var coa = _app.Coordinator("coa-luttelgeest");
        await ActAsync(coa, codes[0], "accept");
        Assert.Equal(HttpStatusCode.OK, (await coa.ActAsync(codes[1], "reject", new { reasonCode = "notOurs", reason = "gemeentezaak" })).StatusCode);
        // A marker as written before markers carried the fact, and one whose fact this version cannot read: the update
        // reads those two signals instead.
        Assert.True(TrackingCode.TryParse(codes[3], out var old));
        await _app.Table(SignalTable.TableName).UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity(SignalKeys.Partition(old), SignalKeys.Todo(TodoKinds.Report, old)) { ["CreatedAt"] = Monday },
            Azure.Data.Tables.TableUpdateMode.Replace);
        Assert.True(TrackingCode.TryParse(codes[4], out var unreadable));
        await _app.Table(SignalTable.TableName).UpsertEntityAsync(
            new Azure.Data.Tables.TableEntity(SignalKeys.Partition(unreadable), SignalKeys.Todo(TodoKinds.Report, unreadable))
            { ["CreatedAt"] = Monday, ["Fact"] = "f9|" + codes[4], ["LocationId"] = "azc-luttelgeest", ["Category"] = "wonen" },
            Azure.Data.Tables.TableUpdateMode.Replace);

        // The same update over a client that counts the signal reads (the events' range query) it makes.
        var options = new Azure.Data.Tables.TableClientOptions();
        var reads = new FaultPolicy(_ => false, m => m.Request.Method == Azure.Core.RequestMethod.Get
            && Uri.UnescapeDataString(m.Request.Uri.ToString()).Contains("RowKey ge 'sig|", StringComparison.Ordinal));
        options.AddPolicy(reads, Azure.Core.HttpPipelinePosition.PerRetry);
        var counted = new ReportAggregates(new SignalTable(new Azure.Data.Tables.TableClient(Azurite.Shared.ConnectionString, _app.Prefix + SignalTable.TableName, options)),
            _app.Services.GetRequiredService<ReportTable>(), _app.Services.GetRequiredService<Features.Admin.ReferenceDataProvider>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<ReportAggregates>.Instance);
        Assert.Equal(6, await counted.UpdateAsync(CancellationToken.None));
        Assert.Equal(2, reads.Calls);

        // And the figures are those of a rebuild from the signals themselves, the bounce to triage included.
        var live = await ReportAsync();
        Assert.Equal(6, Row(live, "wonen").GetProperty("received").GetInt32());
        await Aggregates.RebuildAsync(CancellationToken.None);
        Assert.Equal(live.GetProperty("rows").GetRawText(), (await ReportAsync()).GetProperty("rows").GetRawText());
    }

    [Fact]
    public async Task ImportedSignals_ReadBackWhole_ChangeOn_AndReachTheReportsByARebuild()
    {
        var signal = await _app.LoadAsync((await SubmitAsync(1))[0]);
        signal.Accept("coa-luttelgeest", Monday.AddHours(1));
        signal.Respond(new ResidentResponse(0, default, "coa-luttelgeest", "nl", "Wij komen", null, false, null), Monday.AddHours(2));
        var other = new SignaleringApp { Clock = _clock };
        try
        {
            Assert.Equal(1, await other.Signals.ImportAsync([signal], CancellationToken.None));
            var stored = (await other.Signals.GetAsync(signal.Code, CancellationToken.None))!;
            Assert.Equal(signal.Events.Select(e => (e.Sequence, e.Kind, e.Detail)), stored.Signal.Events.Select(e => (e.Sequence, e.Kind, e.Detail)));
            stored.Signal.Resolve("coa-luttelgeest", Monday.AddHours(3));
            Assert.NotNull(await other.Signals.SaveAsync(stored, stored.Signal, [], [], Monday.AddHours(3), CancellationToken.None));
            Assert.Equal(signal.Events.Count + 1, (await other.Signals.GetAsync(signal.Code, CancellationToken.None))!.Signal.Events.Count);

            await other.Services.GetRequiredService<ReportAggregates>().RebuildAsync(CancellationToken.None);
            var report = JsonDocument.Parse(await other.Coordinator("gemeente-regie", "municipality")
                .GetStringAsync("/api/reports/response-times?from=2026-11-01&to=2026-11-30&groupBy=category")).RootElement;
            Assert.Equal(0, Row(report, "wonen").GetProperty("open").GetInt32());
        }
        finally { other.Dispose(); }
    }

    [Fact]
    public async Task OnlyTheMunicipality_AndBadQueriesNameTheirField()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/reports/response-times")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Coordinator("coa-luttelgeest").GetAsync("/api/reports/response-times")).StatusCode);

        foreach (var (query, field) in new[]
                 {
                     ("groupBy=person", "groupBy"), ("from=2026-13-01", "from"), ("to=yesterday", "to"), ("organisation=acme", "organisation"),
                     ("from=2026-11-30&to=2026-11-01", "to"), ("from=2020-01-01&to=2026-01-01", "from"), ("targetGroup=x", "targetGroup"),
                 })
        {
            var response = await Municipality.GetAsync("/api/reports/response-times?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
            Assert.True(errors.TryGetProperty(field, out _), $"{query}: {errors}");
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await Municipality.GetAsync("/api/reports/complaints-register?year=twenty")).StatusCode);
    }

    [Fact]
    public async Task Csv_IsWhatDutchExcelOpens_WithSmallCellsSuppressed_AndNoText()
    {
        await SubmitAsync(5);
        await SubmitAsync(1, "informatie", "informatie-aanspreekpunt");
        await Aggregates.UpdateAsync(CancellationToken.None);

        var response = await Municipality.GetAsync("/api/reports/response-times.csv?from=2026-11-01&to=2026-11-30&groupBy=category");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Groep;Sleutel;Ontvangen;", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("Wonen;wonen;5;", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(";informatie;<5;", StringComparison.Ordinal));
        Assert.DoesNotContain("الماء", string.Join('\n', lines));
        Assert.All(lines, l => Assert.Equal(lines[0].Split(';').Length, l.Split(';').Length));
    }

    [Fact]
    public async Task ComplaintsRegister_ListsFormalComplaints()
    {
        var body = Intakes.Body(_app);
        body["formalComplaint"] = true;
        await _app.CreateClient().SubmitAcceptedAsync(body);
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await Aggregates.UpdateAsync(CancellationToken.None);

        var register = JsonDocument.Parse(await Municipality.GetStringAsync("/api/reports/complaints-register?year=2026")).RootElement;
        var entry = Assert.Single(register.GetProperty("entries").EnumerateArray());
        Assert.Equal("2027-01-04", entry.GetProperty("decideBy").GetString()); // 23 November + six weeks
        Assert.Equal(1, entry.GetProperty("number").GetInt32());
        Assert.DoesNotContain("trackingCode", entry.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }
}
