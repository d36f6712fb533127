using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Reports;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Reports;

/// <summary>The Open311 GeoReport v2 read API: what civic tools can read, and the personal data they can never read.</summary>
public sealed class Open311Test : IDisposable
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly SignaleringApp _app;

    public Open311Test() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    private async Task<string> SubmitAsync(string token = Intakes.AzcMainBuilding, string category = "wonen", string? sub = "wonen-vocht")
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, token, category: category, subcategory: sub));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return code;
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        var response = await _app.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Services_AreTheCategories_WithoutTheConfidentialOnes()
    {
        var services = (await GetAsync("/open311/v2/services.json")).EnumerateArray().ToList();
        Assert.Contains(services, s => s.GetProperty("service_code").GetString() == "wonen-vocht" && s.GetProperty("group").GetString() == "Wonen");
        Assert.DoesNotContain(services, s => s.GetProperty("service_code").GetString() == "veiligheid-medewerker");
        Assert.All(services, s => Assert.False(s.GetProperty("metadata").GetBoolean()));
    }

    [Fact]
    public async Task Requests_ShowStatusAgencyAndTheDay_NeverTextCodeOrAHomeAddress()
    {
        var codes = new List<string>();
        for (var i = 0; i < PublicDisclosure.MinimumGroup; i++) codes.Add(await SubmitAsync());
        for (var i = 0; i < PublicDisclosure.MinimumGroup; i++) await SubmitAsync(Intakes.FirstHome);
        await SubmitAsync(category: "veiligheid", sub: "veiligheid-medewerker"); // the confidential channel
        await _app.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);

        var raw = await _app.CreateClient().GetStringAsync("/open311/v2/requests.json");
        var requests = JsonDocument.Parse(raw).RootElement.EnumerateArray().ToList();
        Assert.Equal(2 * PublicDisclosure.MinimumGroup, requests.Count);
        foreach (var code in codes) Assert.DoesNotContain(code.Replace("-", ""), raw.Replace("-", ""));
        Assert.DoesNotContain("الماء", raw);
        var azc = requests.First(r => r.GetProperty("address").GetString() == "AZC Luttelgeest, Noordoostpolder");
        Assert.Equal("open", azc.GetProperty("status").GetString());
        Assert.Equal("wonen-vocht", azc.GetProperty("service_code").GetString());
        Assert.Equal(JsonValueKind.Null, azc.GetProperty("description").ValueKind);
        Assert.Equal("2026-11-23", azc.GetProperty("requested_datetime").GetString()); // the day, never the minute
        Assert.NotEqual(JsonValueKind.Null, azc.GetProperty("expected_datetime").ValueKind);
        Assert.Contains("COA", azc.GetProperty("agency_responsible").GetString());
        // A first home: the municipality only, and the Monday of the week.
        var home = requests.First(r => r.GetProperty("address").GetString() == "Noordoostpolder");
        Assert.Equal("2026-11-23", home.GetProperty("requested_datetime").GetString()); // 23 November 2026 is a Monday

        var id = azc.GetProperty("service_request_id").GetString()!;
        var one = await GetAsync($"/open311/v2/requests/{id}.json");
        Assert.Equal(id, Assert.Single(one.EnumerateArray()).GetProperty("service_request_id").GetString());
        Assert.Empty((await GetAsync("/open311/v2/requests.json?status=closed")).EnumerateArray());
        Assert.Contains((await GetAsync("/open311/v2/requests.json?service_code=wonen-vocht&status=open")).EnumerateArray(),
            r => r.GetProperty("service_request_id").GetString() == id);
    }

    [Fact]
    public async Task Requests_NeverListHealthSafetyOrWork_NorAGroupUnderFive()
    {
        // The repro: each report of "thoughts of suicide" or "stress, worries" was listed one by one, with the location.
        for (var i = 0; i < 6; i++) await SubmitAsync(category: "zorg", sub: "zorg-zelfdoding");
        for (var i = 0; i < 6; i++) await SubmitAsync(category: "zorg", sub: "zorg-psychisch");
        for (var i = 0; i < 6; i++) await SubmitAsync(category: "veiligheid", sub: "veiligheid-conflict");
        for (var i = 0; i < 6; i++) await SubmitAsync(category: "werk", sub: "werk-werkgever");
        for (var i = 0; i < PublicDisclosure.MinimumGroup - 1; i++) await SubmitAsync(category: "vervoer", sub: "vervoer-ov");
        await _app.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);

        Assert.Empty((await GetAsync("/open311/v2/requests.json")).EnumerateArray());
        var services = (await GetAsync("/open311/v2/services.json")).EnumerateArray().Select(s => s.GetProperty("service_code").GetString()).ToList();
        Assert.DoesNotContain("zorg-zelfdoding", services);
        Assert.DoesNotContain("zorg-psychisch", services);
        Assert.DoesNotContain(services, c => c!.StartsWith("veiligheid", StringComparison.Ordinal) || c.StartsWith("zorg", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/open311/v2/services/zorg-zelfdoding.json")).StatusCode);
    }

    [Fact]
    public async Task BadQueries_NameTheirField()
    {
        foreach (var (path, field) in new[]
                 {
                     ("/open311/v2/requests.xml", "format"), ("/open311/v2/requests.json?status=pending", "status"),
                     ("/open311/v2/requests.json?start_date=gisteren", "start_date"),
                     ("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z", "start_date"),
                     ("/open311/v2/requests/abc.json", "service_request_id"),
                     ("/open311/v2/requests.json?end_date=0001-01-01T00:00:00Z", "end_date"),
                     ("/open311/v2/requests.json?start_date=9999-12-31T00:00:00Z", "start_date"),
                 })
        {
            var response = await _app.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _), path);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/open311/v2/requests/20261123-000000000000.json")).StatusCode);
    }
}
