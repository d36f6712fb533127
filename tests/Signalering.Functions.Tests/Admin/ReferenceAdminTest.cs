using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Admin;

/// <summary>The admin API changes reference data only into a consistent whole; routing follows at once.</summary>
public sealed class ReferenceAdminTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task GetReference_ReturnsSeededNoordoostpolderData()
    {
        var body = JsonDocument.Parse(await _app.Admin().GetStringAsync("/api/admin/reference")).RootElement;
        Assert.Contains(body.GetProperty("locations").EnumerateArray(), l => l.GetProperty("id").GetString() == "azc-luttelgeest");
        Assert.Contains(body.GetProperty("organisations").EnumerateArray(), o => o.GetProperty("kind").GetString() == "confidentialHandler");
        Assert.True(body.GetProperty("version").GetInt32() >= 1);
    }

    [Fact]
    public async Task PutOrganisation_ThenRoutingRules_RoutesToTheNewOrganisation()
    {
        var client = _app.Admin();
        var put = await client.PutAsJsonAsync("/api/admin/organisations/busvervoerder",
            new { id = "busvervoerder", name = "Vervoerder Noordoostpolder", kind = "municipality", inbox = "Klantenservice OV" });
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var reference = JsonDocument.Parse(await client.GetStringAsync("/api/admin/reference")).RootElement;
        var rules = reference.GetProperty("rules").EnumerateArray().Select(r => JsonSerializer.Deserialize<object>(r.GetRawText())).ToList();
        rules.Insert(0, new { id = "azc-vervoer", locationType = "azc", categories = new[] { "vervoer" }, organisationId = "busvervoerder" });
        Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/admin/routing-rules", rules)).StatusCode);

        var code = await client.SubmitAcceptedAsync(Intakes.Body(_app, category: "vervoer", subcategory: "vervoer-ov"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Equal("busvervoerder", (await _app.LoadAsync(code)).OrganisationId);
    }

    [Fact]
    public async Task PutLocation_UnknownOperator_Returns400AndChangesNothing()
    {
        var client = _app.Admin();
        var before = await client.GetStringAsync("/api/admin/reference");
        var response = await client.PutAsJsonAsync("/api/admin/locations/nieuw",
            new { id = "nieuw", name = "Nieuwe locatie", type = "azc", operatorId = "bestaat-niet", municipality = "Noordoostpolder", mainLanguages = new[] { "ar" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty("operatorId", out _));
        Assert.Equal(before, await client.GetStringAsync("/api/admin/reference"));
    }

    [Fact]
    public async Task PutCategory_MissingLanguageName_Returns400NamingNames()
    {
        var response = await _app.Admin().PutAsJsonAsync("/api/admin/categories/nieuw",
            new { code = "nieuw", promise = new { acknowledgeWithinWorkingHours = 8, resolveWithinWorkingDays = 5 }, names = new { nl = "Nieuw", en = "New" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(json.GetProperty("errors").TryGetProperty("names", out _));
    }

    [Fact]
    public async Task DeleteOrganisation_StillRoutedTo_Returns409()
    {
        var response = await _app.Admin().DeleteAsync("/api/admin/organisations/coa-luttelgeest");
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task QrTokens_CreateThenRevoke_TokenStopsWorking()
    {
        var client = _app.Admin();
        var created = await client.PostAsJsonAsync("/api/admin/locations/azc-luttelgeest/qr-tokens", new { wing = "Gebouw C" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var token = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        var body = Intakes.Body(_app);
        body["locationToken"] = token.GetProperty("token").GetString();
        var code = await client.SubmitAcceptedAsync(body);
        Assert.Equal("Gebouw C", (await _app.LoadAsync(code)).Wing);

        var revoke = await client.PostAsync($"/api/admin/locations/azc-luttelgeest/qr-tokens/{token.GetProperty("tokenId").GetString()}/revoke", null);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        body["idempotencyKey"] = Guid.NewGuid().ToString();
        var (rejected, _) = await client.SubmitAsync(body);
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
    }
}
