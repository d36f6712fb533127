using Microsoft.Playwright;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser: `playwright install` cannot run here), shared by
/// the browser tests. .ci/run installs the chromium package; without it these tests fail, they do not skip.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    public const string ExecutablePath = "/usr/bin/chromium";
    public IPlaywright Playwright { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Assert.True(File.Exists(ExecutablePath), $"{ExecutablePath} is missing: install Debian's chromium (see .ci/run).");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        Playwright.Dispose();
    }

    /// <summary>A phone: 360×740, touch, the resident's language as the browser's; <paramref name="serviceWorkers"/> false: an old phone without them.</summary>
    public Task<IBrowserContext> PhoneAsync(string baseUrl, string locale = "en", bool javaScript = true, bool serviceWorkers = true) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = locale,
            JavaScriptEnabled = javaScript,
            ServiceWorkers = serviceWorkers ? ServiceWorkerPolicy.Allow : ServiceWorkerPolicy.Block,
        });
}

[CollectionDefinition("browser")]
public sealed class BrowserCollection : ICollectionFixture<ChromiumFixture>;

/// <summary>The app on a real Kestrel port, so a browser can reach it.</summary>
public static class KestrelApp
{
    public static (SignaleringApp App, string BaseUrl) Start()
    {
        var app = new SignaleringApp();
        var port = Azurite.FreePort();
        app.UseKestrel(port);
        app.StartServer();
        return (app, $"http://127.0.0.1:{port}");
    }
}

/// <summary>axe-core from node_modules, run in the page: WCAG 2.0/2.1 A and AA rules.</summary>
public static class Axe
{
    private static readonly string Script = File.ReadAllText(Path.Combine(RepoRoot.Find(), "node_modules", "axe-core", "axe.min.js"));

    public static async Task AssertNoViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol, as a tester's console would: the page's CSP rightly refuses inline script tags.
        await page.EvaluateAsync(Script);
        var violations = await page.EvaluateAsync<System.Text.Json.JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a','wcag2aa','wcag21a','wcag21aa'] } })).violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).join(', '))");
        var list = violations.EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.True(list.Count == 0, $"{page.Url}:\n" + string.Join("\n", list));
    }
}

/// <summary>The development sign-in page, as a developer uses it: a staff page sends the browser there, pick a role and an organisation.</summary>
public static class DevSignIn
{
    public static async Task PickAsync(IPage page, string role, string organisation)
    {
        if (!page.Url.Contains("/aanmelden", StringComparison.Ordinal)) await page.GotoAsync("/aanmelden");
        await page.SelectOptionAsync("#role", role);
        await page.SelectOptionAsync("#org", organisation);
        await page.Locator("form[action='/aanmelden'] button").ClickAsync();
    }
}

/// <summary>The worst case of a bad connection: the server stores the report, then its answer never reaches the phone.</summary>
public static class DroppedConnection
{
    /// <summary>From now on the page's first form post reaches the server but its answer is lost; returns how many posts the page made.</summary>
    public static async Task<Func<int>> LoseFirstAnswerAsync(IPage page)
    {
        var posts = 0;
        await page.RouteAsync("**/r/**", async route =>
        {
            if (route.Request.Method == "POST" && posts++ == 0)
            {
                await route.FetchAsync();
                await route.AbortAsync("connectionreset");
            }
            else await route.ContinueAsync();
        });
        return () => posts;
    }
}
