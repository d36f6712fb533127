namespace Signalering.Infrastructure.Queues;

/// <summary>
/// What an organisation's own systems read from their queue when a signal is routed to them. Delivery is at least
/// once: <see cref="MessageId"/> is the same for every delivery of one routing, so a consumer can drop repeats.
/// No resident text or contact details: those are read through the coordinator API, where access is checked and
/// audited. <see cref="TraceParent"/> (W3C) lets the organisation's system continue the signal's trace.
/// <see cref="Event"/>: <c>routed</c> (new for you), <c>escalated</c> (not accepted in time elsewhere, now yours, for
/// triage), <c>due-soon</c> (a reminder: the acknowledgement time is nearly over) or <c>overdue</c> (the promised
/// resolution time or a complaint's Awb decision date has passed; municipality triage gets a copy) or <c>translated</c>
/// (the Dutch translation is now in the inbox: <see cref="TranslationState"/> says <c>Translated</c>).
/// <see cref="TranslationState"/> is the inbox's: <c>Untranslated</c> where no translator is configured.
/// </summary>
public sealed record OrganisationMessage(
    string MessageId,
    string? TrackingCode,
    string OrganisationId,
    bool IsCopy,
    string LocationId,
    string Category,
    string? Subcategory,
    string Language,
    bool Urgent,
    bool Confidential,
    string TranslationState,
    DateTimeOffset ReceivedAt,
    DateTimeOffset RoutedAt,
    int AcknowledgeWithinWorkingHours,
    int ResolveWithinWorkingDays,
    string? TraceParent = null,
    string Event = "routed");
