using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Signalering.Domain.Clocks;
using Signalering.Domain.Languages;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Texts;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// The resident's whole way on a 360×740 phone, in the phone's language: scan → first page → subject → tile → form
/// → confirmation, asserting what they see at each step, axe-clean throughout. With SIGNALERING_SCREENSHOTS=1 each
/// step is kept as docs/screenshots/journey-intake-{lang}-{step}.png (the screen as the phone shows it).
/// </summary>
[Collection("browser")]
public sealed class IntakeJourneyBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;
    private static readonly ReferenceSet Seed = ReferenceFiles.LoadEmbedded().ToDomain();

    public void Dispose() => App.Dispose();

    private static string T(string lang, string key) => ResidentTexts.Default.Get(lang, key);
    private static string Name(string category, string lang) => Seed.Categories.All.Single(c => c.Code == category).NameIn(lang);

    [Theory]
    [InlineData("nl")]
    [InlineData("ar")]
    [InlineData("ti")]
    public async Task ScanToConfirmation_InThePhonesLanguage(string lang)
    {
        var token = App.Token(Intakes.AzcMainBuilding);
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, lang);
        var page = await context.NewPageAsync();

        // 1. The scan: the first page in the phone's language, 112 above all, the asylum seeker's reassurance.
        await page.GotoAsync($"/r/{token}");
        Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(FormLanguages.Get(lang).RightToLeft ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(T(lang, "page.title"));
        await Assertions.Expect(page.Locator(".reassure")).ToContainTextAsync(T(lang, "reassurance.asielzoeker"));
        await Assert112FirstAsync(page, lang, with113: false);
        await StepAsync(page, lang, "1-first");

        // 2. Its own language is the first choice; choosing it is remembered for the next scan.
        await page.Locator(".langs .tile").First.ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(T(lang, "form.chooseCategory"));
        var remembered = (await context.CookiesAsync()).Single(c => c.Name == "taal");
        Assert.Equal((lang, SameSiteAttribute.Lax, true), (remembered.Value, remembered.SameSite, remembered.HttpOnly));
        Assert.True(remembered.Expires > DateTimeOffset.UtcNow.AddDays(300).ToUnixTimeSeconds());
        await Assertions.Expect(page.Locator(".lang-switch")).ToBeVisibleAsync();
        await Assert112FirstAsync(page, lang, with113: false);
        await StepAsync(page, lang, "2-subjects");

        // 3. A health subject: 112 and 113 on top, a pictogram on every tile.
        await page.GetByRole(AriaRole.Link, new() { Name = Name("zorg", lang), Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync(Name("zorg", lang));
        var tiles = page.Locator("ul.tiles .tile");
        Assert.Equal(Seed.Categories.SubcategoriesOf("zorg").Count() + 1, await tiles.CountAsync());
        for (var i = 0; i < await tiles.CountAsync(); i++)
            Assert.True(await tiles.Nth(i).Locator("svg[aria-hidden=true]").IsVisibleAsync(), $"tile {i} has no pictogram");
        await Assert112FirstAsync(page, lang, with113: true);
        await StepAsync(page, lang, "3-tiles");

        // 4. The form, 112 and 113 still on top, once.
        await page.GetByRole(AriaRole.Link, new() { Name = Name("zorg-psychisch", lang), Exact = true }).ClickAsync();
        await page.Locator("#report").WaitForAsync();
        await Assert112FirstAsync(page, lang, with113: true);
        await StepAsync(page, lang, "4-form");
        await page.GetByLabel(T(lang, "form.describe")).FillAsync("…");
        await page.GetByRole(AriaRole.Button, new() { Name = T(lang, "form.submit") }).ClickAsync();

        // 5. The confirmation: the code on one line, the promise in calendar words with the language's plural, next steps.
        await page.WaitForURLAsync(new Regex("/zorg-psychisch/[A-Z0-9]{10}$"), new() { Timeout = 60_000 });
        var code = (await page.Locator("#tracking-code").InnerTextAsync()).Trim();
        var signal = await App.LoadAsync(code);
        Assert.Equal(1, await LinesOfAsync(page, "#tracking-code"));
        var promise = ResidentPromise.For(signal);
        await Assertions.Expect(page.Locator("#promise-look")).ToHaveTextAsync(promise.LookText(ResidentTexts.Default, lang));
        await Assertions.Expect(page.Locator("#promise-solve")).ToHaveTextAsync(promise.SolveText(ResidentTexts.Default, lang));
        await Assertions.Expect(page.Locator("#status-link")).ToHaveAttributeAsync("href", $"/s/{signal.Code.Value}?lang={lang}");
        await Assertions.Expect(page.Locator("#report-more")).ToHaveAttributeAsync("href", $"/r/{token}/{lang}");
        await Assertions.Expect(page.Locator("ul.next")).ToContainTextAsync("AZC Luttelgeest");
        await Assertions.Expect(page.Locator("#copy")).ToBeVisibleAsync(); // a secure page: the clipboard is offered
        await Axe.AssertNoViolationsAsync(page);
        await StepAsync(page, lang, "5-confirmation");

        // The narrowest phones the user tried: still one line, nothing wider than the screen.
        await page.SetViewportSizeAsync(320, 640);
        Assert.Equal(1, await LinesOfAsync(page, "#tracking-code"));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 320"));

        // "Report something else" starts again in the same language.
        await page.Locator("#report-more").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(T(lang, "form.chooseCategory"));
    }

    [Fact]
    public async Task CopyButton_PutsTheCodeOnTheClipboard()
    {
        var token = App.Token(Intakes.AzcMainBuilding);
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "so");
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"], new() { Origin = _server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/r/{token}/so/wonen/wonen-vocht");
        await page.GetByRole(AriaRole.Button, new() { Name = T("so", "form.submit") }).ClickAsync();
        await page.Locator("#tracking-code").WaitForAsync(new() { Timeout = 60_000 });
        await page.Locator("#copy").ClickAsync();
        await Assertions.Expect(page.Locator("#copied")).ToHaveTextAsync(T("so", "intake.copied"));
        Assert.Equal((await page.Locator("#tracking-code").InnerTextAsync()).Trim(), await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
    }

    /// <summary>112 (and 113 where it fits) first in the page, once, a large red target, and the page axe-clean.</summary>
    private static async Task Assert112FirstAsync(IPage page, string lang, bool with113)
    {
        var call112 = page.Locator("a[href='tel:112']");
        Assert.Equal(1, await call112.CountAsync());
        Assert.Equal(with113 ? 1 : 0, await page.Locator("a[href='tel:113']").CountAsync());
        await Assertions.Expect(call112).ToHaveTextAsync(T(lang, "emergency.call112"));
        var box = (await call112.BoundingBoxAsync())!;
        Assert.True(box.Width >= 48 && box.Height >= 48, $"112 is {box.Width}×{box.Height}");
        Assert.True(box.Y + box.Height <= 740, "112 is below the fold");
        // Nothing but the emergency section comes before it.
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').firstElementChild.matches('section.danger')"));
        await Axe.AssertNoViolationsAsync(page);
    }

    /// <summary>How many lines the element's text takes on screen.</summary>
    private static Task<int> LinesOfAsync(IPage page, string selector) => page.EvaluateAsync<int>(
        "s => { const r = document.createRange(); r.selectNodeContents(document.querySelector(s)); return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; }",
        selector);

    private static async Task StepAsync(IPage page, string lang, string step)
    {
        if (Environment.GetEnvironmentVariable("SIGNALERING_SCREENSHOTS") != "1") return;
        var dir = Path.Combine(RepoRoot.Find(), "docs", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"journey-intake-{lang}-{step}.png") });
    }
}
