using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Texts;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// A resident on a phone-sized Chromium: QR link → language → category → subcategory → details → confirmation, with
/// and without JavaScript, through a dropped connection, and back on the status page.
/// </summary>
[Collection("browser")]
public sealed class ResidentFormBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;
    private static readonly ReferenceSet Seed = ReferenceFiles.LoadEmbedded().ToDomain();

    public void Dispose() => App.Dispose();

    private static string Name(string category, string lang) => Seed.Categories.All.Single(c => c.Code == category).NameIn(lang);
    private static string T(string lang, string key) => ResidentTexts.Default.Get(lang, key);

    /// <summary>Walks the form the way a resident taps through it, up to the details page.</summary>
    private async Task<IPage> WalkToDetailsAsync(IBrowserContext context, string lang, string nativeName, string category, string sub)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/r/{App.Token(Intakes.AzcMainBuilding)}");
        await page.GetByRole(AriaRole.Link, new() { Name = nativeName, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Name(category, lang), Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = Name(sub, lang), Exact = true }).ClickAsync();
        // Wait for the element, not for a load event: with JavaScript off, load can fire before a waiter is attached.
        await page.Locator("#report").WaitForAsync();
        Assert.Matches($"/{lang}/{category}/{sub}$", page.Url);
        return page;
    }

    private static async Task<string> ConfirmationCodeAsync(IPage page)
    {
        await page.Locator("#tracking-code").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Matches("/[A-Z0-9]{10}$", page.Url); // the confirmation, at the code
        return (await page.Locator("#tracking-code").InnerTextAsync()).Trim();
    }

    [Fact]
    public async Task Arabic_RightToLeft_SubmitsAndConfirms()
    {
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "ar");
        var page = await WalkToDetailsAsync(context, "ar", "العربية", "wonen", "wonen-vocht");
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        await page.GetByLabel(T("ar", "form.describe")).FillAsync("الماء يدخل غرفتي منذ أسبوع");
        await page.GetByRole(AriaRole.Button, new() { Name = T("ar", "form.submit") }).ClickAsync();
        var code = await ConfirmationCodeAsync(page);
        Assert.Equal("rtl", await page.GetAttributeAsync("html", "dir"));
        Assert.Contains(T("ar", "confirmation.title"), await page.Locator("h1").InnerTextAsync());
        var signal = await App.LoadAsync(code);
        Assert.Equal("ar", signal.Language);
        Assert.Equal("الماء يدخل غرفتي منذ أسبوع", signal.Text);
    }

    [Fact]
    public async Task Tigrinya_SubmitsAndConfirms()
    {
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "ti");
        var page = await WalkToDetailsAsync(context, "ti", "ትግርኛ", "wonen", "wonen-vocht");
        Assert.Equal("ltr", await page.GetAttributeAsync("html", "dir"));
        await page.GetByLabel(T("ti", "form.describe")).FillAsync("ማይ ኣብ ክፍለይ ይኣቱ");
        await page.GetByRole(AriaRole.Button, new() { Name = T("ti", "form.submit") }).ClickAsync();
        var code = await ConfirmationCodeAsync(page);
        Assert.Equal("ti", (await App.LoadAsync(code)).Language);
        Assert.Contains(T("ti", "confirmation.codeHelp"), await page.ContentAsync());
    }

    [Fact]
    public async Task WithoutJavaScript_APlainPostWorks()
    {
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "uk", javaScript: false);
        var page = await WalkToDetailsAsync(context, "uk", "Українська", "wonen", "wonen-vocht");
        await page.GetByLabel(T("uk", "form.describe")).FillAsync("У кімнаті сиро");
        await page.GetByRole(AriaRole.Button, new() { Name = T("uk", "form.submit") }).ClickAsync();
        var code = await ConfirmationCodeAsync(page);
        Assert.Equal("У кімнаті сиро", (await App.LoadAsync(code)).Text);
        Assert.Equal(1, await App.CountSignalsAsync());
    }

    [Fact]
    public async Task ConnectionDropsAfterTheServerStored_TheRetryCreatesNoSecondSignal()
    {
        // Without a service worker the page itself retries (with one, the offline outbox does: OfflineOutboxBrowserTest).
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "en", serviceWorkers: false);
        var page = await WalkToDetailsAsync(context, "en", "English", "wonen", "wonen-vocht");
        await page.GetByLabel(T("en", "form.describe")).FillAsync("Water comes into my room");
        await DroppedConnection.LoseFirstAnswerAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = T("en", "form.submit") }).ClickAsync();
        await Assertions.Expect(page.Locator("#state")).ToHaveTextAsync(T("en", "form.offline"));
        Assert.Equal(1, await App.CountSignalsAsync());

        // The phone comes back online: the kept submission goes again, with the same idempotency key.
        await page.EvaluateAsync("() => window.dispatchEvent(new Event('online'))");
        var code = await ConfirmationCodeAsync(page);
        Assert.Equal(1, await App.CountSignalsAsync());
        Assert.Equal("Water comes into my room", (await App.LoadAsync(code)).Text);
    }

    [Fact]
    public async Task StatusPage_InTheResidentsLanguage_NotSolvedReopens()
    {
        var code = await App.CreateClient().SubmitAcceptedAsync(Intakes.Body(App, language: "ti", text: "ማይ ኣብ ክፍለይ ይኣቱ"));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await App.ResolveAsync(code);

        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "ti");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/s?lang=ti");
        await page.GetByLabel(T("ti", "status.enterCode")).FillAsync(code.ToLowerInvariant().Replace("-", " "));
        await page.GetByRole(AriaRole.Button, new() { Name = T("ti", "status.check") }).ClickAsync();
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync(T("ti", "status.resolved"));
        Assert.Equal("ti", await page.GetAttributeAsync("html", "lang"));

        await page.GetByLabel(T("ti", "status.commentLabel")).FillAsync("ማይ ገና ይኣቱ");
        await page.GetByRole(AriaRole.Button, new() { Name = T("ti", "status.no") }).ClickAsync();
        await Assertions.Expect(page.Locator(".status")).ToHaveTextAsync(T("ti", "status.reopened"));
        Assert.Contains(T("ti", "status.reopenedNote"), await page.ContentAsync());
        Assert.Equal(SignalStatus.Reopened, (await App.LoadAsync(code)).Status);
    }

    [Fact]
    public async Task ForgedAndRevokedTokens_ShowTheNoticeInEveryLanguage()
    {
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "am");
        var page = await context.NewPageAsync();
        var forged = await page.GotoAsync("/r/dev.HQ4z84j7neJR-KBN.AAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(404, forged!.Status);
        Assert.Contains(T("am", "error.token"), await page.ContentAsync());

        var client = App.Admin();
        var created = await client.PostAsync("/api/admin/locations/azc-luttelgeest/qr-tokens", null);
        var tokenId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("tokenId").GetString()!;
        Assert.Equal(200, (await page.GotoAsync($"/r/{App.Token(tokenId)}"))!.Status);
        await client.PostAsync($"/api/admin/locations/azc-luttelgeest/qr-tokens/{tokenId}/revoke", null);
        var revoked = await page.GotoAsync($"/r/{App.Token(tokenId)}");
        Assert.Equal(404, revoked!.Status);
        Assert.Contains(T("ti", "error.token"), await page.ContentAsync());
    }
}
