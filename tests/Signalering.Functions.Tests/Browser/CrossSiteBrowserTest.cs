using Microsoft.Playwright;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// Cross-site request forgery in Chromium: a page on another site (served by the test through Playwright's routing,
/// under a host name that is not the app's) posts a form to the app while the victim is signed in. The session cookie
/// (SameSite=Lax) does not travel on a cross-site POST and the anti-forgery cookie (Strict) neither, so the app refuses:
/// the victim's session and the signal stay as they were.
/// </summary>
[Collection("browser")]
public sealed class CrossSiteBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private const string Attacker = "http://attacker.example";
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;

    public void Dispose() => App.Dispose();

    private async Task<(IBrowserContext Context, IPage Page)> SignedInVictimAsync()
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inbox");
        await DevSignIn.PickAsync(page, Auth.Roles.Coordinator, "coa-luttelgeest");
        await page.Locator("table").WaitForAsync();
        return (context, page);
    }

    /// <summary>Opens the attacker's page, which posts <paramref name="fields"/> to <paramref name="target"/> on load; returns the app's answer.</summary>
    private async Task<IResponse> AttackAsync(IBrowserContext context, string target, IReadOnlyDictionary<string, string> fields)
    {
        var inputs = string.Concat(fields.Select(f => $"<input type=\"hidden\" name=\"{f.Key}\" value=\"{System.Net.WebUtility.HtmlEncode(f.Value)}\">"));
        var html = $"<!doctype html><html><body><form id=\"f\" method=\"post\" action=\"{_server.BaseUrl}{target}\">{inputs}</form>"
                   + "<script>document.getElementById('f').submit()</script></body></html>";
        await context.RouteAsync(Attacker + "/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = html }));
        var page = await context.NewPageAsync();
        var answer = page.WaitForResponseAsync(r => r.Url.StartsWith(_server.BaseUrl + target, StringComparison.Ordinal) && r.Request.Method == "POST");
        await page.GotoAsync(Attacker + "/prize");
        return await answer;
    }

    private static async Task<string?> SessionAsync(IBrowserContext context) =>
        (await context.CookiesAsync()).SingleOrDefault(c => c.Name == Auth.SignaleringAuth.SessionCookie)?.Value;

    [Fact]
    public async Task CrossSiteSignIn_AsAnotherOrganisation_IsRefused_TheSessionUnchanged()
    {
        var (context, page) = await SignedInVictimAsync();
        await using var _ = context;
        var before = await SessionAsync(context);
        Assert.NotNull(before);

        var answer = await AttackAsync(context, "/aanmelden", new Dictionary<string, string>
        {
            ["role"] = Auth.Roles.Coordinator, ["org"] = "gemeente-regie", ["terug"] = "/inbox",
        });

        Assert.Equal(400, answer.Status);
        Assert.Equal(before, await SessionAsync(context));
        await page.GotoAsync("/inbox");
        var who = await page.Locator(".who").InnerTextAsync();
        Assert.Contains("coa-luttelgeest", who);
        Assert.DoesNotContain("gemeente-regie", who);
    }

    [Fact]
    public async Task CrossSiteInboxAction_WithTheVictimSignedIn_IsRefused_TheSignalUnchanged()
    {
        var code = await App.CreateClient().SubmitAcceptedAsync(Intakes.Body(App));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var (context, page) = await SignedInVictimAsync();
        await using var _ = context;
        var path = $"/inbox/signals/{code.Replace("-", "")}";
        await page.GotoAsync(path);
        // The attacker is even given the signal's current ETag: only the cross-site defences can stop the action.
        var etag = await page.Locator("form[action$='/accept'] input[name=etag]").GetAttributeAsync("value");
        var before = await App.LoadAsync(code);

        var answer = await AttackAsync(context, path + "/accept", new Dictionary<string, string> { ["etag"] = etag! });

        Assert.Equal(400, answer.Status);
        var after = await App.LoadAsync(code);
        Assert.Equal(SignalStatus.Routed, after.Status);
        Assert.Equal(before.Events.Count, after.Events.Count);
        // The same button on the app's own page works: the refusal was the cross-site post, not the action.
        await page.GetByRole(AriaRole.Button, new() { Name = "Aannemen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "In behandeling" }).WaitForAsync();
        Assert.NotEqual(SignalStatus.Routed, (await App.LoadAsync(code)).Status);
    }
}
