using System.Net;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Processing;

/// <summary>From intake to the responsible organisation's queue, through the ProcessSignal function as the host invokes it.</summary>
public sealed class RoutingTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData(Intakes.AzcMainBuilding, "wonen", "wonen-vocht", "coa-luttelgeest")]
    [InlineData(Intakes.AzcMainBuilding, "zorg", "zorg-tolk", "gza-luttelgeest")]
    [InlineData(Intakes.AzcMainBuilding, "werk", "werk-toegang", "coa-meedoenbalie")]
    [InlineData(Intakes.Ukrainian, "wonen", "wonen-vocht", "gemeente-oekraine")]
    [InlineData(Intakes.FirstHome, "wonen", "wonen-verwarming", "wooncooperatie")]
    [InlineData(Intakes.FirstHome, "informatie", "informatie-brieven", "gemeente-regie")]
    public async Task Process_RuleMatches_RoutesToThatOrganisationsQueue(string token, string category, string sub, string organisation)
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, tokenId: token, category: category, subcategory: sub));
        Assert.Equal(1, await _app.DrainAsync(QueueNames.Intake, "ProcessSignal"));

        var signal = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.Routed, signal.Status);
        Assert.Equal(organisation, signal.OrganisationId);
        Assert.Equal(RoutingReason.Rule, signal.RoutingReason);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.Routed && e.Detail == organisation);
        var message = Assert.Single(await _app.PeekOrganisationQueueAsync(organisation));
        Assert.Equal(code, message.GetProperty("trackingCode").GetString());
        Assert.False(message.GetProperty("isCopy").GetBoolean());
    }

    [Fact]
    public async Task Process_NoRuleMatches_FallsBackToMunicipalityTriage()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, category: "vervoer", subcategory: "vervoer-ov"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var signal = await _app.LoadAsync(code);
        Assert.Equal("gemeente-triage", signal.OrganisationId);
        Assert.Equal(RoutingReason.Fallback, signal.RoutingReason);
        Assert.Single(await _app.PeekOrganisationQueueAsync("gemeente-triage"));

        // What the README tells a newcomer to look at.
        var peek = System.Text.Json.JsonDocument.Parse(await _app.Admin().GetStringAsync("/api/admin/organisations/gemeente-triage/queue")).RootElement;
        Assert.Equal(code, Assert.Single(peek.GetProperty("messages").EnumerateArray()).GetProperty("trackingCode").GetString());
    }

    [Fact]
    public async Task Process_LabourMigrantHousing_RoutesToAgencyWithCopyToMunicipality()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, tokenId: Intakes.LabourMigrants, language: "pl",
            subcategory: "wonen-privacy", text: "Za dużo osób w jednym pokoju"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        Assert.Equal("uitzendbureau", (await _app.LoadAsync(code)).OrganisationId);
        Assert.Single(await _app.PeekOrganisationQueueAsync("uitzendbureau"));
        var copy = Assert.Single(await _app.PeekOrganisationQueueAsync("gemeente-triage"));
        Assert.True(copy.GetProperty("isCopy").GetBoolean());
        // The copy's receiver cannot open the resident's status page: no tracking code, not even inside the message id.
        Assert.Equal(System.Text.Json.JsonValueKind.Null, copy.GetProperty("trackingCode").ValueKind);
        Assert.DoesNotContain(code.Replace("-", ""), copy.GetRawText().Replace("-", ""));
    }

    [Theory]
    [InlineData("veiligheid", "veiligheid-medewerker", null)]
    [InlineData("veiligheid", "veiligheid-kinderen", null)]
    [InlineData("wonen", "wonen-regels", "The security guard touched me and said he will hurt me if I tell anyone")]
    public async Task Process_Sensitive_GoesToConfidentialHandlerAndNeverToOperator(string category, string sub, string? text)
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, language: "en", category: category, subcategory: sub, text: text));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var signal = await _app.LoadAsync(code);
        Assert.True(signal.Flags.Sensitive);
        Assert.Equal("vertrouwenspersoon", signal.OrganisationId);
        Assert.Equal(RoutingReason.Confidential, signal.RoutingReason);
        Assert.Empty(signal.CopyTo);
        Assert.Empty(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"));
        var message = Assert.Single(await _app.PeekOrganisationQueueAsync("vertrouwenspersoon"));
        Assert.True(message.GetProperty("confidential").GetBoolean());
    }

    [Fact]
    public async Task Process_OrganisationMessage_CarriesNoResidentTextOrContact()
    {
        var body = Intakes.Body(_app, text: "نص خاص جدا للساكن");
        body["contact"] = new { phone = "+31612345678" };
        body["contactConsent"] = true;
        await _app.CreateClient().SubmitAcceptedAsync(body);
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var raw = Assert.Single(await _app.PeekOrganisationQueueAsync("coa-luttelgeest")).GetRawText();
        Assert.DoesNotContain("نص خاص", raw);
        Assert.DoesNotContain("612345678", raw);
    }

    [Fact]
    public async Task Process_DeliveredTwice_RoutesOnceAndSendsOneMessage()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        var message = $"{{\"trackingCode\":\"{code}\"}}";
        var first = await _app.InvokeQueueFunctionAsync("ProcessSignal", message);
        var second = await _app.InvokeQueueFunctionAsync("ProcessSignal", message);

        first.EnsureSucceeded();
        second.EnsureSucceeded();
        var signal = await _app.LoadAsync(code);
        Assert.Single(signal.Events, e => e.Kind == SignalEventKinds.Routed);
        Assert.Single(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"));
    }

    [Fact]
    public async Task Process_ConcurrentDeliveries_RouteOnce()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        var message = $"{{\"trackingCode\":\"{code}\"}}";
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => _app.InvokeQueueFunctionAsync("ProcessSignal", message)));

        Assert.All(responses, r => r.EnsureSucceeded());
        var signal = await _app.LoadAsync(code);
        Assert.Single(signal.Events, e => e.Kind == SignalEventKinds.Routed);
    }

    [Fact]
    public async Task Status_AfterRouting_ShowsHistoryInResidentsLanguageAndNothingElse()
    {
        var client = _app.CreateClient();
        var code = await client.SubmitAcceptedAsync(Intakes.Body(_app, language: "ti", text: "ማይ ኣብ ክፍለይ ይኣቱ"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var response = await client.GetAsync("/api/signals/" + code.Replace("-", "").ToLowerInvariant());
        var body = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("routed", body.GetProperty("status").GetString());
        Assert.Equal("ti", body.GetProperty("language").GetString());
        Assert.Matches(@"\p{IsEthiopic}", body.GetProperty("statusLabel").GetString());
        Assert.Equal(2, body.GetProperty("history").GetArrayLength());
        var raw = body.GetRawText();
        Assert.DoesNotContain("ማይ ኣብ ክፍለይ", raw);       // the resident's own text is not echoed
        Assert.DoesNotContain("coa-luttelgeest", raw);     // nor internal ids
        Assert.DoesNotContain("Locatiemanagement", raw);
    }
}
