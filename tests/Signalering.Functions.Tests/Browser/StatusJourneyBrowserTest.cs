using System.Text.Json;
using Microsoft.Playwright;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Functions.Features.Notifications;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// The status page on a 360×740 phone as it lives through a signal's handling, in Dutch, Arabic (right to left) and
/// Tigrinya (Ge'ez): accepted → information requested → answered on the page → solved, axe-clean at every step,
/// with screenshots (docs/screenshots/journey-status-{lang}-{step}.png); read aloud; a push delivered to the service worker.
/// </summary>
[Collection("browser")]
public sealed class StatusJourneyBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;

    public void Dispose() => App.Dispose();

    private static string T(string lang, string key) => ResidentTexts.Default.Get(lang, key);

    /// <summary>A phone's speech voices, set by the test: headless Chromium has none, and which ones exist is what the button depends on.</summary>
    private const string VoicesStub = """
        window.__spoken = [];
        const voices = JSON.parse(sessionStorage.getItem('voices') || '[]').map(lang => ({ lang, name: lang, default: false, localService: true, voiceURI: lang }));
        Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
          getVoices: () => voices, speaking: false, addEventListener() {}, cancel() {},
          speak(u) { window.__spoken.push({ text: u.text, lang: u.lang }); } } });
        if (!window.SpeechSynthesisUtterance) window.SpeechSynthesisUtterance = function (text) { this.text = text; };
        """;

    private async Task<string> RoutedAsync(string lang, string text)
    {
        var code = await App.CreateClient().SubmitAcceptedAsync(Intakes.Body(App, language: lang, text: text));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return code.Replace("-", "");
    }

    private async Task ActAsync(string code, string action, object? body = null) =>
        Assert.True((await App.Coordinator("coa-luttelgeest").ActAsync(code, action, body)).IsSuccessStatusCode, action);

    private static async Task ShotAsync(IPage page, string lang, string step)
    {
        await Axe.AssertNoViolationsAsync(page);
        var dir = Path.Combine(RepoRoot.Find(), "docs", "screenshots");
        Directory.CreateDirectory(dir);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(dir, $"journey-status-{lang}-{step}.png"), FullPage = true });
    }

    [Theory]
    [InlineData("nl", "Het lekt door het plafond in kamer 12", "Kamer 12, tweede verdieping, bij het raam")]
    [InlineData("ar", "الماء يدخل غرفتي منذ أسبوع", "الغرفة ١٢، الطابق الثاني، عند النافذة")]
    [InlineData("ti", "ማይ ኣብ ክፍለይ ይኣቱ", "ክፍሊ 12፡ ካልኣይ ደርቢ")]
    public async Task StatusPage_LivesThrough_Accepted_InfoRequested_Answered_Solved(string lang, string words, string answer)
    {
        var code = await RoutedAsync(lang, words);
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, lang);
        var page = await context.NewPageAsync();

        await ActAsync(code, "accept");
        await page.GotoAsync($"/s/{code}?lang={lang}");
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync(T(lang, "stage.accepted"));
        Assert.Equal(lang == "ar" ? "rtl" : "ltr", await page.GetAttributeAsync("html", "dir"));
        await ShotAsync(page, lang, "accepted");

        await ActAsync(code, "await-resident");
        await ActAsync(code, "respond", new { standardReply = StandardReplies.NeedInfo });
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync(T(lang, "stage.awaiting-resident"));
        await Assertions.Expect(page.Locator(".question")).ToContainTextAsync(T(lang, "reply.needInfo"));
        await ShotAsync(page, lang, "info-requested");

        await page.GetByLabel(T(lang, "answer.label")).FillAsync(answer);
        await page.GetByRole(AriaRole.Button, new() { Name = T(lang, "answer.submit") }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = T(lang, "answer.thanks") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync(T(lang, "stage.in-progress"));
        Assert.Equal(answer, Assert.Single((await App.LoadAsync(code)).ResidentComments).Text);
        await ShotAsync(page, lang, "answered");

        await ActAsync(code, "resolve");
        await page.GotoAsync($"/s/{code}?lang={lang}");
        await Assertions.Expect(page.Locator(".stage")).ToHaveTextAsync(T(lang, "stage.resolved"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = T(lang, "status.solvedQuestion") })).ToBeVisibleAsync();
        await ShotAsync(page, lang, "solved");
    }

    [Theory]
    [InlineData("ar", "ar-SA", true)]
    [InlineData("ar", "en-US", false)]
    [InlineData("ti", "ti-ER", true)]
    [InlineData("nl", "", false)]
    public async Task ReadAloud_ShownOnlyWhenThePhoneHasAVoiceForThePageLanguage(string lang, string voice, bool shown)
    {
        var code = await RoutedAsync(lang, "x y z");
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, lang);
        await context.AddInitScriptAsync($"sessionStorage.setItem('voices', JSON.stringify({JsonSerializer.Serialize(voice.Length > 0 ? new[] { voice } : [])}));" + VoicesStub);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/s/{code}?lang={lang}");
        var button = page.GetByRole(AriaRole.Button, new() { Name = T(lang, "speak.button") });
        if (!shown)
        {
            Assert.True(await page.Locator("#speak-page").IsHiddenAsync());
            return;
        }
        await button.ClickAsync();
        var spoken = (await page.EvaluateAsync<JsonElement>("() => window.__spoken")).EnumerateArray().Single();
        Assert.Equal(lang, spoken.GetProperty("lang").GetString());
        var text = spoken.GetProperty("text").GetString()!;
        Assert.Contains(await page.Locator(".stage").InnerTextAsync(), text);
        Assert.Contains(T(lang, "status.title"), text);
    }

    [Fact]
    public async Task ReadAloud_WithoutJavaScript_IsNotThere()
    {
        var code = await RoutedAsync("ar", "x");
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "ar", javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/s/{code}?lang=ar");
        Assert.True(await page.Locator("#speak-page").IsHiddenAsync());
        Assert.True(await page.Locator("#push").IsHiddenAsync());
    }

    [Fact]
    public async Task PushMessage_DeliveredToTheServiceWorker_ShowsTheNewsOnThePhone()
    {
        var code = await RoutedAsync("ar", "الماء يدخل غرفتي");
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "ar");
        await context.GrantPermissionsAsync(["notifications"], new() { Origin = _server.BaseUrl });
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        var registration = new TaskCompletionSource<string>();
        cdp.Event("ServiceWorker.workerRegistrationUpdated").OnEvent += (_, e) =>
        {
            foreach (var r in e!.Value.GetProperty("registrations").EnumerateArray())
                if (r.GetProperty("scopeURL").GetString() == _server.BaseUrl + "/") registration.TrySetResult(r.GetProperty("registrationId").GetString()!);
        };
        await cdp.SendAsync("ServiceWorker.enable");
        await page.GotoAsync($"/s/{code}?lang=ar");
        await page.EvaluateAsync("() => navigator.serviceWorker.ready.then(() => true)");
        var id = await registration.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(TrackingCode.TryParse(code, out var tracking));
        await cdp.SendAsync("ServiceWorker.deliverPushMessage", new Dictionary<string, object>
        {
            ["origin"] = _server.BaseUrl, ["registrationId"] = id, ["data"] = ResidentNotifier.Payload(tracking, "ar"),
        });
        await Assertions.Expect(page.Locator("#phone-notice")).ToContainTextAsync(T("ar", "push.news"), new() { Timeout = 15_000 });
        Assert.Equal($"/s/{code}?lang=ar", await page.Locator("#phone-notice a").GetAttributeAsync("href"));
        var titles = await page.EvaluateAsync<string[]>("() => navigator.serviceWorker.ready.then(r => r.getNotifications()).then(n => n.map(x => x.title))");
        Assert.Contains(T("ar", "push.news"), titles);
    }

    [Fact]
    public async Task PushUnavailable_WithoutPushManager_SaysSoAndKeepsTheCode()
    {
        var code = await RoutedAsync("ti", "x");
        await using var context = await chromium.PhoneAsync(_server.BaseUrl, "ti");
        await context.AddInitScriptAsync("delete window.PushManager;");
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/s/{code}?lang=ti");
        await Assertions.Expect(page.Locator("#push-state")).ToHaveTextAsync(T("ti", "push.unavailable"));
        Assert.True(await page.Locator("#push").IsHiddenAsync());
        await Assertions.Expect(page.Locator("#tracking-code")).ToBeVisibleAsync();
    }
}
