using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Intake;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Functions.Features.Admin;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>What an application to join came to.</summary>
public abstract record JoinResult
{
    /// <summary>A member now; <see cref="Code"/> is shown once and never stored.</summary>
    public sealed record Joined(MemberCode Code) : JoinResult;
    /// <summary>Nothing stored: what is missing or wrong, by field.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : JoinResult;
}

/// <summary>What leaving came to.</summary>
public abstract record WithdrawResult
{
    public sealed record Withdrawn : WithdrawResult;
    public sealed record NotFound : WithdrawResult;
    /// <summary>Too many unknown codes from this client: try again after <see cref="RetryAfter"/>.</summary>
    public sealed record Blocked(TimeSpan RetryAfter) : WithdrawResult;
}

/// <summary>What answering an invitation came to.</summary>
public abstract record AnsweringResult
{
    public sealed record Stored : AnsweringResult;
    /// <summary>The invitation cannot take an answer: unknown, used (also by a second tap) or not open.</summary>
    public sealed record Refused(InvitationState State) : AnsweringResult;
    /// <summary>The answers do not fit the consultation; nothing stored.</summary>
    public sealed record Invalid(InvitationState.Open Invitation, FieldError Error) : AnsweringResult;
}

/// <summary>
/// A newcomer's way through the expertpool — joining, answering an invitation once, leaving — behind the member API
/// and the member pages alike. The flows themselves live in <see cref="ExpertpoolService"/>; this turns their
/// refusals into results both faces read the same way.
/// </summary>
public sealed class MembershipService(ExpertpoolService expertpool, ReferenceDataProvider reference, LocationTokens locationTokens, TimeProvider time)
{
    /// <summary>Validates and stores a new member; when anything is missing or wrong, says all of it at once.</summary>
    public async Task<JoinResult> JoinAsync(JoinRequest r, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        // Joining from a location's QR code: its token says where, unless the newcomer chose otherwise.
        var locationId = r.LocationId ?? (locationTokens.TryVerify(r.LocationToken, out var tokenId) && set.TryResolveToken(tokenId, out var scanned, out _)
            ? scanned.Id : null);
        InviteChannel? channel = r.Channel switch { "location" => InviteChannel.Location, "email" => InviteChannel.Email, "phone" => InviteChannel.Phone, _ => null };
        var languages = r.Languages is { Count: > 0 } ls ? ls : [r.Language ?? ""];
        var gender = string.IsNullOrEmpty(r.Gender) ? null : r.Gender;
        var contact = channel switch { InviteChannel.Email => r.Email, InviteChannel.Phone => r.Phone, _ => null };
        var formLanguage = FormLanguages.TryGet(r.Language, out var chosen) ? chosen.Code : r.Language ?? "";
        var consent = r.Consent ? new ConsentRecord(ConsentRecord.CurrentVersion, formLanguage, time.GetUtcNow(), ConsentRecord.CurrentItems) : null;
        var problems = Member.Problems(r.TargetGroup, locationId, r.Language, languages, r.AgeRange, gender, r.Indicators ?? [], channel, contact, consent).ToList();
        if (locationId is not null && !set.Locations.ContainsKey(locationId) && problems.All(p => p.Field != "locationId"))
            problems.Add(new FieldError("locationId", "Choose where you live."));
        if (problems.Count > 0) return new JoinResult.Invalid(problems);
        try
        {
            var member = new Member(r.TargetGroup!, locationId!, formLanguage, languages, r.AgeRange!, gender, r.Indicators ?? [], channel!.Value, contact, consent!);
            return new JoinResult.Joined(await expertpool.AddMemberAsync(member, ct));
        }
        catch (DomainException e)
        {
            return new JoinResult.Invalid([new FieldError(e.Field ?? "body", e.Message)]);
        }
    }

    /// <summary>A member by the code they typed (guarded against guessing, see <see cref="ExpertpoolService.FindAsync"/>).</summary>
    public Task<MemberLookup> FindAsync(string client, string? typed, CancellationToken ct) => expertpool.FindAsync(client, typed, ct);

    /// <summary>Leaving: the member's personal data is erased; their answers stay, linked to no one.</summary>
    public async Task<WithdrawResult> WithdrawAsync(string client, string? typed, CancellationToken ct) =>
        await expertpool.FindAsync(client, typed, ct) switch
        {
            MemberLookup.Found found when await expertpool.WithdrawAsync(found.Code, ct) => new WithdrawResult.Withdrawn(),
            MemberLookup.Blocked blocked => new WithdrawResult.Blocked(blocked.RetryAfter),
            _ => new WithdrawResult.NotFound(),
        };

    /// <summary>"You said, we did" at a location: the consultations there whose outcome is published, newest first.</summary>
    public async Task<IReadOnlyList<Consultation>> PublishedAtAsync(string locationId, CancellationToken ct) =>
        (await expertpool.Tables.ConsultationsAsync(ct)).Where(c => c.Outcome is not null && c.LocationIds.Contains(locationId))
            .OrderByDescending(c => c.Outcome!.PublishedAt).ToList();

    /// <summary>A consultation whose outcome is published; null while there is none (or no such consultation).</summary>
    public async Task<Consultation?> PublishedAsync(string id, CancellationToken ct) =>
        await expertpool.Tables.GetConsultationAsync(id, ct) is var (c, _) && c.Outcome is not null ? c : null;

    public Task<InvitationState> InvitationAsync(string? token, CancellationToken ct) => expertpool.OpenInvitationAsync(token, ct);

    /// <summary>
    /// Stores the answers to an open invitation under its pseudonym, once. <paramref name="language"/> is the language
    /// answered in; without one, the invitation's.
    /// </summary>
    public async Task<AnsweringResult> AnswerAsync(string token, string? language, IReadOnlyDictionary<string, int> scores,
        IReadOnlyDictionary<string, int> choices, IReadOnlyDictionary<string, string> open, CancellationToken ct)
    {
        var state = await expertpool.OpenInvitationAsync(token, ct);
        if (state is not InvitationState.Open invitation) return new AnsweringResult.Refused(state);
        try
        {
            return await expertpool.AnswerAsync(invitation, language ?? invitation.Invitation.Language, scores, choices, open, ct) == AnswerOutcome.Stored
                ? new AnsweringResult.Stored() : new AnsweringResult.Refused(new InvitationState.Used());
        }
        catch (DomainException e)
        {
            return new AnsweringResult.Invalid(invitation, new FieldError(e.Field ?? "body", e.Message));
        }
    }
}
