using Signalering.Domain.Categories;
using Signalering.Domain.Intake;
using Signalering.Domain.Routing;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Signals;

/// <summary>
/// A resident's signal (melding). Created by <see cref="Receive"/> from a validated intake; every later change goes
/// through a method here that appends an event, so the history is complete by construction. Status changes are
/// checked against <see cref="SignalWorkflow.Transitions"/>.
/// </summary>
public sealed class Signal
{
    private readonly List<SignalEvent> _events;

    public TrackingCode Code { get; }
    public string LocationId { get; }
    public string? Wing { get; }
    public string Language { get; }
    public string Category { get; }
    public string? Subcategory { get; }
    /// <summary>The resident's own words, in their language. Never logged, never in a queue message.</summary>
    public string? Text { get; private set; }
    public ResidentContact? Contact { get; private set; }
    public SignalFlagsInfo Flags { get; private set; }
    /// <summary>The chosen category's promise, or the urgent one once the signal is known to be an emergency.</summary>
    public HandlingPromise Promise { get; private set; }
    public DateTimeOffset ReceivedAt { get; }

    public SignalStatus Status { get; private set; }
    public string? OrganisationId { get; private set; }
    public RoutingReason? RoutingReason { get; private set; }
    public IReadOnlyList<string> CopyTo { get; private set; }
    public DateTimeOffset? RoutedAt { get; private set; }

    public TranslationState Translation { get; private set; }
    /// <summary>Machine translation into Dutch, for coordinators; labelled as such wherever shown.</summary>
    public string? TextNl { get; private set; }
    public string? DetectedLanguage { get; private set; }

    public IReadOnlyList<SignalEvent> Events => _events;

    /// <summary>The W3C traceparent of the submission, so every later action on the signal joins its trace.</summary>
    public string? TraceParent { get; }

    /// <summary>What the resident wrote when answering "not solved", in their language. Like <see cref="Text"/>: never logged.</summary>
    public IReadOnlyList<ResidentComment> ResidentComments => _comments;
    /// <summary>Blob names of photos the resident attached (location data stripped before storing).</summary>
    public IReadOnlyList<string> Attachments => _attachments;
    /// <summary>Coordinators' notes. Internal: never shown to the resident.</summary>
    public IReadOnlyList<InternalNote> Notes => _notes;
    /// <summary>What organisations told the resident, with the resident-language version where one was made.</summary>
    public IReadOnlyList<ResidentResponse> Responses => _responses;
    /// <summary>For a merged signal: the one it was merged into, whose outcome its resident sees.</summary>
    public TrackingCode? MergedInto { get; private set; }

    /// <summary>
    /// The resident marked this as a formal complaint (klacht): the Awb (art. 9:11) gives the organisation six weeks
    /// from receipt to decide, extendable once by at most four weeks, announced to the resident.
    /// </summary>
    public bool FormalComplaint { get; }
    public int ComplaintExtensionWeeks { get; private set; }
    public DateTimeOffset? ComplaintDecideBy => FormalComplaint ? ComplaintDecisionDate(ReceivedAt, ComplaintExtensionWeeks) : null;

    /// <summary>The Awb decision date of a complaint received at <paramref name="receivedAt"/>: six weeks, plus an announced extension.</summary>
    public static DateTimeOffset ComplaintDecisionDate(DateTimeOffset receivedAt, int extensionWeeks) => receivedAt.AddDays(7 * (6 + extensionWeeks));
    public const int MaxComplaintExtensionWeeks = 4;
    /// <summary>Why the signal was last cancelled or sent back as not ours, as the resident reads it; null when never.</summary>
    public ResidentReason? Reason { get; private set; }
    /// <summary>The colleague at the handling organisation who took this signal on; null while no one has.</summary>
    public StaffMember? Assignee { get; private set; }
    /// <summary>Signals merged into this one ("N others reported this").</summary>
    public IReadOnlyList<TrackingCode> Duplicates => _duplicates;
    private readonly List<TrackingCode> _duplicates;
    private readonly List<InternalNote> _notes;
    private readonly List<ResidentResponse> _responses;
    private readonly List<ResidentComment> _comments;
    private readonly List<string> _attachments;

    private Signal(SignalSnapshot s, IEnumerable<SignalEvent> events)
    {
        Code = s.Code; LocationId = s.LocationId; Wing = s.Wing; Language = s.Language; Category = s.Category;
        Subcategory = s.Subcategory; Text = s.Text; Contact = s.Contact; Flags = s.Flags; Promise = s.Promise;
        ReceivedAt = s.ReceivedAt; Status = s.Status; OrganisationId = s.OrganisationId; RoutingReason = s.RoutingReason;
        CopyTo = s.CopyTo; RoutedAt = s.RoutedAt; Translation = s.Translation; TextNl = s.TextNl; DetectedLanguage = s.DetectedLanguage;
        _events = events.OrderBy(e => e.Sequence).ToList();
        _comments = [.. s.ResidentComments ?? []];
        TraceParent = s.TraceParent;
        _notes = [.. s.Notes ?? []];
        MergedInto = s.MergedInto;
        FormalComplaint = s.FormalComplaint;
        ComplaintExtensionWeeks = s.ComplaintExtensionWeeks;
        _duplicates = [.. s.Duplicates ?? []];
        _responses = [.. s.Responses ?? []];
        _attachments = [.. s.Attachments ?? []];
        Reason = s.Reason;
        Assignee = s.Assignee;
    }

    /// <summary>A new signal from an intake that has passed validation.</summary>
    public static Signal Receive(TrackingCode code, ValidIntake intake, SignalFlagsInfo flags, DateTimeOffset now, string? traceParent = null)
    {
        var needsTranslation = !string.IsNullOrWhiteSpace(intake.Text) && intake.Language != "nl";
        // An emergency is an emergency whatever tile was tapped: the answer or the words make the promise urgent.
        var promise = flags.Emergency ? intake.Promise.ForEmergency() : intake.Promise;
        var snapshot = new SignalSnapshot(code, intake.Location.Id, intake.Wing, intake.Language, intake.Category.Code,
            intake.Subcategory?.Code, intake.Text, intake.Contact, flags, promise, now.ToUniversalTime(),
            SignalStatus.Received, null, null, [], null,
            needsTranslation ? TranslationState.Pending : TranslationState.NotNeeded, null, null, TraceParent: traceParent,
            FormalComplaint: intake.FormalComplaint);
        var signal = new Signal(snapshot, []);
        signal.Append(SignalEventKinds.Received, now, "resident");
        if (flags.Emergency || flags.Sensitive)
            signal.Append(SignalEventKinds.Flagged, now, "system", flags.ToDetail());
        return signal;
    }

    public static Signal Restore(SignalSnapshot snapshot, IEnumerable<SignalEvent> events) => new(snapshot, events);

    public SignalSnapshot ToSnapshot() => new(Code, LocationId, Wing, Language, Category, Subcategory, Text, Contact, Flags,
        Promise, ReceivedAt, Status, OrganisationId, RoutingReason, CopyTo, RoutedAt, Translation, TextNl, DetectedLanguage,
        [.. _comments], [.. _attachments], TraceParent, [.. _notes], [.. _responses], MergedInto, [.. _duplicates], FormalComplaint,
        ComplaintExtensionWeeks, Reason, Assignee);

    public bool IsUrgent => Flags.Emergency;

    /// <summary>
    /// Whether the resident sees the emergency numbers (112, and 113 where <see cref="SignalFlagsInfo.OffersSuicideLine"/>)
    /// on the confirmation and the status page: one home for the rule the three resident views share.
    /// </summary>
    public bool ShowsEmergencyNumbers => IsUrgent || Flags.OffersSuicideLine;

    /// <summary>
    /// Raises the flags before routing, when the Dutch translation says more than the original did (the union decides):
    /// an emergency gets the urgent promise, a sensitive signal will be routed to the confidential handler. Flags are
    /// never lowered, and after routing the route stands (a coordinator forwards it if need be).
    /// </summary>
    public bool RaiseFlags(SignalFlagsInfo raised, DateTimeOffset now)
    {
        if (Status != SignalStatus.Received) throw new DomainException("Flags can only be raised before the signal is routed.", "flags");
        if (!Flags.IsRaisedBy(raised)) return false;
        Flags = new SignalFlagsInfo(Flags.Emergency || raised.Emergency, Flags.Sensitive || raised.Sensitive,
            [.. Flags.Kinds.Union(raised.Kinds).Order(StringComparer.Ordinal)]);
        if (Flags.Emergency) Promise = Promise.ForEmergency();
        Append(SignalEventKinds.Flagged, now, "system", Flags.ToDetail());
        return true;
    }

    /// <summary>Hands the signal to the organisation the router chose. Only a received signal is routed this way.</summary>
    public void Route(RoutingDecision decision, DateTimeOffset now)
    {
        if (Status != SignalStatus.Received) throw new InvalidTransitionException(Status, SignalStatus.Routed);
        Transition(SignalStatus.Routed);
        OrganisationId = decision.OrganisationId;
        RoutingReason = decision.Reason;
        CopyTo = decision.CopyTo;
        RoutedAt = now.ToUniversalTime();
        Append(SignalEventKinds.Routed, now, "system", decision.OrganisationId);
    }

    public void RecordTranslation(string textNl, string? detectedLanguage, DateTimeOffset now)
    {
        if (Translation is TranslationState.NotNeeded or TranslationState.Translated)
            throw new DomainException("This signal has nothing left to translate.", "translation");
        ArgumentException.ThrowIfNullOrWhiteSpace(textNl);
        TextNl = textNl;
        DetectedLanguage = detectedLanguage;
        Translation = TranslationState.Translated;
        Append(SignalEventKinds.Translated, now, "system", "nl");
    }

    /// <summary>Records once that the text stays in the original language for now; later attempts may still translate it.</summary>
    public bool MarkUntranslated(DateTimeOffset now, string reason)
    {
        if (Translation != TranslationState.Pending) return false;
        Translation = TranslationState.Untranslated;
        Append(SignalEventKinds.Untranslated, now, "system", reason);
        return true;
    }

    /// <summary>
    /// A coordinator's status change (<see cref="SignalWorkflow.StatusActions"/>): accepted (also the receiving end of
    /// a forward), in progress, awaiting the resident (the resolution clock pauses until work resumes), resolved,
    /// reopened, cancelled. Forwarding, escalating and merging change more than the status: they have their own methods.
    /// </summary>
    /// <para>Cancelling ends the handling without a solution, so the resident is told why (<paramref name="reason"/>,
    /// required for <see cref="SignalStatus.Cancelled"/> and for nothing else).</para>
    /// <exception cref="DomainException"><paramref name="to"/> is not a plain status change, or a reason is missing or misplaced.</exception>
    /// <exception cref="InvalidTransitionException">The workflow does not lead from the current status to <paramref name="to"/>.</exception>
    public void ChangeStatus(SignalStatus to, string actor, DateTimeOffset now, ResidentReason? reason = null)
    {
        if (!SignalWorkflow.StatusActions.Any(a => a.To == to)) throw new DomainException($"Use the signal's own step to go to {to.ToCode()}.", "status");
        if (SignalWorkflow.NeedsResidentReason(to) != reason is not null)
            throw new DomainException(reason is null ? $"Tell the resident why: one of {string.Join(", ", ResidentReasons.All)}." : "Only a cancellation gives the resident a reason.", "reasonCode");
        if (reason is not null) Check(reason);
        MoveTo(to, now, actor);
        if (reason is not null) Reason = reason with { AfterEvent = _events[^1].Sequence };
    }

    private static void Check(ResidentReason reason)
    {
        if (!ResidentReasons.All.Contains(reason.Code)) throw new DomainException($"Use one of: {string.Join(", ", ResidentReasons.All)}.", "reasonCode");
        if (reason.Text is { Length: > MaxResponseLength } || reason.ResidentText is { Length: > 2 * MaxResponseLength })
            throw new DomainException($"The words to the resident have at most {MaxResponseLength} characters.", "text");
    }

    public void Accept(string actor, DateTimeOffset now) => ChangeStatus(SignalStatus.Accepted, actor, now);

    public void Start(string actor, DateTimeOffset now) => ChangeStatus(SignalStatus.InProgress, actor, now);

    public void AwaitResident(string actor, DateTimeOffset now) => ChangeStatus(SignalStatus.AwaitingResident, actor, now);

    public void Cancel(ResidentReason reason, string actor, DateTimeOffset now) => ChangeStatus(SignalStatus.Cancelled, actor, now, reason);

    /// <summary>A coordinator reopens a closed signal (the resident's own "not solved" is <see cref="AnswerSolved"/>).</summary>
    public void Reopen(string actor, DateTimeOffset now) => ChangeStatus(SignalStatus.Reopened, actor, now);

    /// <summary>
    /// Hands the signal to another organisation, which must accept it; the current one keeps no hold on it. Never
    /// to the same organisation, and the confidential channel stays confidential (only its handler forwards, and
    /// never to a location's operator — checked by the caller, who knows the locations).
    /// </summary>
    public void Forward(string toOrganisation, string actor, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(toOrganisation);
        if (toOrganisation == OrganisationId) throw new DomainException("The signal is already with this organisation.", "to", stateConflict: true);
        Transition(SignalStatus.Forwarded);
        OrganisationId = toOrganisation;
        Assignee = null;
        Append(SignalEventKinds.Forwarded, now, actor, toOrganisation);
    }

    /// <summary>
    /// Back to municipality triage: the organisation says it is not theirs (<paramref name="reason"/> "not-ours"), or
    /// it was not accepted within the acknowledgement time ("not-accepted-in-time"). An organisation sending it back
    /// tells the resident why (<paramref name="residentReason"/>); the clock sending it back has nothing to say.
    /// Whoever had taken it on at the old organisation no longer has it.
    /// </summary>
    public void Escalate(string triageOrganisation, string reason, string actor, DateTimeOffset now, ResidentReason? residentReason = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(triageOrganisation);
        if (residentReason is not null) Check(residentReason);
        Transition(SignalStatus.Routed);
        OrganisationId = triageOrganisation;
        RoutingReason = Routing.RoutingReason.Fallback;
        RoutedAt = now.ToUniversalTime();
        Assignee = null;
        Append(SignalEventKinds.Escalated, now, actor, reason);
        if (residentReason is not null) Reason = residentReason with { AfterEvent = _events[^1].Sequence };
    }

    /// <summary>
    /// Gives the signal to a colleague at the organisation that has it (null: to no one). The event names the
    /// colleague by their account id, never their name; the name travels with <see cref="Assignee"/>.
    /// </summary>
    public void Assign(StaffMember? to, string organisation, DateTimeOffset now)
    {
        if (!SignalWorkflow.IsOpen(Status)) throw new DomainException("A closed signal is not assigned; reopen it first.", "assignee", stateConflict: true);
        if (to?.Id == Assignee?.Id) return;
        Assignee = to;
        Append(SignalEventKinds.Assigned, now, organisation, to?.Id);
    }

    /// <summary>This signal reports the same problem as <paramref name="target"/>: it closes as merged, and its resident follows the target's outcome.</summary>
    public void MergeInto(TrackingCode target, string actor, DateTimeOffset now)
    {
        if (target == Code) throw new DomainException("A signal cannot be merged into itself.", "into");
        MoveTo(SignalStatus.Merged, now, actor);
        MergedInto = target;
    }

    /// <summary>Records that <paramref name="duplicate"/> was merged into this signal (idempotent).</summary>
    public void AddDuplicate(TrackingCode duplicate)
    {
        if (Status == SignalStatus.Merged) throw new DomainException("Merge into the signal that stays open, not into a merged one.", "into", stateConflict: true);
        if (!_duplicates.Contains(duplicate)) _duplicates.Add(duplicate);
    }

    /// <summary>
    /// Extends the Awb decision period once, by 1–4 weeks, and tells the resident the new date (a standard reply in
    /// their language). The reason is the caller's internal note.
    /// </summary>
    public void ExtendComplaint(int weeks, string organisation, DateTimeOffset now)
    {
        if (!FormalComplaint) throw new DomainException("Only a formal complaint has an Awb period to extend.", "weeks", stateConflict: true);
        if (ComplaintExtensionWeeks > 0) throw new DomainException("The Awb period can be extended only once.", "weeks", stateConflict: true);
        if (weeks is < 1 or > MaxComplaintExtensionWeeks) throw new DomainException($"Extend by 1 to {MaxComplaintExtensionWeeks} weeks.", "weeks");
        ComplaintExtensionWeeks = weeks;
        Respond(new ResidentResponse(0, now, organisation, Language, ComplaintDecideBy!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            null, false, StandardReplies.ComplaintExtended), now);
    }

    /// <summary>True when the organisation was already warned since the signal last reached it.</summary>
    public bool RemindedSinceRouted =>
        _events.FindLastIndex(e => e.Kind == SignalEventKinds.Reminded)
            > _events.FindLastIndex(e => e.Kind is SignalEventKinds.Routed or SignalEventKinds.Forwarded or SignalEventKinds.Escalated);

    public void Remind(DateTimeOffset now) => Append(SignalEventKinds.Reminded, now, "system", OrganisationId);

    /// <summary>Deadline kinds for <see cref="MarkOverdue"/>: the promised resolution time, and the Awb decision date of a formal complaint.</summary>
    public const string ResolutionDeadline = "resolution", ComplaintDeadline = "complaint";

    /// <summary>True when the passing of <paramref name="deadline"/> was already reported since the signal last changed hands or reopened.</summary>
    public bool OverdueReported(string deadline) =>
        _events.FindLastIndex(e => e.Kind == SignalEventKinds.Overdue && e.Detail == deadline)
            > _events.FindLastIndex(e => e.Kind is SignalEventKinds.Routed or SignalEventKinds.Forwarded or SignalEventKinds.Escalated
                || (e.Kind == SignalEventKinds.StatusChanged && e.Detail == SignalStatus.Reopened.ToCode()));

    public void MarkOverdue(string deadline, DateTimeOffset now)
    {
        if (deadline is not (ResolutionDeadline or ComplaintDeadline)) throw new DomainException($"Unknown deadline '{deadline}'.", "deadline");
        Append(SignalEventKinds.Overdue, now, "system", deadline);
    }

    public void AddNote(string organisation, string text, DateTimeOffset now)
    {
        text = text?.Trim() ?? "";
        if (text.Length is 0 or > MaxCommentLength) throw new DomainException($"A note has 1 to {MaxCommentLength} characters.", "text");
        if (_notes.Count >= MaxNotes) throw new DomainException($"A signal holds at most {MaxNotes} notes; summarise in a response or a new signal.", "text", stateConflict: true);
        Append(SignalEventKinds.NoteAdded, now, organisation);
        _notes.Add(new InternalNote(_events[^1].Sequence, now.ToUniversalTime(), organisation, text));
    }

    public void Respond(ResidentResponse response, DateTimeOffset now)
    {
        if (response.Text is null && response.StandardReply is null) throw new DomainException("A response needs a text or a standard reply.", "text");
        if (response.StandardReply is { } reply && !StandardReplies.All.Contains(reply))
            throw new DomainException($"Use one of: {string.Join(", ", StandardReplies.Choosable)}.", "standardReply");
        if (response.Text is { Length: > MaxResponseLength } || response.ResidentText is { Length: > 2 * MaxResponseLength })
            throw new DomainException($"A response has at most {MaxResponseLength} characters.", "text");
        if (_responses.Count >= MaxResponses) throw new DomainException($"A signal holds at most {MaxResponses} responses.", "text", stateConflict: true);
        Append(SignalEventKinds.Responded, now, response.Organisation, response.StandardReply);
        _responses.Add(response with { AfterEvent = _events[^1].Sequence, At = now.ToUniversalTime() });
    }

    /// <summary>The organisation reports the problem solved; the resident is then asked whether it is.</summary>
    public void Resolve(string actor, DateTimeOffset now) => ChangeStatus(SignalStatus.Resolved, actor, now);

    /// <summary>True while the resident may answer "Is your problem solved?": resolved, and not answered since.</summary>
    public bool AwaitsResidentAnswer =>
        Status == SignalStatus.Resolved
        && _events.FindLastIndex(e => e.Kind == SignalEventKinds.StatusChanged && e.Detail == SignalStatus.Resolved.ToCode())
            > _events.FindLastIndex(e => e.Kind == SignalEventKinds.ResidentAnswered);

    /// <summary>
    /// The resident's answer to "Is your problem solved?". "No" reopens the signal with their comment (no edge leads
    /// back to the resident: the organisation that resolved it gets it again). Only one answer per resolution.
    /// </summary>
    public void AnswerSolved(bool solved, string? comment, DateTimeOffset now)
    {
        if (!AwaitsResidentAnswer) throw new DomainException("This signal is not waiting for your answer.", "solved", stateConflict: true);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (comment is { Length: > MaxCommentLength }) throw new DomainException($"A comment has at most {MaxCommentLength} characters.", "comment");
        Append(SignalEventKinds.ResidentAnswered, now, "resident", solved ? "solved" : "not-solved");
        if (solved) return;
        if (comment is not null) _comments.Add(new ResidentComment(_events[^1].Sequence, now.ToUniversalTime(), comment));
        MoveTo(SignalWorkflow.GetResidentStep(ResidentStep.NotSolved).To, now, "resident");
    }

    /// <summary>True while the organisation waits for the resident's answer to its question.</summary>
    public bool AwaitsResidentReply => Status == SignalWorkflow.GetResidentStep(ResidentStep.Answer).From;

    /// <summary>
    /// The resident's answer to the organisation's question (asked with await-resident): their words are kept, in
    /// their language, and the signal moves on as <see cref="SignalWorkflow.ResidentSteps"/> says, so the
    /// organisation has it again with the answer.
    /// </summary>
    public void ReplyToQuestion(string? text, DateTimeOffset now)
    {
        if (!AwaitsResidentReply) throw new DomainException("This signal is not waiting for your answer.", "answer", stateConflict: true);
        text = text?.Trim() ?? "";
        if (text.Length is 0 or > MaxCommentLength) throw new DomainException($"An answer has 1 to {MaxCommentLength} characters.", "answer");
        if (_comments.Count >= MaxResidentComments)
            throw new DomainException($"A signal holds at most {MaxResidentComments} answers; make a new report.", "answer", stateConflict: true);
        Append(SignalEventKinds.ResidentReplied, now, "resident");
        _comments.Add(new ResidentComment(_events[^1].Sequence, now.ToUniversalTime(), text));
        MoveTo(SignalWorkflow.GetResidentStep(ResidentStep.Answer).To, now, "resident");
    }

    public const int MaxCommentLength = 2000;
    // Notes and responses live on the signal's row (one transaction per change); a Table string property holds
    // 32K characters, so their number and length are bounded to stay well inside it.
    public const int MaxNotes = 12, MaxResponses = 8, MaxResponseLength = 1000, MaxResidentComments = 8;

    /// <summary>
    /// When the signal last closed (resolved, merged or cancelled: a status whose only way on is reopening), or null
    /// while it is open. Read from the history, which must be complete.
    /// </summary>
    public DateTimeOffset? ClosedAt =>
        SignalRetention.IsClosed(Status)
            ? _events.LastOrDefault(e => e.Kind == SignalEventKinds.StatusChanged && e.Detail == Status.ToCode())?.At
            : null;

    /// <summary>True while the signal still holds words or pictures from or about its resident: text, translation, comments, photos, notes, free-text responses.</summary>
    public bool HoldsResidentContent =>
        Text is not null || TextNl is not null || _comments.Count > 0 || _attachments.Count > 0 || _notes.Count > 0
        || _responses.Any(r => r.StandardReply is null || r.ResidentText is not null) || Reason?.Text is not null;

    /// <summary>Erases the resident's phone number and e-mail address (retention). False when there were none.</summary>
    public bool EraseContact(DateTimeOffset now)
    {
        if (Contact is null) return false;
        Contact = null;
        Append(SignalEventKinds.ContactErased, now, "system");
        return true;
    }

    /// <summary>
    /// Removes everything written by or about the resident (retention): the text and its translation, their
    /// comments, the photos' names (the caller deletes the photos first), coordinators' notes, free-text responses,
    /// and the contact details. What stays are the facts the reports are made of: category, location, times,
    /// statuses, the history, and standard replies (reviewed texts, the same for everyone). False when nothing was left.
    /// </summary>
    public bool Anonymise(DateTimeOffset now)
    {
        var erasedContact = EraseContact(now);
        if (!HoldsResidentContent) return erasedContact;
        Text = null;
        TextNl = null;
        _comments.Clear();
        _attachments.Clear();
        _notes.Clear();
        // A standard reply's text lives in the reviewed texts; the one parameter it may carry here is a date.
        var kept = _responses.Where(r => r.StandardReply is not null)
            .Select(r => r with { ResidentText = null, Text = DateOnly.TryParse(r.Text, System.Globalization.CultureInfo.InvariantCulture, out _) ? r.Text : null })
            .ToList();
        _responses.Clear();
        _responses.AddRange(kept);
        if (Reason is not null) Reason = Reason with { Text = null, ResidentText = null, MachineTranslated = false };
        Append(SignalEventKinds.Anonymised, now, "system");
        return true;
    }

    public void AttachPhoto(string blobName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(blobName);
        _attachments.Add(blobName);
        Append(SignalEventKinds.PhotoAttached, now, "resident");
    }

    private void MoveTo(SignalStatus to, DateTimeOffset now, string actor)
    {
        Transition(to);
        Append(SignalEventKinds.StatusChanged, now, actor, to.ToCode());
    }

    private void Transition(SignalStatus to)
    {
        if (!SignalWorkflow.IsAllowed(Status, to)) throw new InvalidTransitionException(Status, to);
        Status = to;
    }

    private void Append(string kind, DateTimeOffset at, string actor, string? detail = null) =>
        _events.Add(new SignalEvent(_events.Count == 0 ? 1 : _events[^1].Sequence + 1, kind, at.ToUniversalTime(), actor, detail));
}

/// <summary>Every field of a <see cref="Signal"/>, for storage. Not a place to change state: use the methods on Signal.</summary>
public sealed record SignalSnapshot(
    TrackingCode Code, string LocationId, string? Wing, string Language, string Category, string? Subcategory, string? Text,
    ResidentContact? Contact, SignalFlagsInfo Flags, HandlingPromise Promise, DateTimeOffset ReceivedAt, SignalStatus Status,
    string? OrganisationId, RoutingReason? RoutingReason, IReadOnlyList<string> CopyTo, DateTimeOffset? RoutedAt,
    TranslationState Translation, string? TextNl, string? DetectedLanguage,
    IReadOnlyList<ResidentComment>? ResidentComments = null, IReadOnlyList<string>? Attachments = null, string? TraceParent = null,
    IReadOnlyList<InternalNote>? Notes = null, IReadOnlyList<ResidentResponse>? Responses = null,
    TrackingCode? MergedInto = null, IReadOnlyList<TrackingCode>? Duplicates = null, bool FormalComplaint = false, int ComplaintExtensionWeeks = 0,
    ResidentReason? Reason = null, StaffMember? Assignee = null);

/// <summary>A staff member by their account id (Entra's object id, or the development sign-in's subject) and their display name.</summary>
public sealed record StaffMember(string Id, string Name);

/// <summary>A coordinator's internal note (never shown to the resident).</summary>
public sealed record InternalNote(int AfterEvent, DateTimeOffset At, string Organisation, string Text);

/// <summary>
/// A response to the resident. <see cref="Text"/> as the coordinator wrote it (in <see cref="Language"/>, usually
/// Dutch); <see cref="ResidentText"/> in the resident's language when a translation was made, with
/// <see cref="MachineTranslated"/> telling the resident it was a machine's. A standard reply
/// (<see cref="StandardReply"/>) has reviewed texts in every form language and needs no machine.
/// </summary>
public sealed record ResidentResponse(int AfterEvent, DateTimeOffset At, string Organisation, string Language, string? Text,
    string? ResidentText, bool MachineTranslated, string? StandardReply);

/// <summary>A resident's own words added after intake (the "not solved" answer); <see cref="AfterEvent"/> places it in the history.</summary>
public sealed record ResidentComment(int AfterEvent, DateTimeOffset At, string Text);
