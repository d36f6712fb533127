namespace Signalering.Domain.Signals;

/// <summary>What happened to a signal, when (UTC). Kinds are stable codes; texts for residents come from resources.</summary>
public static class SignalEventKinds
{
    public const string Received = "received";
    public const string Flagged = "flagged";
    public const string Routed = "routed";
    public const string Translated = "translated";
    public const string Untranslated = "untranslated";
    public const string StatusChanged = "status-changed";
    /// <summary>The resident answered "Is your problem solved?" with yes (detail "solved") or no (detail "not-solved").</summary>
    public const string ResidentAnswered = "resident-answered";
    /// <summary>The resident answered the organisation's question on the status page; their words are a <see cref="ResidentComment"/>.</summary>
    public const string ResidentReplied = "resident-replied";
    public const string PhotoAttached = "photo-attached";
    /// <summary>Handed to another organisation (detail: the receiving organisation's id); it must accept it.</summary>
    public const string Forwarded = "forwarded";
    /// <summary>Not accepted in time, or rejected as not theirs: back to municipality triage (detail: why, a code).</summary>
    public const string Escalated = "escalated";
    public const string Responded = "responded";
    /// <summary>The organisation was warned that the acknowledgement time is nearly over (once per routing).</summary>
    public const string Reminded = "reminded";
    public const string NoteAdded = "note-added";
    /// <summary>Given to a colleague at the organisation (detail: their account id; none when taken off everyone).</summary>
    public const string Assigned = "assigned";
    /// <summary>The organisation and the municipality were told a deadline passed (detail "resolution" or "complaint"), once per hand-over.</summary>
    public const string Overdue = "overdue";
    /// <summary>Retention erased the resident's contact details.</summary>
    public const string ContactErased = "contact-erased";
    /// <summary>Retention removed the resident's words, photos and the replies written for them.</summary>
    public const string Anonymised = "anonymised";
}

/// <summary>
/// One entry in a signal's history. <see cref="Detail"/> carries codes (an organisation id, flag kinds), never
/// resident text or contact details, so history can be shown, logged and aggregated freely.
/// </summary>
public sealed record SignalEvent(int Sequence, string Kind, DateTimeOffset At, string Actor, string? Detail = null);
