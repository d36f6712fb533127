using System.IO.Compression;
using System.Net;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Azure.Storage.Blobs;
using Signalering.Domain.Languages;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Blobs;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Resident;

/// <summary>The resident pages without a browser: plain form posts, as a phone without JavaScript sends them.</summary>
public sealed class ResidentPagesTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    private readonly HttpClient _client;

    public ResidentPagesTest() =>
        _client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void Dispose() => _app.Dispose();

    private string Token => _app.Token(Intakes.AzcMainBuilding);

    /// <summary>A text as the pages write it: Razor encodes markup characters (an apostrophe as <c>&amp;#x27;</c>), not letters.</summary>
    private static string Html(string text) => HtmlEncoder.Create(UnicodeRanges.All).Encode(text);

    private async Task<(string Action, string Key)> OpenFormAsync(string lang, string category, string sub)
    {
        var html = await _client.GetStringAsync($"/r/{Token}/{lang}/{category}/{sub}");
        var action = Regex.Match(html, "<form id=\"report\"[^>]*action=\"([^\"]+)\"").Groups[1].Value;
        var key = Regex.Match(html, "name=\"idempotencyKey\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(action);
        Assert.NotEmpty(key);
        return (WebUtility.HtmlDecode(action), key);
    }

    [Fact]
    public async Task LanguagePage_OffersAll17LanguagesByTheirOwnName_LocationLanguagesFirst()
    {
        var html = await _client.GetStringAsync($"/r/{Token}");
        foreach (var l in FormLanguages.All) Assert.Contains(Html(l.NativeName), html);
        Assert.Contains("dir=\"rtl\"", html);
    }

    [Theory]
    [InlineData("forged")]
    [InlineData("revoked")]
    public async Task BadToken_AnswersInEveryLanguage_AndStoresNothing(string kind)
    {
        string token;
        if (kind == "forged") token = "dev.HQ4z84j7neJR-KBN.AAAAAAAAAAAAAAAAAAAAAA";
        else
        {
            var created = await _app.Admin().PostAsync("/api/admin/locations/azc-luttelgeest/qr-tokens", null);
            var tokenId = System.Text.Json.JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("tokenId").GetString();
            token = _app.Token(tokenId!);
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/r/{token}")).StatusCode);
            await _app.Admin().PostAsync($"/api/admin/locations/azc-luttelgeest/qr-tokens/{tokenId}/revoke", null);
        }
        var page = await _client.GetAsync($"/r/{token}/ar/wonen/wonen-vocht");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("112", html);
        Assert.Contains("lang=\"ti\"", html);
        var post = await _client.PostAsync($"/r/{token}/ar/wonen/wonen-vocht",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x", ["idempotencyKey"] = "k-bad-token-01" }));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(0, await _app.CountSignalsAsync());
    }

    [Fact]
    public async Task Root_TellsEveryLanguageToScanTheQrCode_AndLeadsBackToTheirReports()
    {
        var page = await _client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        foreach (var l in FormLanguages.All)
        {
            Assert.Contains(Html(Signalering.Domain.Texts.ResidentTexts.Default.Get(l.Code, "home.scan")), html);
            Assert.Contains($"href=\"/s?lang={l.Code}\"", html);
            Assert.Contains($"href=\"/m?lang={l.Code}\"", html);
        }
        Assert.Contains("dir=\"rtl\"", html);
        // Any other unknown address still answers problem+json, as before.
        var unknown = await _client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task PlainPost_CreatesOneSignal_EvenWhenSentTwice_AndLandsOnTheConfirmation()
    {
        var (action, key) = await OpenFormAsync("ar", "wonen", "wonen-vocht");
        var form = new Dictionary<string, string> { ["idempotencyKey"] = key, ["text"] = "الماء يدخل غرفتي", ["formalComplaint"] = "true" };
        var first = await _client.PostAsync(action, new FormUrlEncodedContent(form));
        var second = await _client.PostAsync(action, new FormUrlEncodedContent(form));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await _app.CountSignalsAsync());

        var confirmation = await _client.GetStringAsync(first.Headers.Location!.ToString());
        Assert.Contains("dir=\"rtl\"", confirmation);
        Assert.Contains("lang=\"ar\"", confirmation);
        var code = Regex.Match(confirmation, "id=\"tracking-code\"[^>]*>([^<]+)<").Groups[1].Value;
        var signal = await _app.LoadAsync(code);
        Assert.Equal("wonen-vocht", signal.Subcategory);
        Assert.True(signal.FormalComplaint);
        // The promise in calendar words (16 working hours, 10 working days), never in working hours.
        var promise = Domain.Clocks.ResidentPromise.For(signal);
        Assert.Contains(Html(promise.LookText(Domain.Texts.ResidentTexts.Default, "ar")), confirmation);
        Assert.Contains(Html(promise.SolveText(Domain.Texts.ResidentTexts.Default, "ar")), confirmation);
        Assert.DoesNotContain(Html(Domain.Texts.ResidentTexts.Default.Get("ar", "confirmation.acknowledge", ("hours", "16"))), confirmation);
        // The status page's address as a QR code, to scan later.
        Assert.Contains("<svg", confirmation);
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("ar", "status.scanLater")), confirmation);
    }

    [Fact]
    public async Task ContactWithoutConsent_ShowsTheErrorInTheResidentsLanguage_AndStoresNothing()
    {
        var (action, key) = await OpenFormAsync("uk", "wonen", "wonen-vocht");
        var response = await _client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["idempotencyKey"] = key, ["text"] = "У кімнаті сиро", ["phone"] = "+31612345678",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("uk", "error.contactConsent")), html);
        Assert.Contains($"value=\"{Html("+31612345678")}\"", html); // what the resident typed is kept
        Assert.Equal(0, await _app.CountSignalsAsync());
    }

    [Fact]
    public async Task NoSubcategoryAndNoText_AsksForText()
    {
        var (action, key) = await OpenFormAsync("ti", "wonen", "-");
        var response = await _client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["idempotencyKey"] = key }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("ti", "error.text")), await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.CountSignalsAsync());
    }

    [Fact]
    public async Task Photo_IsStoredWithoutItsLocationData_ABadOneStoresNothing()
    {
        var (action, key) = await OpenFormAsync("en", "wonen", "wonen-vocht");
        using var bad = new MultipartFormDataContent
        {
            { new StringContent(key), "idempotencyKey" },
            { new ByteArrayContent("not a picture"u8.ToArray()), "photo", "x.jpg" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.PostAsync(action, bad)).StatusCode);
        Assert.Equal(0, await _app.CountSignalsAsync());

        using var good = new MultipartFormDataContent
        {
            { new StringContent(key), "idempotencyKey" },
            { new ByteArrayContent(Security.PhotoImages.JpegWithExif(64, 48)), "photo", "IMG_0001.jpg" },
        };
        var response = await _client.PostAsync(action, good);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var code = Regex.Match(response.Headers.Location!.ToString(), @"([^/?]+)(\?[^/]*)?$").Groups[1].Value; // the code ends the confirmation's address
        var blobName = Assert.Single((await _app.LoadAsync(code)).Attachments);
        var blob = new BlobContainerClient(Azurite.Shared.ConnectionString, _app.Prefix + AttachmentStore.ContainerName).GetBlobClient(blobName);
        var stored = (await blob.DownloadContentAsync()).Value.Content;
        Assert.DoesNotContain("GPS", System.Text.Encoding.ASCII.GetString(stored));
        Assert.NotNull(SkiaSharp.SKBitmap.Decode(stored.ToArray())); // a picture, made anew
    }

    /// <summary>
    /// 112 is the first thing on every subject page and every form page, and only once; 113 joins it where someone
    /// may be hurt (health, safety), not on housing. The old red box with the same numbers is gone.
    /// </summary>
    [Theory]
    [InlineData("zorg", true)]
    [InlineData("zorg/zorg-zelfdoding", true)]
    [InlineData("veiligheid", true)]
    [InlineData("veiligheid/veiligheid-conflict", true)]
    [InlineData("wonen", false)]
    [InlineData("wonen/wonen-brand", false)]
    [InlineData("wonen/wonen-vocht", false)]
    [InlineData("werk/-", false)]
    public async Task SubjectAndFormPages_Show112FirstAndOnce_113WhereTheSubjectFits(string step, bool with113)
    {
        var html = await _client.GetStringAsync($"/r/{Token}/fa/{step}");
        Assert.Matches("<main>\\s*<section class=\"danger\"", html);
        Assert.Single(Regex.Matches(html, "tel:112"));
        Assert.Equal(with113 ? 1 : 0, Regex.Matches(html, "tel:113").Count);
        Assert.DoesNotContain("class=\"emergency\"", html);
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("fa", "emergency.call112")), html);
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("fa", "reassurance.asielzoeker")), html);
    }

    [Fact]
    public async Task StatusPage_NotSolved_ReopensWithTheComment()
    {
        var code = await _client.SubmitAcceptedAsync(Intakes.Body(_app, language: "ti", text: "ማይ ኣብ ክፍለይ ይኣቱ"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var before = await _client.GetStringAsync($"/s/{code}");
        Assert.Contains("lang=\"ti\"", before);
        Assert.DoesNotContain("name=\"solved\"", before);
        await _app.ResolveAsync(code);

        var page = await _client.GetStringAsync($"/s/{code.Replace("-", "")}");
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("ti", "status.solvedQuestion")), page);
        var answer = await _client.PostAsync($"/s/{code}/answer", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["lang"] = "ti", ["solved"] = "no", ["comment"] = "ማይ ገና ይኣቱ",
        }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var signal = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.Reopened, signal.Status);
        Assert.Equal("ማይ ገና ይኣቱ", Assert.Single(signal.ResidentComments).Text);
        var after = await _client.GetStringAsync(answer.Headers.Location!.ToString());
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("ti", "event.reopened")), after);
        Assert.DoesNotContain("name=\"solved\"", after);
    }

    [Fact]
    public async Task StatusPage_UnknownCode_SaysSoInTheLanguage()
    {
        var response = await _client.GetAsync("/s/333333333X?lang=so");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(Html(Domain.Texts.ResidentTexts.Default.Get("so", "status.notFound")), await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// The weight budget: every page of the form, as first loaded (HTML with its inlined CSS, script and pictograms —
    /// there is nothing else to load), at most 30 KB gzip-compressed, and nothing from another host.
    /// </summary>
    [Fact]
    public async Task EveryFormPage_IsAtMost30KBCompressed_AndSelfContained()
    {
        var (action, key) = await OpenFormAsync("ar", "zorg", "zorg-psychisch");
        var sent = await _client.PostAsync(action, new FormUrlEncodedContent(new Dictionary<string, string> { ["idempotencyKey"] = key, ["text"] = "لا أنام" }));
        var mains = Domain.ReferenceData.ReferenceFiles.LoadEmbedded().ToDomain().Categories.Main.Select(c => c.Code).ToList();
        string[] pages = [$"/r/{Token}", $"/r/{Token}/ar", .. mains.Select(c => $"/r/{Token}/ar/{c}"), .. mains.Select(c => $"/r/{Token}/ti/{c}"),
            $"/r/{Token}/ar/zorg/zorg-spoed", $"/r/{Token}/ti/wonen/-", sent.Headers.Location!.ToString(), "/s?lang=am"];
        foreach (var path in pages)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            var response = await _client.SendAsync(request);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length <= 30 * 1024, $"{path}: {compressed.Length} bytes compressed");
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var html = await new StreamReader(gzip).ReadToEndAsync();
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
            Assert.DoesNotContain("<link", html);
        }
    }
}
