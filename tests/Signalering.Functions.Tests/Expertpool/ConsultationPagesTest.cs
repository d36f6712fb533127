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
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/inbox/expertpool")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Coordinator("coa-luttelgeest").GetAsync("/inbox/expertpool")).StatusCode);
        Assert.Contains("Taal en wonen", await _app.Municipality().GetStringAsync("/inbox/expertpool"));
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
