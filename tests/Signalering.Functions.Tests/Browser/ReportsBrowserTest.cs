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

        var headings = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('th[scope=col]')].map(th => th.textContent.trim())");
        var chartTitles = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure > figcaption')].map(f => f.textContent.trim())");
        await Screenshots.TakeAsync(page, null, "dashboard-print");

        var bytes = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        var pdf = System.Text.Encoding.Latin1.GetString(bytes);
        var box = System.Text.RegularExpressions.Regex.Match(pdf, @"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]");
        Assert.True(box.Success, "No page size in the PDF.");
        Assert.True(double.Parse(box.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
            > double.Parse(box.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), $"Not landscape: {box.Value}");

        // The paper itself: every page A4 landscape, every column heading in its text, each chart's title on the page of its chart.
        using var document = UglyToad.PdfPig.PdfDocument.Open(bytes);
        var pages = document.GetPages().Select(p => (p.Width, p.Height, Text: Squash(string.Concat(p.Letters.Select(l => l.Value))))).ToList();
        Assert.InRange(pages.Count, 1, 4);
        Assert.All(pages, p => Assert.True(Math.Abs(p.Width - 842) < 2 && Math.Abs(p.Height - 595) < 2, $"{p.Width}x{p.Height} is not A4 landscape"));
        var all = string.Concat(pages.Select(p => p.Text));
        Assert.True(headings.Length >= 19, $"Only {headings.Length} column headings on the page.");
        Assert.All(headings, h => Assert.True(all.Contains(Squash(h), StringComparison.Ordinal), $"Column heading '{h}' is not on paper."));
        var month = Squash(Domain.Clocks.WorkingTime.InDutchTime(DateTimeOffset.UtcNow).ToString("MMM yy", Domain.Reports.ReportFigures.Dutch));
        Assert.Equal(2, chartTitles.Length);
        Assert.All(chartTitles, title =>
        {
            var onPage = pages.FindIndex(p => p.Text.Contains(Squash(title), StringComparison.Ordinal));
            Assert.True(onPage >= 0, $"Chart title '{title}' is not on paper.");
            Assert.Contains(month, pages[onPage].Text); // the chart's month axis is on the same page as its title
        });
        // Five reports of the same problem at one place on one day: the date once, with its count.
        Assert.Contains(Squash("(5×)"), all);
        // Five received this month draw bars; none accepted yet leaves the in-time chart empty, and on paper it says so.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(all, System.Text.RegularExpressions.Regex.Escape(Squash(Features.Reports.ChartGeometry.TooFew))));
    }

    [Fact]
    public async Task Dashboard_WithoutSignals_SaysTooFewInEachChart()
    {
        await using var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = _server.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/rapportage");
        await DevSignIn.PickAsync(page, Auth.Roles.Municipality, "gemeente-regie");
        await page.Locator("figure svg.chart").First.WaitForAsync();
        var charts = page.Locator("figure svg.chart");
        Assert.Equal(2, await charts.CountAsync());
        // Drawn in the chart (an svg text), not only said in its description.
        for (var i = 0; i < 2; i++)
            Assert.Contains(Features.Reports.ChartGeometry.TooFew, string.Join(" ", await charts.Nth(i).Locator("text").AllTextContentsAsync()));
    }

    // PDF text has no reliable spaces: compare letters only.
    private static string Squash(string text) => new([.. text.Where(c => !char.IsWhiteSpace(c))]);
}
