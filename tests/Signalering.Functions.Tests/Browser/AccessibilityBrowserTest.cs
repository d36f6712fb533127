using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Storage.Queues;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// axe-core in Chromium over every kind of page a resident or a poster reader meets: zero WCAG 2.1 A/AA violations.
/// Set SIGNALERING_SCREENSHOTS=1 to also write the screenshots kept in docs/screenshots.
/// </summary>
[Collection("browser")]
public sealed class AccessibilityBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;

    public void Dispose() => App.Dispose();

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("ti")]
    public async Task FormAndStatusPages_HaveNoViolations(string lang)
    {
        var token = App.Token(Intakes.AzcMainBuilding);
        var code = await App.CreateClient().SubmitAcceptedAsync(Intakes.Body(App, language: lang));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await App.ResolveAsync(code);
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, lang);
        var page = await context.NewPageAsync();
        string[] paths = [$"/r/{token}", $"/r/{token}/{lang}", $"/r/{token}/{lang}/zorg", $"/r/{token}/{lang}/zorg/zorg-zelfdoding",
            $"/r/{token}/{lang}/wonen/wonen-vocht", $"/s?lang={lang}", $"/s/{code}?lang={lang}&new=1"];
        foreach (var path in paths)
        {
            await page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }
        // A form sent back with errors is a page of its own.
        await page.GotoAsync($"/r/{token}/{lang}/wonen/-");
        await page.Locator("#phone").FillAsync("+31612345678");
        await page.Locator("#report button[type=submit]").ClickAsync();
        await page.Locator(".errors").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, $"/r/{token}/{lang}/wonen/wonen-vocht", $"form-{lang}");
    }

    [Fact]
    public async Task PosterAndAdminPage_HaveNoViolations()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseUrl });
        var page = await context.NewPageAsync();
        var reference = await App.CreateClient().GetStringAsync("/api/admin/reference");
        var tokenId = System.Text.Json.JsonDocument.Parse(reference).RootElement.GetProperty("locations").EnumerateArray()
            .First(l => l.GetProperty("id").GetString() == "azc-luttelgeest").GetProperty("qrTokens")[0].GetProperty("id").GetString();
        await page.GotoAsync($"/admin/locations/azc-luttelgeest/posters/{tokenId}");
        Assert.Contains("112", await page.ContentAsync());
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, null, "poster-azc-luttelgeest");
        await page.GotoAsync("/admin");
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task InboxPages_HaveNoViolations()
    {
        var code = await App.CreateClient().SubmitAcceptedAsync(Intakes.Body(App));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseUrl, ViewportSize = new() { Width = 1024, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inbox");
        await Axe.AssertNoViolationsAsync(page);
        var key = App.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Auth:DevSigningKey"]!;
        await page.Locator("#token").FillAsync(Auth.SignaleringAuth.CreateDevToken(key, Auth.Roles.Coordinator, "coa-luttelgeest", "axe", TimeSpan.FromHours(1)));
        await page.Locator("form[action='/inbox/login'] button").ClickAsync();
        await page.Locator("table").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync($"/inbox/signals/{code.Replace("-", "")}");
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, null, "inbox-detail");
    }
}

internal static class Screenshots
{
    public static async Task TakeAsync(IPage page, string? path, string name)
    {
        if (Environment.GetEnvironmentVariable("SIGNALERING_SCREENSHOTS") != "1") return;
        if (path is not null) await page.GotoAsync(path);
        var dir = Path.Combine(RepoRoot.Find(), "docs", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, name + ".png"), FullPage = true });
    }
}
