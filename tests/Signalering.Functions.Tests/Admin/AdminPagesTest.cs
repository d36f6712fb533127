using System.Net;
using System.Text.Json;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Admin;

/// <summary>
/// The admin pages live under /beheer (the Functions host keeps routes beginning with "admin" for itself): the
/// overview with every location's posters, the language review, and the posters themselves.
/// </summary>
public sealed class AdminPagesTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    private async Task<string> FirstTokenIdAsync()
    {
        var reference = JsonDocument.Parse(await _app.Admin().GetStringAsync("/api/admin/reference")).RootElement;
        return reference.GetProperty("locations").EnumerateArray().First(l => l.GetProperty("id").GetString() == "azc-luttelgeest")
            .GetProperty("qrTokens")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task Overview_LinksEachPoster_UnderBeheer()
    {
        var tokenId = await FirstTokenIdAsync();
        // Not signed in, reached directly: the sign-in page; the admin API answers 401.
        Assert.StartsWith("/aanmelden", (await _app.Browser().GetAsync("/beheer")).Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/admin/reference")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Coordinator("gemeente-regie", Auth.Roles.Municipality).GetAsync("/api/admin/reference")).StatusCode);
        var response = await _app.Admin().GetAsync("/beheer");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/beheer/locations/azc-luttelgeest/posters/{tokenId}\"", html);
        Assert.Contains($"href=\"/api/admin/locations/azc-luttelgeest/qr-tokens/{tokenId}/qr.svg\"", html);
        Assert.Contains("id=\"talen\"", html);
        Assert.DoesNotContain("href=\"/admin", html);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync("/admin")).StatusCode);
    }

    [Fact]
    public async Task LanguageReview_OnlyFromThePageShowingEveryText_IsRecorded_AndLeadsBackToTheLanguages()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = _app.Admin().DefaultRequestHeaders.Authorization;
        // Not from the page that shows the texts: refused, nothing recorded.
        var blind = await client.PostAsync("/beheer/languages/ti/review",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reviewer"] = "Semhar <b>", ["reviewed"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, blind.StatusCode);
        Assert.Contains("\"shown\"", await blind.Content.ReadAsStringAsync());
        Assert.Contains("href=\"/beheer/languages/ti\"", await client.GetStringAsync("/beheer"));

        // The review page: every text of the language beside Dutch and English, and the mark with the fingerprint of what was shown.
        var probe = await client.GetAsync("/beheer/languages/ar");
        Assert.True(probe.IsSuccessStatusCode, (int)probe.StatusCode + await probe.Content.ReadAsStringAsync());
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/beheer/languages/ti"));
        var texts = Domain.Texts.ResidentTexts.Default;
        foreach (var key in texts.KeysOf("nl").Where(k => !k.StartsWith("meta.", StringComparison.Ordinal)))
        {
            var row = System.Text.RegularExpressions.Regex.Match(page, $"<tr><th scope=\"row\"><code>{System.Text.RegularExpressions.Regex.Escape(key)}</code></th>(.*?)</tr>",
                System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.True(row.Success, key);
            Assert.Contains(texts.Get("nl", key), row.Groups[1].Value);
            Assert.Contains(texts.Get("en", key), row.Groups[1].Value);
            Assert.Contains(texts.Get("ti", key), row.Groups[1].Value);
        }
        var shown = System.Text.RegularExpressions.Regex.Match(page, "name=\"shown\" value=\"([0-9a-f]+)\"").Groups[1].Value;
        var stale = await client.PostAsync("/beheer/languages/ti/review",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reviewer"] = "Semhar", ["reviewed"] = "true", ["shown"] = "0123" }));
        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.False(JsonDocument.Parse(await client.GetStringAsync("/api/admin/languages")).RootElement.EnumerateArray()
            .Single(l => l.GetProperty("code").GetString() == "ti").GetProperty("reviewed").GetBoolean());

        var review = await client.PostAsync("/beheer/languages/ti/review",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reviewer"] = "Semhar <b>", ["reviewed"] = "true", ["shown"] = shown }));
        Assert.Equal(HttpStatusCode.Redirect, review.StatusCode);
        Assert.Equal("/beheer#talen", review.Headers.Location!.OriginalString);
        var ti = JsonDocument.Parse(await client.GetStringAsync("/api/admin/languages")).RootElement.EnumerateArray()
            .Single(l => l.GetProperty("code").GetString() == "ti");
        Assert.True(ti.GetProperty("reviewed").GetBoolean());
        Assert.Equal("Semhar <b>", ti.GetProperty("reviewer").GetString());
        Assert.Contains("nagekeken door Semhar &lt;b&gt;", await client.GetStringAsync("/beheer"));

        var unnamed = await client.PostAsync("/beheer/languages/ti/review", new FormUrlEncodedContent(new Dictionary<string, string> { ["reviewer"] = " " }));
        Assert.Equal(HttpStatusCode.BadRequest, unnamed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync("/beheer/languages/xx/review",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["reviewer"] = "A" }))).StatusCode);
    }

    [Fact]
    public async Task Poster_HasOneQrCode_112_AndNoNavigation_ARevokedOneIsGone()
    {
        var tokenId = await FirstTokenIdAsync();
        var client = _app.Admin();
        var html = await client.GetStringAsync($"/beheer/locations/azc-luttelgeest/posters/{tokenId}");
        Assert.Contains("<strong>112</strong>", html);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "class=\"qr\""));
        Assert.DoesNotContain("staff-nav\"", html);
        // The poster rules come from the staff sheet alone: one inline style, no per-page additions.
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "<style"));

        Assert.Equal(HttpStatusCode.NoContent,
            (await client.PostAsync($"/api/admin/locations/azc-luttelgeest/qr-tokens/{tokenId}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/beheer/locations/azc-luttelgeest/posters/{tokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/admin/locations/azc-luttelgeest/qr-tokens/{tokenId}/qr.png")).StatusCode);
    }
}
