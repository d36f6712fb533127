using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Intake;
using Signalering.Functions.Features.Admin;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>What a change to a consultation came to.</summary>
public abstract record ConsultationResult
{
    /// <summary>Stored; <see cref="Consultation"/> as it is now.</summary>
    public sealed record Done(Consultation Consultation) : ConsultationResult;
    public sealed record NotFound : ConsultationResult;
    /// <summary>Refused before anything was written.</summary>
    public sealed record Invalid(FieldError Error) : ConsultationResult;
}

/// <summary>What inviting the members came to.</summary>
public abstract record InviteResult
{
    public sealed record Invited(int Count) : InviteResult;
    public sealed record NotFound : InviteResult;
    /// <summary>No invitations now: the consultation has closed, or a language is unchecked and not confirmed. Nothing written.</summary>
    public sealed record Refused(FieldError Error) : InviteResult;
}

/// <summary>A question as the municipality writes it: <see cref="Kind"/> is <c>choice</c> (with options) or <c>open</c>.</summary>
public sealed record QuestionDraft(string? Kind, string? Text, string? Indicator, List<string>? Options);

/// <summary>A new consultation as the municipality writes it, in Dutch (the API's body and the new-consultation form alike).</summary>
public sealed record ConsultationDraft(string? Title, string? Introduction, List<string>? TargetGroups, List<string>? LocationIds, List<string>? Indicators,
    List<QuestionDraft>? Questions, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool InPerson);

/// <summary>One payment at an in-person session: <see cref="MemberCode"/> null for a walk-in; <see cref="Method"/> none, cash, giftCard or bankTransfer.</summary>
public sealed record Payment(string? MemberCode, long AmountCents, string? Method);

/// <summary>
/// The municipality's consultations — create, check translations, invite, publish "you said, we did", register an
/// in-person session — behind the consultation API and the Dutch staff pages alike. Every change is checked on the
/// consultation as just read before anything is written, so a refused change leaves nothing half stored.
/// </summary>
public sealed class ConsultationService(ExpertpoolService expertpool, ReferenceDataProvider reference, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<IReadOnlyList<Consultation>> ListAsync(CancellationToken ct) =>
        (await expertpool.Tables.ConsultationsAsync(ct)).OrderByDescending(c => c.OpensAt).ToList();

    public async Task<Consultation?> FindAsync(string id, CancellationToken ct) =>
        await expertpool.Tables.GetConsultationAsync(id, ct) is var (c, _) ? c : null;

    public async Task<ConsultationResult> CreateAsync(ConsultationDraft draft, string actor, CancellationToken ct)
    {
        try
        {
            if (draft.OpensAt is not { } opens) throw new DomainException("Give the opening date and time.", "opensAt");
            if (draft.ClosesAt is not { } closes) throw new DomainException("Give the closing date and time.", "closesAt");
            var locations = (await reference.GetAsync(ct)).Locations;
            if (draft.LocationIds?.FirstOrDefault(l => !locations.ContainsKey(l)) is { } unknown) throw new DomainException($"Unknown location '{unknown}'.", "locationIds");
            var questions = (draft.Questions ?? []).Select((q, i) => new Question("", q.Kind switch
            {
                "choice" => QuestionKind.Choice,
                "open" => QuestionKind.Open,
                _ => throw new DomainException("A question's kind is choice or open.", $"questions[{i}].kind"),
            }, q.Text ?? "", q.Indicator, q.Options ?? [])).ToList();
            var c = Consultation.Create(draft.Title ?? "", draft.Introduction ?? "", draft.TargetGroups ?? [], draft.LocationIds ?? [], draft.Indicators ?? [],
                questions, opens, closes, draft.InPerson, actor);
            await expertpool.Tables.SaveConsultationAsync(c, null, ct);
            return new ConsultationResult.Done(c);
        }
        catch (DomainException e)
        {
            return Invalid(e);
        }
    }

    /// <summary>A native speaker checked <paramref name="language"/>, correcting the texts in <paramref name="corrections"/>.</summary>
    public Task<ConsultationResult> ReviewAsync(string id, string language, string? reviewer, IReadOnlyDictionary<string, string>? corrections, CancellationToken ct) =>
        ChangeAsync(id, c => c.Review(language, reviewer ?? "", corrections, Now), ct);

    /// <summary>"You said, we did": what the municipality heard and will do, after closing.</summary>
    public Task<ConsultationResult> PublishAsync(string id, string? heard, string? willDo, CancellationToken ct) =>
        ChangeAsync(id, c => c.Publish(heard ?? "", willDo ?? "", Now), ct);

    /// <summary>The open answers picked as quotes, each <c>answerId/questionId</c>.</summary>
    public Task<ConsultationResult> SelectQuotesAsync(string id, IEnumerable<string> quotes, CancellationToken ct) =>
        ChangeAsync(id, c => c.SelectQuotes(quotes), ct);

    /// <summary>Who attended an in-person session and what each was paid; members by their member code, never stored as such.</summary>
    public Task<ConsultationResult> RegisterAttendanceAsync(string id, IReadOnlyList<Payment> members, int walkIns, IReadOnlyList<Payment> walkInPayments,
        CancellationToken ct)
    {
        List<Attendance> Attendees()
        {
            var attendees = new List<Attendance>();
            foreach (var (p, i) in members.Select((p, i) => (p, i)))
            {
                if (!MemberCode.TryParse(p.MemberCode, out var code)) throw new DomainException("Not a member code.", $"members[{i}].memberCode");
                attendees.Add(new Attendance(expertpool.MemberKey(code), p.AmountCents, Method(p.Method, $"members[{i}].method")));
            }
            attendees.AddRange(walkInPayments.Select((p, i) => new Attendance(null, p.AmountCents, Method(p.Method, $"walkInPayments[{i}].method"))));
            return attendees;
        }
        return ChangeAsync(id, c => c.RegisterAttendance(Attendees(), walkIns), ct);
    }

    private static CompensationMethod Method(string? method, string field) => method switch
    {
        null or "" or "none" => CompensationMethod.None,
        "cash" => CompensationMethod.Cash,
        "giftCard" => CompensationMethod.GiftCard,
        "bankTransfer" => CompensationMethod.BankTransfer,
        _ => throw new DomainException("Method is none, cash, giftCard or bankTransfer.", field),
    };

    /// <summary>
    /// Invites the members of its target groups and locations who were not invited yet; in a language no native speaker
    /// has checked only when the organiser confirms it (<paramref name="confirmUnreviewed"/>).
    /// </summary>
    public async Task<InviteResult> InviteAsync(string id, bool confirmUnreviewed, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } c) return new InviteResult.NotFound();
        try
        {
            return new InviteResult.Invited(await expertpool.InviteAsync(c, confirmUnreviewed, ct));
        }
        catch (DomainException e)
        {
            return new InviteResult.Refused(new FieldError(e.Field ?? "id", e.Message));
        }
    }

    private async Task<ConsultationResult> ChangeAsync(string id, Action<Consultation> change, CancellationToken ct)
    {
        if (await FindAsync(id, ct) is not { } current) return new ConsultationResult.NotFound();
        try
        {
            change(current);
            return await expertpool.ChangeAsync(id, change, ct) is { } changed ? new ConsultationResult.Done(changed) : new ConsultationResult.NotFound();
        }
        catch (DomainException e)
        {
            return Invalid(e);
        }
    }

    private static ConsultationResult.Invalid Invalid(DomainException e) => new(new FieldError(e.Field ?? "body", e.Message));
}
