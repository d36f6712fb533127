using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Texts;
using Signalering.Functions.Tests.Infrastructure;
using static Signalering.Functions.Tests.Expertpool.ExpertpoolFlows;

namespace Signalering.Functions.Tests.Expertpool;

/// <summary>The member pages: joining by form, the member's page, answering on a phone, "you said, we did".</summary>
public sealed partial class ExpertpoolPagesTest : IDisposable
{
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SignaleringApp _app;
    private readonly HttpClient _client;

    public ExpertpoolPagesTest()
    {
        _app = new SignaleringApp { Clock = _clock };
        _client = _app.CreateClient(new() { AllowAutoRedirect = false });
    }

    public void Dispose() => _app.Dispose();

    private static string T(string lang, string key) => WebUtility.HtmlEncode(ResidentTexts.Default.Get(lang, key));

    private static FormUrlEncodedContent Form(params (string, string)[] fields) => new(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    [GeneratedRegex("class=\"code\">([^<]+)<")]
    private static partial Regex CodeOnPage();

    private Task<HttpResponseMessage> PostJoinAsync(bool consent) => _client.PostAsync("/e/join", Form([
        ("lang", "fa"), ("loc", _app.Token(Intakes.AzcMainBuilding)), ("targetGroup", "asielzoeker"), ("locationId", "azc-luttelgeest"), ("languages", "fa"),
        ("languages", "prs"), ("ageRange", "36-50"), ("gender", ""), ("indicators", "taal"), ("indicators", "werk-inkomen"), ("channel", "location"),
        .. consent ? new[] { ("consent", "true") } : []]));

    [Fact]
    public async Task JoinPage_InTheMembersLanguage_RightToLeft_ShowsTheConsentText()
    {
        var html = await _client.GetStringAsync($"/e/join?lang=fa&loc={_app.Token(Intakes.AzcMainBuilding)}");
        Assert.Contains("<html lang=\"fa\" dir=\"rtl\">", html);
        foreach (var item in ConsentRecord.CurrentItems) Assert.Contains(T("fa", item), html);
        Assert.Contains("value=\"azc-luttelgeest\" selected", html);
        foreach (var i in Indicators.All) Assert.Contains(T("fa", Indicators.TextKey(i)), html);
        Assert.Contains("/e/join?lang=ti", await _client.GetStringAsync("/e/join"));
    }

    [Fact]
    public async Task JoinByForm_WithoutConsent_ErrorInTheLanguage_NothingStored_WithConsent_ShowsTheCode()
    {
        var refused = await PostJoinAsync(consent: false);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(T("fa", "ep.error.consent"), await refused.Content.ReadAsStringAsync());
        Assert.Empty(await _app.MemberRowsAsync());

        var joined = await PostJoinAsync(consent: true);
        Assert.Equal(HttpStatusCode.Created, joined.StatusCode);
        var code = CodeOnPage().Match(await joined.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.True(MemberCode.TryParse(code, out _), code);
        var row = Assert.Single(await _app.MemberRowsAsync());
        Assert.Equal("fa", row.GetString("ConsentLanguage"));
        Assert.Equal("fa,prs", row.GetString("Languages"));
        Assert.Null(row.GetString("Gender"));
    }

    [Fact]
    public async Task JoinByForm_SaysEveryMissingAnswerAtOnce_EachOnItsField()
    {
        var refused = await _client.PostAsync("/e/join", Form([("lang", "ar"), ("loc", _app.Token(Intakes.AzcMainBuilding)), ("channel", "email"),
            ("email", "not an address")]));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        // In the list at the top, each linking to its field, and next to the field itself.
        foreach (var (field, key) in new[] { ("consent", "ep.error.consent"), ("targetGroup", "ep.error.required"), ("ageRange", "ep.error.required"), ("email", "error.email") })
        {
            Assert.Contains($"<a href=\"#{field}\">{T("ar", key)}</a>", html);
            Assert.Contains($"id=\"{field}-error\">{T("ar", key)}</p>", html);
        }
        Assert.Contains("value=\"not an address\"", html);
        Assert.Empty(await _app.MemberRowsAsync());

        var api = await _client.PostAsJsonAsync("/api/expertpool/members", new { language = "ar", locationId = "azc-luttelgeest", channel = "location" });
        Assert.Equal(HttpStatusCode.BadRequest, api.StatusCode);
        var errors = (await api.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("errors");
        Assert.Equal(new[] { "ageRange", "consent", "targetGroup" }, errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task MyPage_ShowsOpenInvitations_AndLeaving_ErasesTheMember()
    {
        var id = await _app.CreateConsultationAsync();
        var code = await _app.JoinAsync();
        await _app.InviteAsync(id);
        var page = await _client.PostAsync("/e/me", Form(("lang", "ar"), ("code", code.ToLowerInvariant())));
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("href=\"/e/i/", html);
        Assert.Contains(T("ar", "ep.leave.help"), html);

        var unknown = await _client.PostAsync("/e/me", Form(("lang", "ar"), ("code", MemberCode.New().ToString())));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains(T("ar", "ep.me.notFound"), await unknown.Content.ReadAsStringAsync());

        var left = await _client.PostAsync("/e/leave", Form(("lang", "ar"), ("code", code)));
        Assert.Equal(HttpStatusCode.OK, left.StatusCode);
        Assert.Contains(T("ar", "ep.left"), await left.Content.ReadAsStringAsync());
        Assert.Empty(await _app.MemberRowsAsync());
    }

    [Fact]
    public async Task AnswerPage_ScoresEveryIndicatorOneToTen_InTheLanguage_AndTakesOneAnswer()
    {
        var id = await _app.CreateConsultationAsync();
        var code = await _app.JoinAsync();
        await _app.InviteAsync(id);
        var token = await _app.InvitationTokenAsync(code, id);

        var html = await _client.GetStringAsync($"/e/i/{token}?lang=ps");
        Assert.Contains("<html lang=\"ps\" dir=\"rtl\">", html);
        Assert.Contains(T("ps", "ep.ind.taal"), html);
        Assert.Contains(T("ps", "ep.ind.huisvesting"), html);
        for (var n = 1; n <= 10; n++) Assert.Contains($"name=\"score.taal\" value=\"{n}\"", html);
        // Each scale says which end is good with faces too: a sad one at 1, a happy one at 10.
        Assert.Equal(2, Regex.Count(html, "<p class=\"scale-ends\" aria-hidden=\"true\"><span><svg class=\"face\"[^>]*>.*?</svg> 1</span><span>10 <svg class=\"face\""));
        // Not translated yet: the Dutch, as it is.
        Assert.Contains("Taal en wonen", html);

        var sent = await _client.PostAsync($"/e/i/{token}", Form(("lang", "ps"), ("score.taal", "4"), ("score.huisvesting", ""), ("choice.2", "1"),
            ("open.1", "کوټه سړه ده")));
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Contains(T("ps", "ep.answer.thanks"), await sent.Content.ReadAsStringAsync());
        var row = Assert.Single(await _app.AnswerRowsAsync());
        Assert.Equal("{\"taal\":4}", row.GetString("Scores"));
        Assert.Equal("ps", row.GetString("Language"));

        var again = await _client.GetAsync($"/e/i/{token}?lang=ps");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains(T("ps", "ep.answer.used"), await again.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, (await _client.PostAsync($"/e/i/{token}", Form(("lang", "ps"), ("score.taal", "9")))).StatusCode);
        Assert.Single(await _app.AnswerRowsAsync());
    }

    [Fact]
    public async Task LocationLink_InTheLocationsFirstLanguages_EachInItsOwnDirection()
    {
        var pages = _app.Services.GetRequiredService<Signalering.Functions.Web.PageRenderer>();
        var html = await pages.RenderAsync<Signalering.Functions.Features.Expertpool.ExpertpoolLocationLink>(new
        {
            LocationToken = "t0k3n", Languages = new[] { Domain.Languages.FormLanguages.Get("ar"), Domain.Languages.FormLanguages.Get("uk") },
        });
        Assert.Contains($"<a lang=\"ar\" dir=\"rtl\" href=\"/e/l/t0k3n?lang=ar\">{T("ar", "ep.location.link")}</a>", html);
        Assert.Contains($" · <a lang=\"uk\" dir=\"ltr\" href=\"/e/l/t0k3n?lang=uk\">{T("uk", "ep.location.link")}</a>", html);
    }

    /// <summary>The same budget as the report form: first load at most 30 KB compressed, nothing from another host.</summary>
    [Fact]
    public async Task MemberPages_AreAtMost30KBCompressed_AndSelfContained()
    {
        // The heaviest consultation a member can get: all 14 indicators and the maximum number of questions.
        var body = ConsultationBody();
        body["indicators"] = Indicators.All.Select(i => i.Code).ToArray();
        body["questions"] = Enumerable.Range(0, Consultation.MaxQuestions).Select(i => i % 2 == 0
            ? (object)new { kind = "open", text = $"Wat wilt u nog zeggen over onderwerp {i}?", indicator = Indicators.All[i % 14].Code }
            : new { kind = "choice", text = $"Hoe vaak gebeurt dit ({i})?", options = new[] { "Nooit", "Soms", "Vaak", "Altijd" } }).ToArray();
        var created = await _app.Municipality().PostAsJsonAsync("/api/expertpool/consultations", body);
        var id = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        var code = await _app.JoinAsync();
        await _app.InviteAsync(id);
        var token = await _app.InvitationTokenAsync(code, id);

        string[] pages = [$"/e/i/{token}?lang=ti", $"/e/i/{token}?lang=ar", $"/e/join?lang=am", $"/e/l/{_app.Token(Intakes.AzcMainBuilding)}?lang=so", "/e/me?lang=ckb"];
        foreach (var path in pages)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length <= 30 * 1024, $"{path}: {compressed.Length} bytes compressed");
            using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            var html = await new StreamReader(gzip).ReadToEndAsync();
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
            Assert.DoesNotContain("<link", html);
        }
    }

    [Fact]
    public async Task YouSaidWeDid_OnTheMembersPage_AndForAnyoneScanningTheLocationsCode()
    {
        var id = await _app.CreateConsultationAsync();
        var token = _app.Token(Intakes.AzcMainBuilding);
        // The report form's first page leads to the location's expertpool page.
        Assert.Contains($"/e/l/{token}?lang=", await _client.GetStringAsync($"/r/{token}"));
        var early = await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/outcome", new { heard = "h", willDo = "w" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Contains(T("uk", "ep.results.none"), await _client.GetStringAsync($"/e/l/{token}?lang=uk"));

        _clock.Advance(TimeSpan.FromDays(15));
        var published = await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/outcome",
            new { heard = "De taallessen zijn te laat op de dag.", willDo = "Vanaf januari is er ook les om 9 uur." });
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);

        var location = await _client.GetStringAsync($"/e/l/{token}?lang=uk");
        Assert.Contains($"/e/results/{id}?lang=uk", location);
        var results = await _client.GetStringAsync($"/e/results/{id}?lang=uk");
        Assert.Contains(T("uk", "ep.results.willDo"), results);
        Assert.Contains("Vanaf januari is er ook les om 9 uur.", results);
        // Another location's code does not list it.
        Assert.DoesNotContain($"/e/results/{id}", await _client.GetStringAsync($"/e/l/{_app.Token(Intakes.LabourMigrants)}?lang=pl"));
    }
}
