using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Browser;

/// <summary>A policy officer opens the dashboard, filters by organisation and downloads the CSV, in a real browser.</summary>
[Collection("browser")]
public sealed class ReportsBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    private SignaleringApp App => _server.App;

    public void Dispose() => App.Dispose();

    [Fact]
    public async Task Dashboard_FilterByOrganisation_DownloadCsv()
    {
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++) await client.SubmitAcceptedAsync(Intakes.Body(App));
        for (var i = 0; i < 5; i++) await client.SubmitAcceptedAsync(Intakes.Body(App, Intakes.Ukrainian, "uk", text: "Холодно в кімнаті"));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await App.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);

        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 }, AcceptDownloads = true,
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/rapportage");
        await Axe.AssertNoViolationsAsync(page);
        await DevSignIn.PickAsync(page, Auth.Roles.Municipality, "gemeente-regie");
        await page.Locator("table").First.WaitForAsync();
        Assert.Equal(2, await page.Locator("figure svg.chart").CountAsync());
        Assert.Contains("Opvang Oekraïne", await page.Locator("main").InnerTextAsync());
        await Axe.AssertNoViolationsAsync(page);

        await page.Locator("#organisation").SelectOptionAsync("coa-luttelgeest");
        await page.GetByRole(AriaRole.Button, new() { Name = "Toon" }).ClickAsync();
        await page.WaitForURLAsync(u => u.Contains("organisation=coa-luttelgeest"));
        var tables = await page.Locator("table").First.InnerTextAsync();
        Assert.Contains("COA", tables);
        Assert.DoesNotContain("Oekraïne", tables);
        await Screenshots.TakeAsync(page, null, "rapportage");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download als CSV" }).ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = Encoding.UTF8.GetString(await File.ReadAllBytesAsync((await download.PathAsync())!));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Groep;Sleutel;Ontvangen", lines[0]);
        Assert.Contains(lines, l => l.Contains(";coa-luttelgeest;5;", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("gemeente-oekraine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Dashboard_PrintsOnA4Landscape_WithEveryColumn_AndEachChartWithItsTitle()
    {
        var client = App.CreateClient();
        for (var i = 0; i < 5; i++) await client.SubmitAcceptedAsync(Intakes.Body(App));
        await App.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await App.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);

        // The printable width of A4 landscape with 10 mm margins: 277 mm at 96 px per inch.
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = _server.BaseUrl, ViewportSize = new() { Width = 1047, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/rapportage");
        await DevSignIn.PickAsync(page, Auth.Roles.Municipality, "gemeente-regie");
        await page.GotoAsync("/rapportage?groupBy=location");
        await page.Locator("table").First.WaitForAsync();
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        Assert.False(await page.Locator("form.filters").IsVisibleAsync());
        var overflowing = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table')]
                .filter(t => t.getBoundingClientRect().right > document.documentElement.clientWidth + 1 || t.scrollWidth > t.parentElement.clientWidth + 1)
                .map(t => t.querySelector('caption, th')?.textContent ?? '?')
            """);
        Assert.Empty(overflowing);
        var charts = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('svg.chart')].map(svg => {
                const figure = svg.closest('figure');
                return (figure?.querySelector(':scope > figcaption') ? 'captioned' : 'bare') + ' ' + getComputedStyle(figure).breakInside;
            })
            """);
        Assert.Equal(["captioned avoid", "captioned avoid"], charts);

        var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
        var box = System.Text.RegularExpressions.Regex.Match(pdf, @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        Assert.True(box.Success, "No page size in the PDF.");
        Assert.True(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            > double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), $"Not landscape: {box.Value}");
    }
}
