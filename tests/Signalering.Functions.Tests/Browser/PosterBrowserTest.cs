using System.Text.Json;
using System.Text.RegularExpressions;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Browser;

/// <summary>Every location's poster prints on one A4 page, in a real browser: five languages, the pictograms, the QR code and 112.</summary>
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
                .Select(t => $"/beheer/locations/{l.GetProperty("id").GetString()}/posters/{t.GetProperty("id").GetString()}"))
            .ToList();
        Assert.NotEmpty(posters);

        await using var context = await chromium.Browser.NewContextAsync(new() { BaseURL = _server.BaseUrl });
        var page = await context.NewPageAsync();
        await DevSignIn.PickAsync(page, Auth.Roles.Admin, "gemeente-regie");
        foreach (var poster in posters)
        {
            await page.GotoAsync(poster);
            var pdf = System.Text.Encoding.Latin1.GetString(await page.PdfAsync(new() { PreferCSSPageSize = true }));
            Assert.True(Regex.Matches(pdf, @"/Type\s*/Page\b(?!s)").Count == 1, $"{poster} does not fit on one page.");
            // A4 portrait, in points.
            Assert.Matches(@"/MediaBox \[0 0 59[45]\.\d+ 841\.\d+\]", pdf);
        }
    }
}
