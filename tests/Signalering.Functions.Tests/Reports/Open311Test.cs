using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Functions.Application;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Storage.Queues;

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
    public async Task Requests_ShowStatusAgencyAndTimes_NeverTextCodeOrAHomeAddress()
    {
        var code = await SubmitAsync();
        await SubmitAsync(Intakes.FirstHome);
        await SubmitAsync(category: "veiligheid", sub: "veiligheid-medewerker"); // the confidential channel
        await _app.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);

        var raw = await _app.CreateClient().GetStringAsync("/open311/v2/requests.json");
        var requests = JsonDocument.Parse(raw).RootElement.EnumerateArray().ToList();
        Assert.Equal(2, requests.Count);
        Assert.DoesNotContain(code.Replace("-", ""), raw.Replace("-", ""));
        Assert.DoesNotContain("الماء", raw);
        var azc = requests.Single(r => r.GetProperty("address").GetString() == "AZC Luttelgeest, Noordoostpolder");
        Assert.Equal("open", azc.GetProperty("status").GetString());
        Assert.Equal("wonen-vocht", azc.GetProperty("service_code").GetString());
        Assert.Equal(JsonValueKind.Null, azc.GetProperty("description").ValueKind);
        Assert.Equal("2026-11-23T09:00:00Z", azc.GetProperty("requested_datetime").GetString());
        Assert.NotEqual(JsonValueKind.Null, azc.GetProperty("expected_datetime").ValueKind);
        Assert.Contains("COA", azc.GetProperty("agency_responsible").GetString());
        Assert.Single(requests, r => r.GetProperty("address").GetString() == "Noordoostpolder"); // the first home: municipality only

        var id = azc.GetProperty("service_request_id").GetString()!;
        var one = await GetAsync($"/open311/v2/requests/{id}.json");
        Assert.Equal(id, Assert.Single(one.EnumerateArray()).GetProperty("service_request_id").GetString());
        Assert.Empty((await GetAsync("/open311/v2/requests.json?status=closed")).EnumerateArray());
        Assert.Single((await GetAsync("/open311/v2/requests.json?service_code=wonen-vocht&status=open")).EnumerateArray(),
            r => r.GetProperty("service_request_id").GetString() == id);
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
                 })
        {
            var response = await _app.CreateClient().GetAsync(path);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty(field, out _), path);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/open311/v2/requests/20261123-000000000000.json")).StatusCode);
    }
}
