using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Signalering.Domain.Texts;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// A coordinator handles a signal in the inbox page in Chromium: accepts, answers with a standard reply, resolves; the
/// resident's status page shows the answer in Arabic. The resident's text is an HTML/JavaScript injection: the inbox
/// shows it as text and runs nothing.
/// </summary>
[Collection("browser")]
public sealed class InboxBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;

    public void Dispose() => App.Dispose();

    private const string Injection = "<script>window.injected=1</script><img src=x onerror=\"window.injected=2\">الماء";

    [Fact]
    public async Task Coordinator_AcceptsAnswersResolves_ResidentReadsItInArabic_InjectionStaysText()
    {
        var code = await App.CreateClient().SubmitAcceptedAsync(Intakes.Body(App, text: Injection));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseUrl, ViewportSize = new() { Width = 1024, Height = 768 }, // a tablet on its side
        });
        var page = await context.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, d) => { dialogs++; _ = d.DismissAsync(); };
        await page.GotoAsync("/inbox");
        await DevSignIn.PickAsync(page, Auth.Roles.Coordinator, "coa-luttelgeest");
        await page.Locator("table").WaitForAsync();

        await page.GotoAsync($"/inbox/signals/{code.Replace("-", "")}");
        Assert.Contains("<script>window.injected=1</script>", await page.Locator("main").InnerTextAsync());
        Assert.Equal(0, await page.Locator("main script, main img[src='x']").CountAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Aannemen" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "In behandeling" }).WaitForAsync();
        await page.Locator("#reply").SelectOptionAsync("planned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await page.GetByText("standaardantwoord: Er komt iemand").WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Opgelost" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Heropenen" }).WaitForAsync();

        Assert.Null(await page.EvaluateAsync<int?>("() => window.injected ?? null"));
        Assert.Equal(0, dialogs);

        var resident = await context.NewPageAsync();
        await resident.GotoAsync($"/s/{code.Replace("-", "")}?lang=ar");
        var text = await resident.Locator("main").InnerTextAsync();
        Assert.Contains(ResidentTexts.Default.Get("ar", "reply.planned"), text);
        Assert.Contains(ResidentTexts.Default.Get("ar", "status.resolved"), text);
        Assert.Equal("rtl", await resident.Locator("html").GetAttributeAsync("dir"));
    }

    /// <summary>
    /// A coordinator's morning on a laptop (1366×768), keyboard first: the skip link, search, sort, open, take it on,
    /// accept, answer, next, and cancel another with a reason — which the resident then reads in Arabic. Every staff
    /// page on the way is axe-clean.
    /// </summary>
    [Fact]
    public async Task Coordinator_SearchesSortsAssignsAcceptsAnswersGoesToNext_CancelsWithAReasonTheResidentReadsInArabic()
    {
        var client = App.CreateClient();
        var heating = await client.SubmitAcceptedAsync(Intakes.Body(App, language: "nl", text: "De verwarming in kamer 4 is kapot"));
        var water = await client.SubmitAcceptedAsync(Intakes.Body(App)); // Arabic: water is coming into my room
        var third = await client.SubmitAcceptedAsync(Intakes.Body(App, language: "nl", text: "Het licht in de gang doet het niet"));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseUrl, ViewportSize = new() { Width = 1366, Height = 768 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/inbox");
        await DevSignIn.PickAsync(page, Auth.Roles.Coordinator, "coa-luttelgeest");
        await page.Locator("table.inbox").WaitForAsync();

        // The first Tab lands on the skip link, not on "Uitloggen"; it is visible when focused.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("skip", await page.EvaluateAsync<string>("() => document.activeElement.className"));
        Assert.True(await page.Locator("a.skip").IsVisibleAsync());
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, null, "journey-inbox-list");

        // Search: a word from the text.
        await page.Locator("#f-q").FillAsync("verwarming");
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("q=verwarming"));
        Assert.Equal(1, await page.Locator("table.inbox tbody tr").CountAsync());
        Assert.Contains(heating, await page.Locator("table.inbox tbody").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page);

        // Sort by receipt, oldest first, without the search.
        await page.GotoAsync("/inbox");
        await page.Locator("thead a", new() { HasText = "Ontvangen" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("sort=received"));
        Assert.Equal("ascending", await page.Locator("th", new() { HasText = "Ontvangen" }).GetAttributeAsync("aria-sort"));
        var order = await page.Locator("table.inbox td.code a").AllInnerTextsAsync();
        Assert.Equal([heating, water, third], order);

        // Open the first; the whole page (its steps included) fits the laptop's width.
        await page.Locator("table.inbox td.code a").First.ClickAsync();
        await page.Locator("h1", new() { HasText = heating }).WaitForAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"));
        Assert.True(await page.Locator(".signal-actions button", new() { HasText = "Aannemen" }).IsVisibleAsync());
        Assert.False(await page.Locator("#cancel-reason-code").IsVisibleAsync()); // the rarer steps are folded away
        await Axe.AssertNoViolationsAsync(page);
        await Screenshots.TakeAsync(page, null, "journey-inbox-detail");

        await page.GetByRole(AriaRole.Button, new() { Name = "Aan mij toewijzen" }).ClickAsync();
        await page.Locator(".flash", new() { HasText = "Toewijzing opgeslagen." }).WaitForAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Aannemen" }).ClickAsync();
        await page.Locator(".flash", new() { HasText = "Aangenomen." }).WaitForAsync();
        await page.Locator("#reply").SelectOptionAsync("planned");
        await page.GetByRole(AriaRole.Button, new() { Name = "Versturen" }).ClickAsync();
        await page.Locator(".flash", new() { HasText = "Antwoord verstuurd." }).WaitForAsync();
        Assert.Contains("standaardantwoord: Er komt iemand", await page.Locator("main").InnerTextAsync());
        Assert.Contains("1 van 3", await page.Locator("nav.signal-nav").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page);

        // Next, within the same sorted list: the Arabic one.
        await page.Locator("nav.signal-nav a[rel=next]").ClickAsync();
        await page.Locator("h1", new() { HasText = water }).WaitForAsync();
        Assert.Contains("sort=received", page.Url);

        // Cancel it, with the reason the resident will read.
        await page.Locator("summary").ClickAsync();
        await page.Locator("#cancel-reason-code").SelectOptionAsync("duplicate");
        await page.Locator("#cancel-reason").FillAsync("Zelfde lekkage als kamer 3");
        await Screenshots.TakeAsync(page, null, "journey-inbox-cancel");
        await page.GetByRole(AriaRole.Button, new() { Name = "Melding annuleren" }).ClickAsync();
        await page.Locator(".flash", new() { HasText = "Geannuleerd." }).WaitForAsync();
        Assert.Contains("Dubbele melding", await page.Locator("main").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page);

        var resident = await context.NewPageAsync();
        await resident.GotoAsync($"/s/{water.Replace("-", "")}?lang=ar");
        var text = await resident.Locator("main").InnerTextAsync();
        Assert.Contains(ResidentTexts.Default.Get("ar", "reason.duplicate"), text);
        Assert.Contains(ResidentTexts.Default.Get("ar", "status.cancelled"), text);
        Assert.DoesNotContain("kamer 3", text);
        Assert.Equal("rtl", await resident.Locator("html").GetAttributeAsync("dir"));
        await Axe.AssertNoViolationsAsync(resident);
        await Screenshots.TakeAsync(resident, null, "journey-inbox-resident-reason");
    }
}
