using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Signalering.Domain;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Texts;
using Signalering.Functions.Resident;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Intake;

/// <summary>
/// The resident's way through the form without a browser: the first page in the phone's language and remembered,
/// each location's residents reassured about their own fear, a pictogram on every tile, and a confirmation that is
/// no dead end.
/// </summary>
public sealed class IntakeJourneyPagesTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    private readonly HttpClient _client;
    private static readonly ReferenceSet Seed = ReferenceFiles.LoadEmbedded().ToDomain();

    public IntakeJourneyPagesTest() =>
        _client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public void Dispose() => _app.Dispose();

    private static string Html(string text) => HtmlEncoder.Create(UnicodeRanges.All).Encode(text);
    private static string T(string lang, string key) => ResidentTexts.Default.Get(lang, key);

    private async Task<string> GetAsync(string path, string? acceptLanguage = null, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null) request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static string PageLanguage(string html) => Regex.Match(html, "<html lang=\"([^\"]+)\"").Groups[1].Value;

    [Theory]
    [InlineData(Intakes.AzcMainBuilding, "ar-SY,ar;q=0.9,en;q=0.5", "ar")]
    [InlineData(Intakes.AzcMainBuilding, "de-DE,ti;q=0.3", "ti")]
    [InlineData(Intakes.AzcMainBuilding, "fa-AF", "prs")]
    [InlineData(Intakes.AzcMainBuilding, null, "ar")] // no language we speak: the location's first
    [InlineData(Intakes.AzcMainBuilding, "de-DE", "ar")]
    [InlineData(Intakes.Ukrainian, "uk-UA,uk;q=0.9", "uk")]
    [InlineData(Intakes.LabourMigrants, null, "pl")]
    public async Task FirstPage_SpeaksThePhonesLanguage_ElseTheLocationsFirst(string tokenId, string? acceptLanguage, string expected)
    {
        var html = await GetAsync($"/r/{_app.Token(tokenId)}", acceptLanguage);
        Assert.Equal(expected, PageLanguage(html));
        Assert.Contains($"<h1>{Html(T(expected, "page.title"))}</h1>", html);
        // Its own language first among the choices, marked as the current one.
        Assert.Matches($"<ul class=\"tiles langs\">\\s*<li><a class=\"tile current\" lang=\"{expected}\"", html);
        Assert.Matches("<main>\\s*<section class=\"danger\"", html);
    }

    [Fact]
    public async Task ChoosingALanguage_IsRemembered_ForTheNextScan()
    {
        var token = _app.Token(Intakes.AzcMainBuilding);
        var chosen = await _client.GetAsync($"/r/{token}/ti");
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("taal=ti;", cookie);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Matches("max-age=31536000", cookie);

        // The next scan, on a phone set to Arabic: it opens in the language chosen, with the way to another in reach.
        var next = await GetAsync($"/r/{token}", "ar", "taal=ti");
        Assert.Equal("ti", PageLanguage(next));
        var categories = await GetAsync($"/r/{token}/ti", "ar", "taal=ti");
        Assert.Contains($"href=\"/r/{token}\"", categories);
        Assert.Contains(Html(T("ti", "intake.changeLanguage")), categories);
        // One address, a page per phone: caches must keep them apart.
        Assert.Contains("Accept-Language", (await _client.GetAsync($"/r/{token}")).Headers.Vary);
        // A cookie that names no language of ours is ignored.
        Assert.Equal("ar", PageLanguage(await GetAsync($"/r/{token}", "ar", "taal=xx")));
    }

    [Theory]
    [InlineData(Intakes.AzcMainBuilding, TargetGroups.AsylumSeeker)]
    [InlineData(Intakes.Ukrainian, TargetGroups.Ukrainian)]
    [InlineData(Intakes.LabourMigrants, TargetGroups.LabourMigrant)]
    [InlineData(Intakes.FirstHome, TargetGroups.StatusHolder)]
    public async Task EveryPage_ReassuresTheLocationsOwnGroup(string tokenId, string group)
    {
        var token = _app.Token(tokenId);
        foreach (var path in new[] { $"/r/{token}", $"/r/{token}/nl", $"/r/{token}/nl/wonen", $"/r/{token}/nl/wonen/wonen-vocht" })
        {
            var html = await GetAsync(path, "nl");
            Assert.Contains(Html(T("nl", "reassurance." + group)), html);
            foreach (var other in TargetGroups.All.Where(g => g != group))
                Assert.DoesNotContain(Html(T("nl", "reassurance." + other)), html);
            // The asylum sentence only where people are in an asylum procedure.
            Assert.Equal(group == TargetGroups.AsylumSeeker, html.Contains("asielprocedure", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void EveryCategory_HasItsOwnPictogram()
    {
        var fallback = Pictograms.Svg("question");
        foreach (var category in Seed.Categories.All.Where(c => c.Code != "overig"))
        {
            Assert.False(category.Pictogram is null, $"{category.Code} has no pictogram");
            Assert.NotEqual(fallback, Pictograms.Svg(category.Pictogram));
        }
    }

    [Fact]
    public async Task SubjectPage_ShowsAPictogramOnEveryTile()
    {
        var token = _app.Token(Intakes.AzcMainBuilding);
        foreach (var main in Seed.Categories.Main.Where(c => Seed.Categories.SubcategoriesOf(c.Code).Any()))
        {
            var html = await GetAsync($"/r/{token}/ar/{main.Code}");
            var tiles = Regex.Matches(html, "<a class=\"tile[^\"]*\" href=\"[^\"]+\">(.*?)</a>").Select(m => m.Groups[1].Value).ToList();
            Assert.Equal(Seed.Categories.SubcategoriesOf(main.Code).Count() + 1, tiles.Count); // and "something else"
            Assert.All(tiles, tile => Assert.StartsWith("<svg aria-hidden=\"true\"", tile));
        }
    }

    [Fact]
    public async Task Confirmation_KeepsTheCode_SaysWhen_AndLeadsOn()
    {
        var token = _app.Token(Intakes.LabourMigrants);
        var form = await GetAsync($"/r/{token}/pl/werk/werk-werkgever");
        var key = Regex.Match(form, "name=\"idempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        var sent = await _client.PostAsync($"/r/{token}/pl/werk/werk-werkgever",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["idempotencyKey"] = key, ["text"] = "Nie dostałem wypłaty" }));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var location = sent.Headers.Location!.ToString();
        Assert.Matches($"^/r/{Regex.Escape(token)}/pl/werk/werk-werkgever/[{Domain.Signals.TrackingCode.Alphabet}]{{10}}$", location);

        var html = await GetAsync(location);
        var signal = await _app.LoadAsync(location[(location.LastIndexOf('/') + 1)..]);
        Assert.Contains($"<p class=\"code\" id=\"tracking-code\" dir=\"ltr\" translate=\"no\">{signal.Code}</p>", html);
        Assert.Contains($"href=\"/s/{signal.Code.Value}?lang=pl\"", html); // the status page
        Assert.Contains($"id=\"report-more\" href=\"/r/{token}/pl\"", html); // report something else
        Assert.Contains(Html(T("pl", "intake.inPerson").Replace("{location}", "Huisvesting arbeidsmigranten Emmeloord")), html);
        var promise = Domain.Clocks.ResidentPromise.For(signal);
        Assert.Contains(Html(promise.SolveText(ResidentTexts.Default, "pl")), html);
        Assert.Contains("<svg", html); // the status page as a QR code
        Assert.True((await _client.GetAsync(location)).Headers.CacheControl?.NoStore); // a shared phone's back button does not keep it
    }

    [Fact]
    public async Task Confirmation_ForACodeFromElsewhere_GoesToTheStatusPage()
    {
        var code = await _client.SubmitAcceptedAsync(Intakes.Body(_app, tokenId: Intakes.Ukrainian, language: "uk", text: "Немає гарячої води"));
        var plain = code.Replace("-", "");
        var response = await _client.GetAsync($"/r/{_app.Token(Intakes.AzcMainBuilding)}/ar/wonen/wonen-vocht/{plain}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/s/{plain}?lang=ar", response.Headers.Location!.ToString());
    }
}
