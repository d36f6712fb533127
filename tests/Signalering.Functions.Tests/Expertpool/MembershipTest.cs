using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Expertpool;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Tables;
using static Signalering.Functions.Tests.Expertpool.ExpertpoolFlows;

namespace Signalering.Functions.Tests.Expertpool;

/// <summary>Joining with recorded consent, and leaving: personal data erased, answers kept without a link to anyone.</summary>
public sealed class MembershipTest : IDisposable
{
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SignaleringApp _app;

    public MembershipTest() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Join_RecordsWhatWasAgreed_WhenInWhichLanguageAndTextVersion()
    {
        var code = await _app.JoinAsync();
        var row = Assert.Single(await _app.MemberRowsAsync());
        Assert.Equal(ConsentRecord.CurrentVersion, row.GetString("ConsentVersion"));
        Assert.Equal("ar", row.GetString("ConsentLanguage"));
        Assert.Equal(Now, row.GetDateTimeOffset("ConsentAt"));
        Assert.Equal(string.Join(',', ConsentRecord.CurrentItems), row.GetString("ConsentAgreed"));
        // The code is the member's key: it is not stored, only a keyed hash of it.
        Assert.True(MemberCode.TryParse(code, out var parsed));
        Assert.DoesNotContain(row.Values(), v => v is string s && s.Contains(parsed.Value, StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(parsed.Value, row.RowKey, StringComparison.OrdinalIgnoreCase);
        var profile = (await _app.LookupAsync(code)).GetProperty("profile");
        Assert.Equal("asielzoeker", profile.GetProperty("targetGroup").GetString());
        Assert.Equal(ConsentRecord.CurrentVersion, profile.GetProperty("consent").GetProperty("textVersion").GetString());
    }

    [Fact]
    public async Task Join_WithoutConsent_400NamingConsent_AndNothingStored()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members", JoinBody(consent: false));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("consent", out _));
        Assert.Empty(await _app.MemberRowsAsync());
    }

    [Theory]
    [InlineData("targetGroup", "refugee")]
    [InlineData("locationId", "nowhere")]
    [InlineData("channel", "pigeon")]
    [InlineData("ageRange", "12")]
    public async Task Join_BadField_400NamingIt(string field, string value)
    {
        var body = JoinBody();
        body[field] = value;
        var response = await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Empty(await _app.MemberRowsAsync());
    }

    [Fact]
    public async Task Join_FromALocationsQrCode_TakesTheLocationFromTheToken()
    {
        var body = JoinBody();
        body.Remove("locationId");
        body["locationToken"] = _app.Token(Intakes.Ukrainian);
        Assert.Equal(HttpStatusCode.Created, (await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members", body)).StatusCode);
        Assert.Equal("oekraine-emmeloord", Assert.Single(await _app.MemberRowsAsync()).GetString("LocationId"));
        body["locationToken"] = "dev.forged.token";
        var forged = await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members", body);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.True((await forged.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("locationId", out _));
    }

    [Fact]
    public async Task Join_ByEmail_NeedsAValidAddress()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members", JoinBody(channel: "email", email: "not-an-address"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Withdraw_ErasesPersonalData_KeepsAnswersAnonymous_LogsErasureWithoutPersonalData()
    {
        var id = await _app.CreateConsultationAsync();
        var second = await _app.CreateConsultationAsync();
        var code = await _app.JoinAsync(channel: "email", email: "amal@example.org");
        await _app.InviteAsync(id);
        await _app.InviteAsync(second);
        var token = await _app.InvitationTokenAsync(code, id);
        var unused = await _app.InvitationTokenAsync(code, second);
        Assert.Equal(HttpStatusCode.Created, (await _app.AnswerAsync(token, 6, 4, "De muren zijn nat.")).StatusCode);
        var answersBefore = await _app.AnswerRowsAsync();

        var response = await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members/withdraw", new { memberCode = code });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await _app.MemberRowsAsync());
        Assert.DoesNotContain(await _app.InvitationRowsAsync(), i => i.GetString("MemberKey") is not null);
        var answersAfter = await _app.AnswerRowsAsync();
        Assert.Equal(answersBefore.Select(a => (a.RowKey, a.GetString("Scores"), a.GetString("Open"))), answersAfter.Select(a => (a.RowKey, a.GetString("Scores"), a.GetString("Open"))));
        var erasure = Assert.Single(await _app.RowsAsync(ExpertpoolTables.ErasuresTable));
        Assert.Equal(["At", "Kind"], erasure.Keys.Except(["odata.etag", "PartitionKey", "RowKey", "Timestamp"]).Order());
        Assert.DoesNotContain(erasure.Values(), v => v is string s && (s.Contains("amal", StringComparison.Ordinal) || s.Contains(code.Replace("-", ""), StringComparison.Ordinal)));
        // The code is dead, and so is the invitation that was not used.
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = code })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.AnswerAsync(unused, 5)).StatusCode);
        // The analysis still counts the answer.
        var analysis = await _app.Municipality().GetFromJsonAsync<JsonElement>($"/api/expertpool/consultations/{id}/analysis");
        Assert.Equal(1, analysis.GetProperty("answers").GetInt32());
    }

    [Fact]
    public async Task Withdraw_UnknownCode_404()
    {
        var response = await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members/withdraw", new { memberCode = MemberCode.New().ToString() });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await _app.RowsAsync(ExpertpoolTables.ErasuresTable));
    }
}
