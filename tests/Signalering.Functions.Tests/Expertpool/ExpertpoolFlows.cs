using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Expertpool;

/// <summary>The expertpool's flows as a member and the municipality go through them over HTTP.</summary>
internal static class ExpertpoolFlows
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static Dictionary<string, object?> JoinBody(string group = "asielzoeker", string location = "azc-luttelgeest", string language = "ar",
        string channel = "location", string? email = null, string? phone = null, bool consent = true) => new()
    {
        ["language"] = language, ["targetGroup"] = group, ["locationId"] = location, ["languages"] = new[] { language, "en" },
        ["ageRange"] = "26-35", ["indicators"] = new[] { "taal", "huisvesting" }, ["channel"] = channel, ["email"] = email, ["phone"] = phone,
        ["consent"] = consent,
    };

    public static async Task<string> JoinAsync(this SignaleringApp app, string group = "asielzoeker", string location = "azc-luttelgeest",
        string channel = "location", string? email = null)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/expertpool/members", JoinBody(group, location, channel: channel, email: email));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberCode").GetString()!;
    }

    public static HttpClient Municipality(this SignaleringApp app) => app.Coordinator("gemeente-regie", Auth.Roles.Municipality);

    public static Dictionary<string, object?> ConsultationBody(DateTimeOffset? opens = null, bool inPerson = false) => new()
    {
        ["title"] = "Taal en wonen", ["introduction"] = "We willen weten hoe het gaat met taal en wonen.",
        ["targetGroups"] = new[] { "asielzoeker", "oekraiens" }, ["locationIds"] = new[] { "azc-luttelgeest", "oekraine-emmeloord" },
        ["indicators"] = new[] { "taal", "huisvesting" },
        ["questions"] = new object[]
        {
            new { kind = "open", text = "Wat zou het wonen beter maken?", indicator = "huisvesting" },
            new { kind = "choice", text = "Heeft u taalles?", options = new[] { "Ja", "Nee" } },
        },
        ["opensAt"] = opens ?? Now.AddHours(-1), ["closesAt"] = (opens ?? Now.AddHours(-1)).AddDays(14), ["inPerson"] = inPerson,
    };

    public static async Task<string> CreateConsultationAsync(this SignaleringApp app, DateTimeOffset? opens = null, bool inPerson = false)
    {
        var response = await app.Municipality().PostAsJsonAsync("/api/expertpool/consultations", ConsultationBody(opens, inPerson));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Invites, confirming languages no native speaker checked (most flows do not test that gate).</summary>
    public static async Task<int> InviteAsync(this SignaleringApp app, string consultationId)
    {
        var response = await app.Municipality().PostAsync($"/api/expertpool/consultations/{consultationId}/invitations?confirmUnreviewed=true", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetInt32();
    }

    public static async Task<JsonElement> LookupAsync(this SignaleringApp app, string memberCode)
    {
        var response = await app.CreateClient().PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The member's personal invitation token for the consultation, as their page shows it.</summary>
    public static async Task<string> InvitationTokenAsync(this SignaleringApp app, string memberCode, string consultationId) =>
        (await app.LookupAsync(memberCode)).GetProperty("invitations").EnumerateArray()
            .Single(i => i.GetProperty("consultation").GetString() == consultationId).GetProperty("link").GetString()!["/e/i/".Length..];

    public static Task<HttpResponseMessage> AnswerAsync(this SignaleringApp app, string token, int taal, int? huisvesting = null, string? open = null,
        int? choice = null) =>
        app.CreateClient().PostAsJsonAsync($"/api/expertpool/invitations/{token}/answers", new
        {
            language = "ar",
            scores = huisvesting is { } h ? new Dictionary<string, int> { ["taal"] = taal, ["huisvesting"] = h } : new Dictionary<string, int> { ["taal"] = taal },
            choices = choice is { } c ? new Dictionary<string, int> { ["2"] = c } : null,
            open = open is null ? null : new Dictionary<string, string> { ["1"] = open },
        });

    /// <summary>Every stored entity of an expertpool table, every property.</summary>
    public static async Task<List<TableEntity>> RowsAsync(this SignaleringApp app, string table)
    {
        var client = app.Table(table);
        await client.CreateIfNotExistsAsync();
        var list = new List<TableEntity>();
        await foreach (var e in client.QueryAsync<TableEntity>()) list.Add(e);
        return list;
    }

    public static Task<List<TableEntity>> AnswerRowsAsync(this SignaleringApp app) => app.RowsAsync(ExpertpoolTables.AnswersTable);
    public static Task<List<TableEntity>> MemberRowsAsync(this SignaleringApp app) => app.RowsAsync(ExpertpoolTables.MembersTable);
    public static Task<List<TableEntity>> InvitationRowsAsync(this SignaleringApp app) => app.RowsAsync(ExpertpoolTables.InvitationsTable);

    /// <summary>Every property value of a stored row (its keys included).</summary>
    public static IEnumerable<object> Values(this TableEntity e) => e.Keys.Select(k => e[k]).Append(e.PartitionKey).Append(e.RowKey);
}
