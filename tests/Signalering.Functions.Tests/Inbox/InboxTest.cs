using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Application;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Storage.Queues;
using Signalering.Storage.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Signalering.Functions.Tests.Inbox;

/// <summary>The coordinators' API: who sees what, the audit trail, ETags, and the acknowledgement clock.</summary>
public sealed class InboxTest : IDisposable
{
    // Monday 23 November 2026, 10:00 Dutch time.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly SignaleringApp _app;

    public InboxTest() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    private async Task<string> RoutedSignalAsync(string? text = "الماء يدخل غرفتي", string category = "wonen", string? sub = "wonen-vocht")
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, category: category, subcategory: sub, text: text));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return code;
    }

    [Fact]
    public async Task WithoutAToken_401_WithAResidentsTokenNothing()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/inbox")).StatusCode);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/inbox")).StatusCode);
    }

    [Fact]
    public async Task ACoordinatorSeesOnlyTheirOwnOrganisationsSignals()
    {
        var code = await RoutedSignalAsync();
        var coa = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync("/api/inbox")).RootElement;
        Assert.Contains(coa.GetProperty("signals").EnumerateArray(), s => s.GetProperty("trackingCode").GetString() == code);

        var housing = _app.Coordinator("wooncooperatie");
        var theirs = JsonDocument.Parse(await housing.GetStringAsync("/api/inbox")).RootElement;
        Assert.DoesNotContain(theirs.GetProperty("signals").EnumerateArray(), s => s.GetProperty("trackingCode").GetString() == code);
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"/api/inbox/signals/{code}")).StatusCode);
    }

    [Fact]
    public async Task ConfidentialSignals_AreSeenOnlyByTheConfidentialHandler()
    {
        var code = await RoutedSignalAsync(text: null, category: "veiligheid", sub: "veiligheid-medewerker");
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator("coa-luttelgeest").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator("gemeente-triage", "municipality").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Coordinator("vertrouwenspersoon").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
    }

    [Fact]
    public async Task Detail_ShowsTheOriginalText_IsAudited_AndAcceptNeedsTheCurrentETag()
    {
        var code = await RoutedSignalAsync();
        var coa = _app.Coordinator("coa-luttelgeest");
        var detail = await coa.GetAsync($"/api/inbox/signals/{code}");
        var body = JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("الماء يدخل غرفتي", body.GetProperty("text").GetString());
        var etag = detail.Headers.ETag!.ToString();

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await coa.PostAsync($"/api/inbox/signals/{code}/accept", null)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/accept");
        stale.Headers.TryAddWithoutValidation("If-Match", "W/\"datetime'2000-01-01T00%3A00%3A00Z'\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await coa.SendAsync(stale)).StatusCode);

        var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/accept");
        accept.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await coa.SendAsync(accept)).StatusCode);
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(code)).Status);

        // A second coordinator with the same (now old) ETag does not overwrite.
        var second = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/resolve");
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await coa.SendAsync(second)).StatusCode);

        Assert.True(TrackingCode.TryParse(code, out var parsed));
        var trail = await _app.Services.GetRequiredService<AuditTable>().ForAsync(parsed, CancellationToken.None);
        Assert.Equal(["read", "accept"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal("coa-luttelgeest", a.Organisation));
    }

    [Fact]
    public async Task AcknowledgementClock_RunsInWorkingHours_AndCountsOverdue()
    {
        var code = await RoutedSignalAsync(); // wonen: acknowledge within 16 working hours
        var item = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync("/api/inbox")).RootElement
            .GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("trackingCode").GetString() == code);
        // Routed Monday 10:00: 7 h left on Monday, 8 on Tuesday, 1 on Wednesday → Wednesday 10:00 Dutch time.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), item.GetProperty("clock").GetProperty("acknowledgeBy").GetDateTimeOffset());
        Assert.False(item.GetProperty("clock").GetProperty("acknowledgeOverdue").GetBoolean());

        _clock.Advance(TimeSpan.FromDays(3)); // Thursday
        await _app.InvokeTimerAsync("SweepSignals");
        Assert.Equal(1, _app.Services.GetRequiredService<HandlingClocks>().Overdue["coa-luttelgeest"]);
        var overdue = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync("/api/inbox")).RootElement
            .GetProperty("signals")[0];
        Assert.True(overdue.GetProperty("clock").GetProperty("acknowledgeOverdue").GetBoolean());
    }
}
