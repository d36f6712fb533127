using Microsoft.Playwright;
using Signalering.Domain.Texts;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// The offline outbox survives closing the page: a report sent without a connection waits in the service worker's
/// IndexedDB, the page says "saved on this phone, not sent yet", and the next page opened online sends it — once.
/// </summary>
[Collection("browser")]
public sealed class OfflineOutboxBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;

    public void Dispose() => App.Dispose();

    private static string T(string lang, string key) => ResidentTexts.Default.Get(lang, key);

    [Fact]
    public async Task OfflineReport_TabClosed_SentOnceWhenAPageOpensOnline()
    {
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "nl");
        var form = await context.NewPageAsync();
        await form.GotoAsync($"/r/{App.Token(Intakes.AzcMainBuilding)}/nl/wonen/wonen-vocht");
        await form.WaitForFunctionAsync("() => !!window.sigOutbox"); // the worker is installed: the outbox is offered

        await context.SetOfflineAsync(true);
        await form.GetByLabel(T("nl", "form.describe")).FillAsync("Er lekt water door het plafond");
        await form.GetByRole(AriaRole.Button, new() { Name = T("nl", "form.submit") }).ClickAsync();
        var notice = form.Locator("#phone-notice");
        await Assertions.Expect(notice).ToHaveTextAsync(T("nl", "outbox.saved"));
        Assert.Equal("", await form.GetByLabel(T("nl", "form.describe")).InputValueAsync()); // kept in the outbox, not as a draft to send twice
        Assert.Equal(0, await App.CountSignalsAsync());
        await form.CloseAsync();

        await context.SetOfflineAsync(false);
        var again = await context.NewPageAsync();
        await again.GotoAsync($"/r/{App.Token(Intakes.AzcMainBuilding)}"); // the QR code's first page, in the language this phone chose
        var sent = T("nl", "outbox.sent");
        await Assertions.Expect(again.Locator("#phone-notice")).ToContainTextAsync(sent[..sent.IndexOf('{')], new() { Timeout = 30_000 });
        Assert.Equal(1, await App.CountSignalsAsync());
        var code = (await again.Locator("#phone-notice a").GetAttributeAsync("href"))!.Split('/', '?')[2];
        Assert.Equal("Er lekt water door het plafond", (await App.LoadAsync(code)).Text);

        // Shown once, sent once: the next page finds nothing waiting, and the code is on the phone's list.
        var third = await context.NewPageAsync();
        await third.GotoAsync("/m?lang=nl");
        await third.Locator($"a[href^='/s/{code}']").WaitForAsync();
        Assert.True(await third.Locator("#phone-notice").IsHiddenAsync());
        Assert.Equal(1, await App.CountSignalsAsync());
        await Axe.AssertNoViolationsAsync(third);
    }

    [Fact]
    public async Task ConnectionDropsAfterTheServerStored_TheOutboxResendsTheSameReport_AndThePageGoesOn()
    {
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "en");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/r/{App.Token(Intakes.AzcMainBuilding)}/en/wonen/wonen-vocht");
        await page.WaitForFunctionAsync("() => !!window.sigOutbox");
        await page.GetByLabel(T("en", "form.describe")).FillAsync("Water comes into my room");
        // The page's post is lost after the server stored it; the worker's resend is not intercepted by the page's route.
        var posts = await DroppedConnection.LoseFirstAnswerAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = T("en", "form.submit") }).ClickAsync();
        await page.WaitForURLAsync("**/s/*", new() { Timeout = 30_000 });
        Assert.Equal(1, posts());
        Assert.Equal(1, await App.CountSignalsAsync());
    }

    [Fact]
    public async Task ServiceWorker_IsServedFromTheRoot_AsJavaScript_UnderTheSiteCsp()
    {
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "nl");
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/sw.js");
        Assert.StartsWith("text/javascript", response!.Headers["content-type"]);
        Assert.Contains("worker-src 'self'", response.Headers["content-security-policy"]);
        await page.GotoAsync("/s?lang=nl");
        Assert.Equal(_server.BaseUrl + "/", await page.EvaluateAsync<string>("() => navigator.serviceWorker.ready.then(r => r.scope)"));
    }
}
