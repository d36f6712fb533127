using System.Net;
using Microsoft.Extensions.Time.Testing;
using Signalering.Functions.Tests.Infrastructure;
using static Signalering.Functions.Tests.Expertpool.ExpertpoolFlows;

namespace Signalering.Functions.Tests.Expertpool;

/// <summary>The municipality's pages: a native speaker checks and corrects a consultation's translation.</summary>
public sealed class ConsultationPagesTest : IDisposable
{
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SignaleringApp _app;

    public ConsultationPagesTest() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    private static FormUrlEncodedContent Form(IEnumerable<(string, string)> fields) => new(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2)));

    private static readonly (string Key, string Text)[] Somali =
    [
        ("title", "Luqad iyo guri"), ("intro", "Waxaan rabnaa inaan ogaanno sida luqadda iyo guriga u socdaan."), ("q.1", "Maxaa guriga ka dhigi lahaa mid wanaagsan?"),
        ("q.2", "Ma leedahay casharro luqadeed?"), ("q.2.o0", "Haa"), ("q.2.o1", "Maya"),
    ];

    [Fact]
    public async Task OnlyTheMunicipality()
    {
        await _app.CreateConsultationAsync();
        // Not signed in: sent to the one staff sign-in and back.
        Assert.Equal("/aanmelden?terug=%2Finbox%2Fexpertpool", (await _app.Browser().GetAsync("/inbox/expertpool")).Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Coordinator("coa-luttelgeest").GetAsync("/inbox/expertpool")).StatusCode);
        Assert.Contains("Taal en wonen", await _app.Municipality().GetStringAsync("/inbox/expertpool"));
    }

    [Fact]
    public async Task NewConsultation_ByForm_BadInputShownAndNothingStored_ThenInviteAndPublish()
    {
        var client = _app.Municipality();
        Assert.Contains("Nieuwe consultatie", await client.GetStringAsync("/inbox/expertpool/nieuw"));
        (string, string)[] valid =
        [
            ("title", "Wonen in Luttelgeest"), ("introduction", "Hoe is het wonen hier?"), ("targetGroups", "asielzoeker"),
            ("locationIds", "azc-luttelgeest"), ("indicators", "huisvesting"), ("openQuestion", "Wat moet beter?"),
            ("opens", "2026-11-20"), ("closes", "2026-11-30"),
        ];
        var bad = await client.PostAsync("/inbox/expertpool/nieuw", Form(valid.Where(f => f.Item1 != "targetGroups")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Wonen in Luttelgeest", await bad.Content.ReadAsStringAsync()); // what was typed stays
        Assert.DoesNotContain("Wonen in Luttelgeest", await client.GetStringAsync("/inbox/expertpool"));

        var creator = _app.CreateClient(new() { AllowAutoRedirect = false });
        creator.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var created = await creator.PostAsync("/inbox/expertpool/nieuw", Form(valid));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.ToString();
        Assert.StartsWith("/inbox/expertpool/", path);

        await _app.JoinAsync();
        // Arabic is not checked by a native speaker: the organiser must tick the box to invite in it anyway.
        var unconfirmed = await (await client.PostAsync(path + "/uitnodigen", Form([]))).Content.ReadAsStringAsync();
        Assert.Contains("Not yet checked by a native speaker: ar", unconfirmed);
        Assert.Contains("name=\"confirmUnreviewed\"", unconfirmed);
        Assert.Empty(await _app.InvitationRowsAsync());
        Assert.Contains("1 lid/leden uitgenodigd", await (await client.PostAsync(path + "/uitnodigen", Form([("confirmUnreviewed", "true")]))).Content.ReadAsStringAsync());

        Assert.Contains("Dat lukte niet", await (await client.PostAsync(path + "/uitkomst", Form([("heard", "x"), ("willDo", "y")]))).Content.ReadAsStringAsync());

        // A session held last week: closed, so what was heard can be published.
        var held = await creator.PostAsync("/inbox/expertpool/nieuw",
            Form(valid.Where(f => f.Item1 is not ("opens" or "closes")).Concat([("opens", "2026-11-01"), ("closes", "2026-11-20")])));
        var heldPath = held.Headers.Location!.ToString();
        var published = await creator.PostAsync(heldPath + "/uitkomst", Form([("heard", "Het is te koud."), ("willDo", "De verwarming wordt gemaakt.")]));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("De verwarming wordt gemaakt.", await client.GetStringAsync(heldPath));
        Assert.DoesNotContain("<textarea id=\"heard\"", await client.GetStringAsync(heldPath)); // published once
    }

    [Fact]
    public async Task MailingListLink_OnTheConsultationPage_WorksWithTheSignedInCookieSession()
    {
        var id = await _app.CreateConsultationAsync();
        await _app.JoinAsync(channel: "email", email: "amal@example.org");
        await _app.InviteAsync(id);
        var browser = await _app.SignedInAsync(Auth.Roles.Municipality, "gemeente-regie");
        var page = await browser.GetStringAsync($"/inbox/expertpool/{id}");
        var link = System.Text.RegularExpressions.Regex.Match(page, "href=\"(/api/expertpool/consultations/[^\"]+/mailing\\.csv)\"").Groups[1].Value;
        Assert.NotEmpty(link);
        var csv = await browser.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Contains("amal@example.org", await csv.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.Browser().GetAsync(link)).StatusCode);
    }

    [Fact]
    public async Task NativeSpeaker_ChecksAndCorrectsALanguage_MembersReadIt()
    {
        var id = await _app.CreateConsultationAsync();
        var client = _app.Municipality();
        Assert.Contains("nog niet (helemaal) vertaald", await client.GetStringAsync($"/inbox/expertpool/{id}"));
        var form = await client.GetStringAsync($"/inbox/expertpool/{id}/talen/so");
        Assert.Contains("Wat zou het wonen beter maken?", form);

        var partial = await client.PostAsync($"/inbox/expertpool/{id}/talen/so", Form([("key", "title"), ("text", "Luqad iyo guri"), ("reviewer", "Hodan")]));
        Assert.Equal(HttpStatusCode.BadRequest, partial.StatusCode);
        Assert.Contains("Vul elke tekst in", await partial.Content.ReadAsStringAsync());
        Assert.Contains("nog niet (helemaal) vertaald", await client.GetStringAsync($"/inbox/expertpool/{id}"));

        var saver = _app.CreateClient(new() { AllowAutoRedirect = false });
        saver.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        var saved = await saver.PostAsync($"/inbox/expertpool/{id}/talen/so",
            Form(Somali.SelectMany(s => new[] { ("key", s.Key), ("text", s.Text) }).Append(("reviewer", "Hodan"))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("nagekeken door Hodan", await client.GetStringAsync($"/inbox/expertpool/{id}"));

        var code = await _app.JoinAsync();
        await _app.InviteAsync(id);
        var page = await _app.CreateClient().GetStringAsync($"/e/i/{await _app.InvitationTokenAsync(code, id)}?lang=so");
        Assert.Contains("Luqad iyo guri", page);
        Assert.Contains("Maya", page);
        Assert.Contains("Rapport", await client.GetStringAsync($"/inbox/expertpool/{id}"));
        Assert.Contains("@media print", await client.GetStringAsync($"/inbox/expertpool/{id}/rapport"));
    }
}
