using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Browser;

/// <summary>
/// Every location's poster prints on one A4 page with the location's name, in a real browser: each location's own
/// languages (and its residents' reassurance), the pictograms, the QR code and 112. Pages are counted in the PDF itself.
/// </summary>
[Collection("browser")]
public sealed class PosterBrowserTest(ChromiumFixture chromium) : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();

    public void Dispose() => _server.App.Dispose();

    [Fact]
    public async Task EveryPoster_IsOneA4Page()
    {
        var reference = JsonDocument.Parse(await _server.App.Admin().GetStringAsync("/api/admin/reference")).RootElement;
        var posters = reference.GetProperty("locations").EnumerateArray()
            .SelectMany(l => (l.TryGetProperty("qrTokens", out var t) ? t.EnumerateArray() : default(JsonElement.ArrayEnumerator))
                .Where(t => !(t.TryGetProperty("revoked", out var r) && r.GetBoolean())).Take(1)
                .Select(t => (Path: $"/beheer/locations/{l.GetProperty("id").GetString()}/posters/{t.GetProperty("id").GetString()}",
                    Location: l.GetProperty("name").GetString()!)))
            .ToList();
        Assert.NotEmpty(posters);

        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = _server.BaseUrl });
        var page = await context.NewPageAsync();
        await DevSignIn.PickAsync(page, Auth.Roles.Admin, "gemeente-regie");
        foreach (var (poster, location) in posters)
        {
            await page.GotoAsync(poster);
            // The location's name is what tells a resident this code is theirs: it is on the page that prints.
            await Assertions.Expect(page.Locator(".poster .where")).ToContainTextAsync(location);
            var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
            Assert.True(Regex.Matches(pdf, @"/Type\s*/Page\b(?!s)").Count == 1, $"{poster} does not fit on one page.");
            // A4 portrait, in points.
            Assert.Matches(@"/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]", pdf);
        }
    }
}
