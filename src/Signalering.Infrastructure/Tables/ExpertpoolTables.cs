using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Signalering.Domain.Expertpool;

namespace Signalering.Infrastructure.Tables;

/// <summary>A personal invitation: one consultation, one member until it is used. <see cref="MemberKey"/> is null once used.</summary>
public sealed record Invitation(string Id, string ConsultationId, string? MemberKey, string Language, InviteChannel Channel, DateTimeOffset CreatedAt,
    bool Used, DateTimeOffset? ReminderDueAt, ETag ETag);

public enum AnswerOutcome { Stored, AlreadyAnswered }

/// <summary>
/// The expertpool's storage, in five tables so that no row holds both who someone is and what they answered:
/// <list type="bullet">
/// <item><c>epmembers</c>: one row per member (by member key): profile, contact, consent. Deleted on withdrawal.</item>
/// <item><c>epinvitations</c>: one row per invitation (by invitation id): consultation and member key, until used;
/// using it removes the member key, withdrawal deletes the member's unused ones.</item>
/// <item><c>epanswers</c>: answer sets by consultation and pseudonym: target group, language, day, answers. Never a member key.</item>
/// <item><c>epconsultations</c>: the consultations, their translations, outcome and attendance.</item>
/// <item><c>eperasures</c>: that an erasure happened, when: a random id and a time, nothing else.</item>
/// </list>
/// </summary>
public sealed class ExpertpoolTables(TableClient members, TableClient invitations, TableClient answers, TableClient consultations, TableClient erasures)
{
    public const string MembersTable = "epmembers";
    public const string InvitationsTable = "epinvitations";
    public const string AnswersTable = "epanswers";
    public const string ConsultationsTable = "epconsultations";
    public const string ErasuresTable = "eperasures";
    public static readonly string[] TableNames = [MembersTable, InvitationsTable, AnswersTable, ConsultationsTable, ErasuresTable];

    private const string MemberPartition = "member";
    private const string InvitationRow = "invitation";
    private const string ConsultationPartition = "consultation";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private int _created;

    private async Task EnsureAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _created) == 1) return;
        foreach (var t in new[] { members, invitations, answers, consultations, erasures }) await t.CreateIfNotExistsAsync(ct);
        Volatile.Write(ref _created, 1);
    }

    // ---- members

    /// <returns>False when the key is taken (a code collision: draw another code).</returns>
    public async Task<bool> AddMemberAsync(string memberKey, Member m, DateTimeOffset joinedAt, CancellationToken ct)
    {
        await EnsureAsync(ct);
        try
        {
            await members.AddEntityAsync(new TableEntity(MemberPartition, memberKey)
            {
                ["TargetGroup"] = m.TargetGroup, ["LocationId"] = m.LocationId, ["Language"] = m.Language, ["Languages"] = string.Join(',', m.Languages),
                ["AgeRange"] = m.AgeRange, ["Gender"] = m.Gender, ["Indicators"] = string.Join(',', m.Indicators), ["Channel"] = m.Channel.ToString(),
                ["Contact"] = m.Contact, ["ConsentVersion"] = m.Consent.TextVersion, ["ConsentLanguage"] = m.Consent.Language,
                ["ConsentAt"] = m.Consent.At, ["ConsentAgreed"] = string.Join(',', m.Consent.Agreed), ["JoinedAt"] = joinedAt,
            }, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async Task<Member?> GetMemberAsync(string memberKey, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var e = await members.GetEntityIfExistsAsync<TableEntity>(MemberPartition, memberKey, cancellationToken: ct);
        return e.HasValue ? ToMember(e.Value!) : null;
    }

    /// <summary>
    /// Records on the member row that this consultation invited them; false when it already had. The list lives on the
    /// member row because it is about the person (and goes with them on withdrawal), not about their answers.
    /// </summary>
    public async Task<bool> MarkInvitedAsync(string memberKey, string consultationId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var e = await members.GetEntityIfExistsAsync<TableEntity>(MemberPartition, memberKey, ["InvitedTo"], ct);
            if (!e.HasValue) return false;
            var invitedTo = Split(e.Value!.GetString("InvitedTo"));
            if (invitedTo.Contains(consultationId)) return false;
            try
            {
                await members.UpdateEntityAsync(new TableEntity(MemberPartition, memberKey) { ["InvitedTo"] = string.Join(',', invitedTo.Append(consultationId)) },
                    e.Value.ETag, TableUpdateMode.Merge, ct);
                return true;
            }
            catch (RequestFailedException x) when (x.Status is 412 or 404)
            {
            }
        }
        return false;
    }

    /// <summary>Members of these target groups living at these locations, not yet invited to the consultation: who it invites.</summary>
    public async Task<IReadOnlyList<(string Key, Member Member)>> MembersAsync(IReadOnlyCollection<string> targetGroups, IReadOnlyCollection<string> locationIds,
        string notInvitedTo, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var list = new List<(string, Member)>();
        await foreach (var e in members.QueryAsync<TableEntity>(e => e.PartitionKey == MemberPartition, cancellationToken: ct))
            if (targetGroups.Contains(e.GetString("TargetGroup")) && locationIds.Contains(e.GetString("LocationId"))
                && !Split(e.GetString("InvitedTo")).Contains(notInvitedTo))
                list.Add((e.RowKey, ToMember(e)));
        return list;
    }

    /// <summary>
    /// Withdrawal: deletes the member's unused invitations, then the member row, then logs the erasure (a random id
    /// and the time). Used invitations no longer name the member. Returns false when there is no such member.
    /// </summary>
    public async Task<bool> EraseMemberAsync(string memberKey, DateTimeOffset now, CancellationToken ct)
    {
        await EnsureAsync(ct);
        if (!(await members.GetEntityIfExistsAsync<TableEntity>(MemberPartition, memberKey, ["RowKey"], ct)).HasValue) return false;
        // Invitations first: should the member row go and this fail, an invitation would name a key that resolves to no one.
        await foreach (var e in invitations.QueryAsync<TableEntity>(e => e.GetString("MemberKey") == memberKey, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            await DeleteIfExistsAsync(invitations, e.PartitionKey, e.RowKey, ct);
        await DeleteIfExistsAsync(members, MemberPartition, memberKey, ct);
        await erasures.AddEntityAsync(new TableEntity("erasure", $"{now.UtcTicks:D19}-{Guid.NewGuid():N}") { ["At"] = now, ["Kind"] = "expertpool-member" }, ct);
        return true;
    }

    public async Task<IReadOnlyList<DateTimeOffset>> ErasuresAsync(CancellationToken ct)
    {
        await EnsureAsync(ct);
        var list = new List<DateTimeOffset>();
        await foreach (var e in erasures.QueryAsync<TableEntity>(cancellationToken: ct)) list.Add(e.GetDateTimeOffset("At") ?? default);
        return list;
    }

    private static async Task DeleteIfExistsAsync(TableClient table, string pk, string rk, CancellationToken ct)
    {
        try { await table.DeleteEntityAsync(pk, rk, ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    private static Member ToMember(TableEntity e) => new(e.GetString("TargetGroup"), e.GetString("LocationId"), e.GetString("Language"),
        Split(e.GetString("Languages")), e.GetString("AgeRange"), e.GetString("Gender"), Split(e.GetString("Indicators")),
        Enum.Parse<InviteChannel>(e.GetString("Channel")), e.GetString("Contact"),
        new ConsentRecord(e.GetString("ConsentVersion"), e.GetString("ConsentLanguage"), e.GetDateTimeOffset("ConsentAt") ?? default,
            Split(e.GetString("ConsentAgreed"))));

    private static List<string> Split(string? csv) => string.IsNullOrEmpty(csv) ? [] : csv.Split(',').ToList();

    // ---- invitations

    public async Task AddInvitationAsync(Invitation i, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await invitations.AddEntityAsync(new TableEntity(i.Id, InvitationRow)
        {
            ["ConsultationId"] = i.ConsultationId, ["MemberKey"] = i.MemberKey, ["Language"] = i.Language, ["Channel"] = i.Channel.ToString(),
            ["CreatedAt"] = i.CreatedAt, ["Used"] = false,
        }, ct);
    }

    public async Task DeleteInvitationAsync(string id, CancellationToken ct) => await DeleteIfExistsAsync(invitations, id, InvitationRow, ct);

    public async Task<Invitation?> GetInvitationAsync(string id, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var e = await invitations.GetEntityIfExistsAsync<TableEntity>(id, InvitationRow, cancellationToken: ct);
        return e.HasValue ? ToInvitation(e.Value!) : null;
    }

    public Task<IReadOnlyList<Invitation>> InvitationsOfConsultationAsync(string consultationId, CancellationToken ct) =>
        InvitationsAsync($"ConsultationId eq '{Key(consultationId)}'", ct);

    public Task<IReadOnlyList<Invitation>> InvitationsOfMemberAsync(string memberKey, CancellationToken ct) =>
        InvitationsAsync($"MemberKey eq '{Key(memberKey)}'", ct);

    private async Task<IReadOnlyList<Invitation>> InvitationsAsync(string filter, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var list = new List<Invitation>();
        await foreach (var e in invitations.QueryAsync<TableEntity>(filter, cancellationToken: ct)) list.Add(ToInvitation(e));
        return list;
    }

    /// <summary>Marks that a reminder is due for this unused invitation (the organisers send it).</summary>
    public async Task MarkReminderDueAsync(Invitation i, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await invitations.UpdateEntityAsync(new TableEntity(i.Id, InvitationRow) { ["ReminderDueAt"] = now }, i.ETag, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            // Answered or withdrawn meanwhile: no reminder owed.
        }
    }

    private static Invitation ToInvitation(TableEntity e) => new(e.PartitionKey, e.GetString("ConsultationId"), e.GetString("MemberKey"),
        e.GetString("Language"), Enum.Parse<InviteChannel>(e.GetString("Channel")), e.GetDateTimeOffset("CreatedAt") ?? default,
        e.GetBoolean("Used") ?? false, e.GetDateTimeOffset("ReminderDueAt"), e.ETag);

    // ---- answers

    /// <summary>
    /// Stores an answer set under its pseudonym, then marks the invitation used and drops its member key. The insert
    /// is the one gate: a second submission for the same invitation (a double tap, two phones at once) has the same
    /// pseudonym, its insert fails, and it is told the invitation was already used.
    /// </summary>
    public async Task<AnswerOutcome> AddAnswerAsync(AnswerSet a, Invitation invitation, CancellationToken ct)
    {
        await EnsureAsync(ct);
        try
        {
            await answers.AddEntityAsync(ToEntity(a), ct);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return AnswerOutcome.AlreadyAnswered;
        }
        // Replace, not merge: a merge keeps a property it is given as null, and the member key must go.
        await invitations.UpdateEntityAsync(new TableEntity(invitation.Id, InvitationRow)
        {
            ["ConsultationId"] = invitation.ConsultationId, ["Language"] = invitation.Language, ["Channel"] = invitation.Channel.ToString(),
            ["CreatedAt"] = invitation.CreatedAt, ["Used"] = true,
        }, ETag.All, TableUpdateMode.Replace, ct);
        return AnswerOutcome.Stored;
    }

    public async Task<bool> AnswerExistsAsync(string consultationId, string answerId, CancellationToken ct)
    {
        await EnsureAsync(ct);
        return (await answers.GetEntityIfExistsAsync<TableEntity>(consultationId, answerId, ["RowKey"], ct)).HasValue;
    }

    public async Task<IReadOnlyList<AnswerSet>> AnswersAsync(string consultationId, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var list = new List<AnswerSet>();
        await foreach (var e in answers.QueryAsync<TableEntity>(e => e.PartitionKey == consultationId, cancellationToken: ct))
            list.Add(AnswerSet.Restore(e.RowKey, e.PartitionKey, e.GetString("TargetGroup"), e.GetString("Language"), e.GetDateTimeOffset("SubmittedOn") ?? default,
                JsonSerializer.Deserialize<Dictionary<string, int>>(e.GetString("Scores") ?? "{}", Json)!,
                JsonSerializer.Deserialize<Dictionary<string, int>>(e.GetString("Choices") ?? "{}", Json)!,
                JsonSerializer.Deserialize<List<OpenAnswer>>(e.GetString("Open") ?? "[]", Json)!));
        return list;
    }

    /// <summary>Replaces an answer set's open answers (their Dutch translations); nothing else of it changes.</summary>
    public async Task UpdateOpenAsync(AnswerSet a, CancellationToken ct) =>
        await answers.UpdateEntityAsync(new TableEntity(a.ConsultationId, a.Id) { ["Open"] = JsonSerializer.Serialize(a.Open, Json) },
            ETag.All, TableUpdateMode.Merge, ct);

    // The day, not the moment: a submission time could be matched against other records of who was online when.
    private static TableEntity ToEntity(AnswerSet a) => new(a.ConsultationId, a.Id)
    {
        ["TargetGroup"] = a.TargetGroup, ["Language"] = a.Language,
        ["SubmittedOn"] = new DateTimeOffset(a.SubmittedAt.UtcDateTime.Date, TimeSpan.Zero),
        ["Scores"] = JsonSerializer.Serialize(a.Scores, Json), ["Choices"] = JsonSerializer.Serialize(a.Choices, Json),
        ["Open"] = JsonSerializer.Serialize(a.Open, Json),
    };

    // ---- consultations

    private sealed record ConsultationDoc(string Title, string Introduction, List<string> TargetGroups, List<string> LocationIds, List<string> Indicators,
        List<Question> Questions, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool InPerson, string CreatedBy, Outcome? Outcome, int WalkIns,
        List<Attendance> Attendance, List<string> Quotes);

    /// <summary>Inserts (no <paramref name="etag"/>) or replaces if unchanged since read. False on a concurrent change.</summary>
    public async Task<bool> SaveConsultationAsync(Consultation c, ETag? etag, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var entity = new TableEntity(ConsultationPartition, c.Id)
        {
            ["Doc"] = JsonSerializer.Serialize(new ConsultationDoc(c.Title, c.Introduction, [.. c.TargetGroups], [.. c.LocationIds], [.. c.Indicators],
                [.. c.Questions], c.OpensAt, c.ClosesAt, c.InPerson, c.CreatedBy, c.Outcome, c.WalkIns, [.. c.Attendance], [.. c.SelectedQuotes]), Json),
            ["ClosesAt"] = c.ClosesAt,
            ["Published"] = c.Outcome is not null,
        };
        // One property per language: each stays far below the 64 KB a property may hold.
        foreach (var (lang, texts) in c.Translations) entity["Tr_" + lang] = JsonSerializer.Serialize(texts, Json);
        try
        {
            if (etag is { } e) await consultations.UpdateEntityAsync(entity, e, TableUpdateMode.Replace, ct);
            else await consultations.AddEntityAsync(entity, ct);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }

    public async Task<(Consultation Consultation, ETag ETag)?> GetConsultationAsync(string id, CancellationToken ct)
    {
        await EnsureAsync(ct);
        // Ids are ours (lowercase hex) but arrive from URLs: anything else cannot exist, and must not reach the key.
        if (string.IsNullOrEmpty(id) || id.Length > 64 || !id.All(char.IsAsciiHexDigitLower)) return null;
        var e = await consultations.GetEntityIfExistsAsync<TableEntity>(ConsultationPartition, id, cancellationToken: ct);
        return e.HasValue ? (ToConsultation(e.Value!), e.Value!.ETag) : null;
    }

    public async Task<IReadOnlyList<Consultation>> ConsultationsAsync(CancellationToken ct)
    {
        await EnsureAsync(ct);
        var list = new List<Consultation>();
        await foreach (var e in consultations.QueryAsync<TableEntity>(e => e.PartitionKey == ConsultationPartition, cancellationToken: ct)) list.Add(ToConsultation(e));
        return list;
    }

    private static Consultation ToConsultation(TableEntity e)
    {
        var d = JsonSerializer.Deserialize<ConsultationDoc>(e.GetString("Doc"), Json)!;
        var translations = e.Keys.Where(k => k.StartsWith("Tr_", StringComparison.Ordinal))
            .ToDictionary(k => k[3..], k => JsonSerializer.Deserialize<LanguageTexts>(e.GetString(k), Json)!);
        return Consultation.Restore(e.RowKey, d.Title, d.Introduction, d.TargetGroups, d.LocationIds, d.Indicators, d.Questions, d.OpensAt, d.ClosesAt,
            d.InPerson, d.CreatedBy, d.Outcome, d.WalkIns, d.Attendance, translations, d.Quotes);
    }

    /// <summary>Ids and keys are generated by us, but they reach filters from URLs: refuse anything that could break out of the quotes.</summary>
    private static string Key(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') ? value : throw new ArgumentException("Not a key.", nameof(value));
}
