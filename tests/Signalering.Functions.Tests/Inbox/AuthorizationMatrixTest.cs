using System.Net;
using System.Net.Http.Json;
using Signalering.Functions.Features.Inbox;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Inbox;

/// <summary>
/// Who may reach what, over every staff endpoint: anonymous callers, a coordinator of another organisation, the
/// location's operator and municipality triage against the confidential channel, the municipality's reports. A
/// signal that is not yours is "not found" (404), never "forbidden": its existence is not yours to know either.
/// </summary>
public sealed class AuthorizationMatrixTest : IDisposable
{
    private readonly SignaleringApp _app = new();

    public void Dispose() => _app.Dispose();

    private static readonly IReadOnlyList<string> Actions = InboxService.Actions;

    private async Task<(string Code, string ETag)> RoutedAsync(string category, string? sub, string owner)
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, category: category, subcategory: sub, text: null));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var detail = await _app.Coordinator(owner).GetAsync($"/api/inbox/signals/{code}");
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        return (code, detail.Headers.ETag!.ToString());
    }

    private static async Task<HttpStatusCode> ActAsync(HttpClient client, string code, string action, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/{action}")
        {
            Content = JsonContent.Create(new { to = "gemeente-regie", reason = "test", text = "test", standardReply = "looking", into = code, weeks = 1 }),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return (await client.SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task EveryInboxEndpoint_ForEveryCallerWhoIsNotTheOwner()
    {
        var (ordinary, ordinaryTag) = await RoutedAsync("wonen", "wonen-vocht", "coa-luttelgeest");
        var (confidential, confidentialTag) = await RoutedAsync("veiligheid", "veiligheid-medewerker", "vertrouwenspersoon");
        var anonymous = _app.CreateClient();
        var otherOrganisation = _app.Coordinator("wooncooperatie");
        var operatorOfTheLocation = _app.Coordinator("coa-luttelgeest");
        var triage = _app.Coordinator("gemeente-triage", "municipality");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/inbox")).StatusCode);
        foreach (var (caller, code, etag, expected, who) in new[]
                 {
                     (anonymous, ordinary, ordinaryTag, HttpStatusCode.Unauthorized, "anonymous"),
                     (otherOrganisation, ordinary, ordinaryTag, HttpStatusCode.NotFound, "another organisation"),
                     (operatorOfTheLocation, confidential, confidentialTag, HttpStatusCode.NotFound, "the operator, confidential channel"),
                     (triage, confidential, confidentialTag, HttpStatusCode.NotFound, "municipality triage, confidential channel"),
                 })
        {
            Assert.True(expected == (await caller.GetAsync($"/api/inbox/signals/{code}")).StatusCode, $"{who}: detail");
            foreach (var action in Actions)
                Assert.True(expected == await ActAsync(caller, code, action, etag), $"{who}: {action}");
            if (expected != HttpStatusCode.Unauthorized)
                Assert.DoesNotContain(code.Replace("-", ""), (await caller.GetStringAsync("/api/inbox")).Replace("-", ""));
        }

        // Nothing any of them tried changed either signal.
        Assert.Equal(Domain.Workflow.SignalStatus.Routed, (await _app.LoadAsync(ordinary)).Status);
        Assert.Equal(Domain.Workflow.SignalStatus.Routed, (await _app.LoadAsync(confidential)).Status);
        Assert.Equal(HttpStatusCode.OK, (await _app.Coordinator("vertrouwenspersoon").GetAsync($"/api/inbox/signals/{confidential}")).StatusCode);
    }

    [Theory]
    [InlineData("/api/reports/response-times")]
    [InlineData("/api/reports/response-times.csv")]
    [InlineData("/api/reports/complaints-register")]
    [InlineData("/api/reports/complaints-register.csv")]
    [InlineData("/rapportage/reactietijden.csv")]
    [InlineData("/rapportage/klachtenregister.csv")]
    [InlineData("/api/expertpool/consultations")]
    public async Task MunicipalityEndpoints_AnonymousCoordinatorMunicipalityAdmin(string path)
    {
        // An API client is told 401; a browser asking for a page's download is sent to the sign-in page.
        var anonymous = await _app.Browser().GetAsync(path);
        if (path.StartsWith("/api/", StringComparison.Ordinal)) Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        else Assert.StartsWith("/aanmelden?terug=", anonymous.Headers.Location?.PathAndQuery ?? anonymous.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Coordinator("coa-luttelgeest").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Coordinator("gemeente-regie", "municipality").GetAsync(path)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Coordinator("gemeente-regie", "admin").GetAsync(path)).StatusCode);
    }
}
