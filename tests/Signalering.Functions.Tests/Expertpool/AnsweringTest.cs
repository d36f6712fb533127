using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Tables;
using static Signalering.Functions.Tests.Expertpool.ExpertpoolFlows;

namespace Signalering.Functions.Tests.Expertpool;

/// <summary>One answer per invitation, and answers that cannot be joined to the people who gave them.</summary>
public sealed class AnsweringTest : IDisposable
{
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly SignaleringApp _app;

    public AnsweringTest() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    private async Task<(string Code, string Consultation, string Token)> InvitedAsync(string channel = "location", string? email = null)
    {
        var id = await _app.CreateConsultationAsync();
        var code = await _app.JoinAsync(channel: channel, email: email);
        Assert.Equal(1, await _app.InviteAsync(id));
        return (code, id, await _app.InvitationTokenAsync(code, id));
    }

    [Fact]
    public async Task SecondAnswerOnTheSameInvitation_409_FirstKept()
    {
        var (code, _, token) = await InvitedAsync();
        Assert.Equal(HttpStatusCode.Created, (await _app.AnswerAsync(token, 7)).StatusCode);
        var again = await _app.AnswerAsync(token, 2);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("\"token\"", await again.Content.ReadAsStringAsync());
        var row = Assert.Single(await _app.AnswerRowsAsync());
        Assert.Contains("\"taal\":7", row.GetString("Scores"));
        // A used invitation is no longer offered to the member, and inviting again does not hand out another.
        Assert.Empty((await _app.LookupAsync(code)).GetProperty("invitations").EnumerateArray());
        Assert.Equal(0, await _app.InviteAsync(row.PartitionKey));
    }

    [Fact]
    public async Task TwoConcurrentSubmits_OneAnswer()
    {
        var (_, _, token) = await InvitedAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => _app.AnswerAsync(token, i + 1)));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.Created);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(await _app.AnswerRowsAsync());
    }

    [Fact]
    public async Task ForgedOrClosed_Refused()
    {
        var (_, id, token) = await InvitedAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await _app.AnswerAsync(token[..^2] + "xx", 5)).StatusCode);
        // A poster's QR token is signed with the same keys but is not an invitation.
        Assert.Equal(HttpStatusCode.NotFound, (await _app.AnswerAsync(_app.Token(Intakes.AzcMainBuilding), 5)).StatusCode);
        _clock.Advance(TimeSpan.FromDays(15));
        Assert.Equal(HttpStatusCode.Gone, (await _app.AnswerAsync(token, 5)).StatusCode);
        Assert.Empty(await _app.AnswerRowsAsync());
        Assert.NotEmpty(id);
    }

    [Fact]
    public async Task BadAnswer_400NamingTheField_NothingStored()
    {
        var (_, _, token) = await InvitedAsync();
        var response = await _app.AnswerAsync(token, 11);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("scores.taal", out _));
        Assert.Empty(await _app.AnswerRowsAsync());
        Assert.Equal(HttpStatusCode.Created, (await _app.AnswerAsync(token, 10)).StatusCode);
    }

    /// <summary>
    /// No stored row holds both a pseudonym and an identity: answer rows carry only their own fields, none of which is
    /// a member key, code or contact; the used invitation no longer names the member; the member row never holds an
    /// answer's pseudonym, before or after withdrawal.
    /// </summary>
    [Fact]
    public async Task Answers_AreStoredUnderAPseudonym_ThatNoRowLinksToAPerson()
    {
        var (code, id, token) = await InvitedAsync("email", "yonas@example.org");
        Assert.Equal(HttpStatusCode.Created, (await _app.AnswerAsync(token, 8, 3, "Mijn kamer is koud.", 0)).StatusCode);
        var member = Assert.Single(await _app.MemberRowsAsync());
        var answer = Assert.Single(await _app.AnswerRowsAsync());

        Assert.Equal(["Choices", "Language", "Open", "Scores", "SubmittedOn", "TargetGroup"],
            answer.Keys.Except(["odata.etag", "PartitionKey", "RowKey", "Timestamp"]).Order());
        var identity = new[] { member.RowKey, code.Replace("-", ""), "yonas@example.org", "azc-luttelgeest", "26-35" };
        foreach (var value in answer.Values().OfType<string>().Append(answer.RowKey))
            foreach (var secret in identity) Assert.DoesNotContain(secret, value, StringComparison.OrdinalIgnoreCase);
        // The day, not the moment.
        Assert.Equal(TimeSpan.Zero, answer.GetDateTimeOffset("SubmittedOn")!.Value.TimeOfDay);

        var invitation = Assert.Single(await _app.InvitationRowsAsync());
        Assert.True(invitation.GetBoolean("Used"));
        Assert.Null(invitation.GetString("MemberKey"));
        Assert.DoesNotContain(answer.RowKey, invitation.Values().OfType<string>());

        Assert.DoesNotContain(member.Values().OfType<string>(), v => v.Contains(answer.RowKey, StringComparison.Ordinal));
        await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members/withdraw", new { memberCode = code });
        Assert.Empty(await _app.MemberRowsAsync());
        foreach (var row in (await _app.InvitationRowsAsync()).Concat(await _app.RowsAsync(ExpertpoolTables.ErasuresTable)))
            Assert.DoesNotContain(row.Values().OfType<string>(), v => v.Contains(member.RowKey, StringComparison.Ordinal));
        Assert.Single(await _app.AnswerRowsAsync());
        Assert.NotEmpty(id);
    }
}
