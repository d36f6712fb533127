using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Features.Status;

namespace Signalering.Functions.Features.Expertpool;

public sealed class ExpertpoolOptions
{
    public const string Section = "Expertpool";
    /// <summary>Base64, at least 32 bytes: keys member rows and answer pseudonyms (see <see cref="Pseudonyms"/>). Key Vault in Azure.</summary>
    public string PseudonymKey { get; set; } = "";
    /// <summary>How many days before closing members who have not answered are reminded.</summary>
    public int ReminderDaysBeforeClosing { get; set; } = 3;
}

/// <summary>What someone fills in to join (the JSON API and the join page both end here).</summary>
public sealed record JoinRequest(string? Language, string? TargetGroup, string? LocationId, string? LocationToken, List<string>? Languages,
    string? AgeRange, string? Gender, List<string>? Indicators, string? Channel, string? Email, string? Phone, bool Consent);

/// <summary>A member's own view: their profile and the invitations they can still use, with their personal links.</summary>
public sealed record MemberView(Member Member, IReadOnlyList<(Consultation Consultation, string Token)> OpenInvitations);

/// <summary>A member-code lookup: found, not found, or blocked by a spent lookup or miss budget.</summary>
public abstract record MemberLookup
{
    public sealed record Found(MemberCode Code, MemberView View) : MemberLookup;
    public sealed record NotFound : MemberLookup;
    public sealed record Blocked(TimeSpan RetryAfter) : MemberLookup;
}

public abstract record InvitationState
{
    public sealed record Invalid : InvitationState;
    public sealed record Used : InvitationState;
    public sealed record NotOpen(Consultation Consultation) : InvitationState;
    public sealed record Open(Invitation Invitation, Consultation Consultation) : InvitationState;
}

/// <summary>
/// The expertpool's flows: joining and leaving, consultations and their invitations, answering under a pseudonym.
/// Endpoints (JSON and pages) only translate between HTTP and these.
/// </summary>
public sealed class ExpertpoolService(ExpertpoolTables tables, Pseudonyms pseudonyms, InvitationTokens invitationTokens,
    LookupGuard guard, Security.AbuseGuard abuse, TimeProvider time, IOptions<ExpertpoolOptions> options, ILogger<ExpertpoolService> log)
{
    public ExpertpoolTables Tables => tables;

    /// <summary>Stores a valid new member under a fresh member code, which is returned (shown once, never stored).</summary>
    public async Task<MemberCode> AddMemberAsync(Member member, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var code = MemberCode.New();
            if (await tables.AddMemberAsync(pseudonyms.MemberKey(code), member, now, ct)) return code;
        }
        throw new InvalidOperationException("Could not draw a free member code.");
    }

    /// <summary>
    /// Finds a member by the code they typed, guarded like the tracking-code lookup (<see cref="StatusLookup"/>): every
    /// lookup counts against the client's storage-backed budget, a miss also against the client's and the code space's
    /// miss budgets; a spent miss budget turns misses into 429 but still serves a known code, and hit or miss takes the
    /// same padded time.
    /// </summary>
    public async Task<MemberLookup> FindAsync(string client, string? typed, CancellationToken ct)
    {
        var started = LookupGuard.Start();
        var wellFormed = MemberCode.TryParse(typed, out var code);
        var budget = abuse.TakeMemberLookupAsync(client, ct);
        var view = wellFormed ? await LookupAsync(code, ct) : null;
        var take = await budget;
        MemberLookup outcome;
        if (!take.Allowed) outcome = new MemberLookup.Blocked(take.RetryAfter);
        else if (view is not null) outcome = new MemberLookup.Found(code, view);
        else
        {
            var miss = await abuse.TakeMemberMissAsync(client, wellFormed ? code : null, ct);
            outcome = miss.Allowed ? new MemberLookup.NotFound() : new MemberLookup.Blocked(miss.RetryAfter);
        }
        await guard.PadAsync(started, ct);
        return outcome;
    }

    public async Task<MemberView?> LookupAsync(MemberCode code, CancellationToken ct)
    {
        var key = pseudonyms.MemberKey(code);
        var member = await tables.GetMemberAsync(key, ct);
        if (member is null) return null;
        var now = time.GetUtcNow();
        var open = new List<(Consultation, string)>();
        foreach (var invitation in await tables.InvitationsOfMemberAsync(key, ct))
            if (!invitation.Used && await tables.GetConsultationAsync(invitation.ConsultationId, ct) is var (c, _) && c.IsOpen(now))
                open.Add((c, invitationTokens.Sign(invitation.Id)));
        return new MemberView(member, open.OrderBy(o => o.Item1.ClosesAt).ToList());
    }

    /// <summary>Leaving: the member's data and unused invitations are erased; their answers stay, linked to no one.</summary>
    public async Task<bool> WithdrawAsync(MemberCode code, CancellationToken ct)
    {
        var erased = await tables.EraseMemberAsync(pseudonyms.MemberKey(code), time.GetUtcNow(), ct);
        if (erased) log.LogInformation("An expertpool member withdrew; personal data erased");
        return erased;
    }

    public string MemberKey(MemberCode code) => pseudonyms.MemberKey(code);

    /// <summary>
    /// Invites every member of the consultation's target groups at its locations who was not invited yet. The member
    /// row remembers which consultations invited it (so a second run does not invite again, also after the answer
    /// has dropped the invitation's link to the member).
    /// </summary>
    /// <exception cref="DomainException">Closed; or a member would be invited in a language whose texts no native speaker
    /// has checked and <paramref name="confirmUnreviewed"/> is false (field <c>confirmUnreviewed</c>; nothing written).</exception>
    public async Task<int> InviteAsync(Consultation c, bool confirmUnreviewed, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (c.IsClosed(now)) throw new DomainException("This consultation has closed.", "closesAt");
        var pending = await tables.MembersAsync(c.TargetGroups, c.LocationIds, c.Id, ct);
        // A machine translation can say something else than the municipality meant, to people who cannot check it.
        var unreviewed = pending.Select(m => m.Member.Language).Where(l => !c.IsReviewed(l)).Distinct().Order(StringComparer.Ordinal).ToList();
        if (unreviewed.Count > 0 && !confirmUnreviewed)
            throw new DomainException($"Not yet checked by a native speaker: {string.Join(", ", unreviewed)}. Have them checked, or confirm inviting in them anyway.",
                "confirmUnreviewed");
        var invited = 0;
        foreach (var (key, member) in pending)
        {
            // The invitation first, then the mark: a failure in between leaves an invitation to retry, never a member
            // marked as invited without one. Two runs at once both write one; the one that loses the mark takes its back.
            var invitation = new Invitation(InvitationTokens.NewInvitationId(), c.Id, key, member.Language, member.Channel, now, false, null, default);
            await tables.AddInvitationAsync(invitation, ct);
            if (await tables.MarkInvitedAsync(key, c.Id, ct)) invited++;
            else await tables.DeleteInvitationAsync(invitation.Id, ct);
        }
        return invited;
    }

    public async Task<InvitationState> OpenInvitationAsync(string? token, CancellationToken ct)
    {
        if (!invitationTokens.TryVerify(token, out var id) || await tables.GetInvitationAsync(id, ct) is not { } invitation) return new InvitationState.Invalid();
        if (await tables.GetConsultationAsync(invitation.ConsultationId, ct) is not var (consultation, _)) return new InvitationState.Invalid();
        if (invitation.Used || await tables.AnswerExistsAsync(consultation.Id, pseudonyms.AnswerId(invitation.Id), ct)) return new InvitationState.Used();
        return consultation.IsOpen(time.GetUtcNow()) ? new InvitationState.Open(invitation, consultation) : new InvitationState.NotOpen(consultation);
    }

    /// <summary>Stores the answers of an open invitation under its pseudonym; a second submission is refused.</summary>
    /// <exception cref="DomainException">The answers do not fit the consultation.</exception>
    public async Task<AnswerOutcome> AnswerAsync(InvitationState.Open open, string language, IReadOnlyDictionary<string, int> scores,
        IReadOnlyDictionary<string, int> choices, IReadOnlyDictionary<string, string> openAnswers, CancellationToken ct)
    {
        // The target group is read from the member at this moment and copied: the answer set keeps no way back to the member.
        var member = open.Invitation.MemberKey is { } key ? await tables.GetMemberAsync(key, ct) : null;
        if (member is null) return AnswerOutcome.AlreadyAnswered;
        var answers = AnswerSet.Create(open.Consultation, pseudonyms.AnswerId(open.Invitation.Id), member.TargetGroup, language, time.GetUtcNow(),
            scores, choices, openAnswers);
        return await tables.AddAnswerAsync(answers, open.Invitation, ct);
    }

    public string InvitationToken(Invitation invitation) => invitationTokens.Sign(invitation.Id);

    /// <summary>
    /// Marks a reminder due on every unused invitation of a consultation that closes within the reminder window. We
    /// send nothing ourselves: the organisers export the due reminders (email, phone) and send them; members who use
    /// the location link see the invitation, with its closing date, when they look up their code.
    /// </summary>
    public async Task<int> MarkRemindersAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var window = TimeSpan.FromDays(options.Value.ReminderDaysBeforeClosing);
        var marked = 0;
        foreach (var c in await tables.ConsultationsAsync(ct))
        {
            if (!c.IsOpen(now) || c.ClosesAt - now > window) continue;
            foreach (var i in await tables.InvitationsOfConsultationAsync(c.Id, ct))
            {
                if (i.Used || i.ReminderDueAt is not null || i.MemberKey is null) continue;
                await tables.MarkReminderDueAsync(i, now, ct);
                marked++;
            }
        }
        return marked;
    }

    /// <summary>Changes a consultation with optimistic concurrency, retrying on a concurrent change.</summary>
    public async Task<Consultation?> ChangeAsync(string id, Action<Consultation> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await tables.GetConsultationAsync(id, ct) is not var (c, etag)) return null;
            change(c);
            if (await tables.SaveConsultationAsync(c, etag, ct)) return c;
        }
        throw new InvalidOperationException($"Consultation {id} kept changing under us.");
    }

    /// <summary>Signals that came in from the consultation's locations while it was open, for reading next to the answers.</summary>
    public static string SignalFilter(Consultation c, string locationId) =>
        TableClient.CreateQueryFilter($"LocationId eq {locationId} and ReceivedAt ge {c.OpensAt} and ReceivedAt lt {c.ClosesAt}");
}
