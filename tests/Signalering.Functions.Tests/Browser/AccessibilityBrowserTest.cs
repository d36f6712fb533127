using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using System.Net.Http.Json;
using Signalering.Functions.Tests.Expertpool;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

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

    [Theory]
    [InlineData("en")]
    [InlineData("ar")]
    [InlineData("ti")]
    public async Task ExpertpoolPages_HaveNoViolations(string lang)
    {
        var token = App.Token(Intakes.AzcMainBuilding);
        var now = DateTimeOffset.UtcNow;
        var open = await App.CreateConsultationAsync(now.AddHours(-1));
        var closed = await App.CreateConsultationAsync(now.AddDays(-20));
        await App.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{closed}/outcome",
            new { heard = "De taalles begint te laat.", willDo = "Vanaf januari is er les om 9 uur." });
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, lang);
        var page = await context.NewPageAsync();
        foreach (var path in new[] { $"/e/l/{token}", $"/e/l/{token}?lang={lang}", $"/e/join?lang={lang}&loc={token}", $"/e/me?lang={lang}",
            $"/e/results/{closed}?lang={lang}" })
        {
            await page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }
        // Sent back without consent, then joined: the error page and the member code page.
        await page.GotoAsync($"/e/join?lang={lang}&loc={token}");
        // Members tap the option's label, the large target.
        await page.Locator("label[for='targetGroup-0']").ClickAsync();
        await page.Locator("label[for='ageRange-1']").ClickAsync();
        await page.Locator("label[for='channel-0']").ClickAsync();
        await page.Locator("form[action='/e/join'] button[type=submit]").ClickAsync();
        await page.Locator(".errors").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("label[for='consent']").ClickAsync();
        await page.Locator("form[action='/e/join'] button[type=submit]").ClickAsync();
        await page.Locator(".code").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
        var code = await page.Locator(".code").InnerTextAsync();
        await App.InviteAsync(open);
        // The member's page with the invitation, the answer page on a phone, and the thanks.
        await page.GotoAsync($"/e/me?lang={lang}");
        await page.Locator("#code").FillAsync(code);
        await page.Locator("form[action='/e/me'] button").ClickAsync();
        await page.Locator("a[href^='/e/i/']").WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Locator("a[href^='/e/i/']").ClickAsync();
        await page.Locator("input[name='score.taal']").First.WaitForAsync();
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, null, $"expertpool-answer-{lang}");
        await page.Locator("label[for='score.taal-6']").ClickAsync();
        await page.Locator("form[action^='/e/i/'] button[type=submit]").ClickAsync();
        await page.Locator("h1").WaitForAsync();
        Assert.Contains(Domain.Texts.ResidentTexts.Default.Get(lang, "ep.answer.thanks"), await page.InnerTextAsync("h1"));
        await Axe.AssertNoViolationsAsync(page);
    }

    [Fact]
    public async Task ConsultationPages_HaveNoViolations()
    {
        var id = await App.CreateConsultationAsync(DateTimeOffset.UtcNow.AddHours(-1));
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseUrl, ViewportSize = new() { Width = 1024, Height = 768 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inbox");
        await DevSignIn.PickAsync(page, Auth.Roles.Municipality, "gemeente-regie");
        await page.Locator("table").WaitForAsync();
        foreach (var path in new[] { "/inbox/expertpool", "/inbox/expertpool/nieuw", $"/inbox/expertpool/{id}", $"/inbox/expertpool/{id}/talen/ar", $"/inbox/expertpool/{id}/rapport" })
        {
            await page.GotoAsync(path);
            await Axe.AssertNoViolationsAsync(page);
        }
    }

    [Fact]
    public async Task PosterAndAdminPage_HaveNoViolations()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseUrl });
        var page = await context.NewPageAsync();
        var reference = await App.Admin().GetStringAsync("/api/admin/reference");
        var tokenId = System.Text.Json.JsonDocument.Parse(reference).RootElement.GetProperty("locations").EnumerateArray()
            .First(l => l.GetProperty("id").GetString() == "azc-luttelgeest").GetProperty("qrTokens")[0].GetProperty("id").GetString();
        await DevSignIn.PickAsync(page, Auth.Roles.Admin, "gemeente-regie");
        await page.GotoAsync($"/beheer/locations/azc-luttelgeest/posters/{tokenId}");
        Assert.Contains("112", await page.ContentAsync());
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, null, "poster-azc-luttelgeest");
        await page.GotoAsync("/beheer");
        await Axe.AssertNoViolationsAsync(page);
        await page.GotoAsync("/beheer/languages/ar"); // right-to-left texts beside Dutch and English
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
        await DevSignIn.PickAsync(page, Auth.Roles.Coordinator, "coa-luttelgeest");
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
