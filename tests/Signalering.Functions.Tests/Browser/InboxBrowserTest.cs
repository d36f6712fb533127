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
}
