using Signalering.Domain.Languages;
using Signalering.Domain.Organisations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Domain.Workflow;

namespace Signalering.Functions.Features.Status;

/// <summary>The promise in the organisation's terms and in the resident's words. <paramref name="RoundTheClock"/>: the hours and days count nights and weekends too (an emergency).</summary>
public sealed record PromiseView(int AcknowledgeWithinWorkingHours, int ResolveWithinWorkingDays, string Text, bool RoundTheClock = false);
public sealed record EmergencyView(string Call, string Text, string? SuicideLine);
/// <summary><see cref="Confidential"/>: where a sensitive report goes, and that the staff of the location cannot see it.</summary>
public sealed record ConfirmationView(string Language, string Direction, string Title, string CodeLabel, string CodeHelp, string WhoSees,
    string Reassurance, string? Untranslated, string? Confidential = null);

/// <summary>The 202 answer to an intake. The same for a first submission and its retries.</summary>
public sealed record IntakeAccepted(string TrackingCode, string StatusUrl, string Status, bool Urgent, PromiseView Promise,
    EmergencyView? Emergency, ConfirmationView Confirmation);

public sealed record HistoryItem(DateTimeOffset At, string Kind, string Text);

/// <summary>A response as the resident reads it. <see cref="Label"/> says "translated by a computer" where that is so.</summary>
public sealed record ResponseView(DateTimeOffset At, string Text, string Language, bool MachineTranslated, string? Label);

/// <summary>
/// Why the signal was cancelled or sent back, while that is the latest change: <see cref="Text"/> the standard reason
/// in the resident's language; <see cref="Words"/> the coordinator's own, in <see cref="WordsLanguage"/>, with
/// <see cref="Label"/> saying "translated by a computer" where that is so.
/// </summary>
public sealed record ReasonView(string Text, string? Words, string? WordsLanguage, string? Label);

/// <summary>What a resident sees for a tracking code: nothing but status, history and responses, in their language.</summary>
/// <remarks>
/// <see cref="Stage"/> says in one plain sentence where the signal is, <see cref="Promise"/> only what is still
/// promised from here (empty once nothing is), <see cref="NextStep"/> what the resident can do now (null: nothing).
/// <see cref="AwaitsReply"/>: the organisation asked a question (the latest response) and waits for the answer.
/// <see cref="History"/> runs oldest first.
/// </remarks>
public sealed record StatusView(string TrackingCode, string Language, string Direction, string Status, string StatusLabel, bool Urgent,
    PromiseView Promise, IReadOnlyList<HistoryItem> History, IReadOnlyList<ResponseView> Responses, string ResponsesNone, bool AwaitsAnswer,
    string? SharedOutcome = null, string? OthersReported = null, string? ComplaintDeadline = null,
    string Stage = "", string? NextStep = null, bool AwaitsReply = false, ReasonView? Reason = null);

/// <summary>Builds what residents read from a signal, in their own language, using only resident texts (never internal data).</summary>
public static class ResidentViews
{
    public static IntakeAccepted Accepted(Signal s, ResidentTexts texts)
    {
        var lang = s.Language;
        string T(string key, params (string, string)[] args) => texts.Get(lang, key, args);
        var emergency = s.ShowsEmergencyNumbers
            ? new EmergencyView("112", T("emergency.call112"), s.Flags.OffersSuicideLine ? T("emergency.call113") : null)
            : null;
        return new IntakeAccepted(s.Code.ToString(), StatusUrl(s.Code), s.Status.ToCode(), s.IsUrgent, Promise(s, texts), emergency,
            new ConfirmationView(lang, Direction(lang), T("confirmation.title"), T("confirmation.code"), T("confirmation.codeHelp"),
                T("confirmation.whoSees"), T("reassurance.noInfluence"),
                s.Translation == TranslationState.NotNeeded ? null : T("confirmation.untranslated"),
                s.Flags.Sensitive ? T("event.confidential") : null));
    }

    /// <summary>
    /// What the resident sees. For a merged signal, pass the signal it was merged into (<paramref name="mergedInto"/>):
    /// its status and responses are the resident's shared outcome.
    /// </summary>
    public static StatusView Status(Signal s, ResidentTexts texts, ReferenceSet reference, string? requestedLanguage, Signal? mergedInto = null)
    {
        var lang = FormLanguages.TryGet(requestedLanguage, out var l) ? l.Code : s.Language;
        string T(string key, params (string, string)[] args) => texts.Get(lang, key, args);
        var history = new List<HistoryItem>();
        foreach (var e in s.Events)
        {
            var text = e.Kind switch
            {
                SignalEventKinds.Received => T("event.received"),
                SignalEventKinds.Translated => T("event.translated"),
                SignalEventKinds.Flagged when s.IsUrgent => T("event.flaggedUrgent"),
                SignalEventKinds.Routed when s.RoutingReason == RoutingReason.Confidential => T("event.confidential"),
                SignalEventKinds.Routed => T("event.routed", ("organisation", OrganisationLabel(e.Detail, reference, lang, texts))),
                SignalEventKinds.Forwarded => T("status.forwarded"),
                SignalEventKinds.Escalated => T("event.routed", ("organisation", OrganisationLabel(s.OrganisationId, reference, lang, texts))),
                SignalEventKinds.ResidentAnswered => T(e.Detail == "solved" ? "event.confirmedSolved" : "event.reopened"),
                SignalEventKinds.ResidentReplied => T("event.residentReplied"),
                // The resident's own "not solved" already says it was reopened.
                SignalEventKinds.StatusChanged when e.Actor == "resident" => null,
                SignalEventKinds.StatusChanged when e.Detail is not null => T(StatusKey(SignalStatusCodes.Parse(e.Detail))),
                _ => null, // internal events (untranslated, flagged as sensitive) are not the resident's concern
            };
            if (text is not null) history.Add(new HistoryItem(e.At, e.Kind, text));
        }
        var (stage, next, promised) = StageOf(s, mergedInto);
        var sharedOutcome = mergedInto is null ? null : T("status.sharedOutcome") + " " + T(StatusKey(mergedInto.Status));
        return new StatusView(s.Code.ToString(), lang, Direction(lang), s.Status.ToCode(), T(StatusKey(s.Status)), s.IsUrgent,
            Promise(s, texts, lang, promised), history,
            mergedInto is null ? Responses(s, texts, lang) : [.. Responses(s, texts, lang), .. Responses(mergedInto, texts, lang, s.Language)],
            T("responses.none"), s.AwaitsResidentAnswer,
            sharedOutcome,
            // For either resident the others are the same number: the target's reporter plus the other duplicates.
            (mergedInto ?? s).Duplicates.Count is var n and > 0 ? T("status.othersReported", ("count", n.ToString(System.Globalization.CultureInfo.InvariantCulture))) : null,
            s.ComplaintDecideBy is { } decideBy ? T("status.complaintDeadline", ("date", Web.ResidentDate.Text(decideBy))) : null,
            s.Status == SignalStatus.Merged && sharedOutcome is not null ? sharedOutcome : T(stage), next is null ? null : T(next), s.AwaitsResidentReply,
            Reason(s, texts, lang));
    }

    /// <summary>Which promises still stand: before anyone took the signal on, both; while it is worked on, the resolution; after, none.</summary>
    [Flags]
    private enum Promised { None = 0, Acknowledge = 1, Resolve = 2 }

    /// <summary>
    /// The plain sentence for where the signal is, what the resident can do now, and what is still promised. A merged
    /// signal's resident follows the signal it was merged into, but any question or "is it solved?" there is its
    /// own resident's to answer.
    /// </summary>
    private static (string Stage, string? Next, Promised Promised) StageOf(Signal s, Signal? mergedInto)
    {
        const string wait = "next.wait";
        if (s.Status == SignalStatus.Merged)
            return ("status.sharedOutcome", mergedInto is { } m && SignalWorkflow.IsOpen(m.Status) ? wait : null, Promised.None);
        return s.Status switch
        {
            SignalStatus.Received => ("stage.received", wait, Promised.Acknowledge | Promised.Resolve),
            SignalStatus.Routed => ("stage.routed", wait, Promised.Acknowledge | Promised.Resolve),
            SignalStatus.Forwarded => ("stage.forwarded", wait, Promised.Acknowledge | Promised.Resolve),
            SignalStatus.Accepted => ("stage.accepted", wait, Promised.Resolve),
            SignalStatus.InProgress => ("stage.in-progress", wait, Promised.Resolve),
            SignalStatus.Reopened => ("stage.reopened", wait, Promised.Resolve),
            // The resolution clock is paused while the organisation waits for the answer: no promise runs.
            SignalStatus.AwaitingResident => ("stage.awaiting-resident", "next.answer", Promised.None),
            SignalStatus.Resolved when s.AwaitsResidentAnswer => ("stage.resolved", "next.confirm", Promised.None),
            SignalStatus.Resolved => ("stage.closed", null, Promised.None),
            _ => ("stage.cancelled", "next.newReport", Promised.None),
        };
    }

    // Shown while the change it explains is the latest one: once the signal is reopened or taken on again, it is old news.
    private static ReasonView? Reason(Signal s, ResidentTexts texts, string lang)
    {
        if (s.Reason is not { } reason) return null;
        var latest = s.Events.LastOrDefault(e => e.Kind is SignalEventKinds.StatusChanged or SignalEventKinds.Escalated or SignalEventKinds.Forwarded
            or SignalEventKinds.Routed);
        if (latest?.Sequence != reason.AfterEvent) return null;
        var translated = reason.ResidentText is not null && lang == s.Language;
        return new ReasonView(texts.Get(lang, "reason." + reason.Code),
            translated ? reason.ResidentText : reason.Text, reason.Text is null ? null : translated ? s.Language : "nl",
            translated && reason.MachineTranslated ? texts.Get(lang, "responses.machineTranslated") : null);
    }

    // Standard replies exist in every form language; free text is shown in the resident's language when the
    // translator made one (labelled), otherwise as written.
    private static List<ResponseView> Responses(Signal s, ResidentTexts texts, string lang, string? residentLanguage = null) =>
        s.Responses.Select(r => r.StandardReply is { } key
                ? new ResponseView(r.At, key == StandardReplies.ComplaintExtended && DateOnly.TryParse(r.Text, System.Globalization.CultureInfo.InvariantCulture, out var d)
                    ? texts.Get(lang, "reply." + key, ("date", d.ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture)))
                    : texts.Get(lang, "reply." + key), lang, false, null)
                : r.ResidentText is { } translated && lang == s.Language && (residentLanguage is null || residentLanguage == s.Language)
                    ? new ResponseView(r.At, translated, s.Language, r.MachineTranslated, r.MachineTranslated ? texts.Get(lang, "responses.machineTranslated") : null)
                    : new ResponseView(r.At, r.Text ?? "", r.Language, false, null))
            .ToList();

    public static string StatusUrl(TrackingCode code) => "/api/signals/" + code.Value;

    private static PromiseView Promise(Signal s, ResidentTexts texts, string? language = null, Promised promised = Promised.Acknowledge | Promised.Resolve)
    {
        var lang = language ?? s.Language;
        // In days on the calendar, as residents count ("by tomorrow", "within 3 days"); the working-hour clock is the staff's.
        var plain = Domain.Clocks.ResidentPromise.For(s);
        var text = string.Join(" ", new[]
        {
            promised.HasFlag(Promised.Acknowledge) ? plain.LookText(texts, lang) : null,
            promised.HasFlag(Promised.Resolve) ? plain.SolveText(texts, lang) : null,
        }.OfType<string>());
        return new(s.Promise.AcknowledgeWithinWorkingHours, s.Promise.ResolveWithinWorkingDays, text, Domain.Clocks.SignalClocks.TimeOf(s) is Domain.Clocks.RoundTheClock);
    }

    private static string Direction(string lang) => FormLanguages.Get(lang).RightToLeft ? "rtl" : "ltr";

    private static string StatusKey(SignalStatus status) => status switch
    {
        SignalStatus.InProgress => "status.inProgress",
        SignalStatus.AwaitingResident => "status.awaitingResident",
        _ => "status." + status.ToCode(),
    };

    // Residents see what kind of organisation has their signal, in their language, not internal team names.
    private static string OrganisationLabel(string? organisationId, ReferenceSet reference, string lang, ResidentTexts texts)
    {
        var kind = organisationId is not null && reference.Organisations.TryGetValue(organisationId, out var org) ? org.Kind : OrganisationKind.Municipality;
        return texts.Get(lang, kind switch
        {
            OrganisationKind.Coa => "org.coa",
            OrganisationKind.HousingCorporation => "org.housing",
            OrganisationKind.CareProvider => "org.care",
            OrganisationKind.EmploymentAgency => "org.employment",
            OrganisationKind.Nidos => "org.nidos",
            OrganisationKind.ConfidentialHandler => "org.confidential",
            _ => "org.municipality",
        });
    }
}
