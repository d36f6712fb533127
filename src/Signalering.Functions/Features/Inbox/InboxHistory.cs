using Signalering.Domain.Flagging;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Inbox;

/// <summary>
/// A signal's history as coordinators read it: Dutch words for the stored event codes ("Aangenomen", not
/// "status-changed (accepted)"), organisations by name. The codes stay what the API and the audit trail show.
/// </summary>
public static class InboxHistory
{
    /// <summary>
    /// The event in Dutch words. An assignment names the colleague when it is the signal's current
    /// <paramref name="assignee"/> (the event itself keeps only an account id).
    /// </summary>
    public static string Text(SignalEvent e, ReferenceSet reference, StaffMember? assignee = null) => e.Kind switch
    {
        SignalEventKinds.Assigned when e.Detail is null => StaffTexts.T("inbox.event.unassigned"),
        SignalEventKinds.Assigned => StaffTexts.T("inbox.event.assigned",
            ("name", assignee is not null && assignee.Id == e.Detail ? assignee.Name : StaffTexts.T("inbox.event.assigned.colleague"))),
        SignalEventKinds.StatusChanged when SignalStatusCodes.TryParse(e.Detail, out _) => StaffTexts.T("inbox.event.status." + e.Detail),
        SignalEventKinds.Flagged => StaffTexts.T("inbox.event.flagged",
            ("kinds", string.Join(", ", (e.Detail ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(FlagName)))),
        SignalEventKinds.Routed or SignalEventKinds.Forwarded => StaffTexts.T("inbox.event." + e.Kind, ("organisation", Organisation(e.Detail, reference))),
        SignalEventKinds.Escalated or SignalEventKinds.ResidentAnswered or SignalEventKinds.Overdue when e.Detail is not null && Known("inbox.event." + e.Kind + "." + e.Detail)
            => StaffTexts.T("inbox.event." + e.Kind + "." + e.Detail),
        SignalEventKinds.Responded when e.Detail is not null && Known("inbox.reply." + e.Detail)
            => StaffTexts.T("inbox.event.respondedStandard", ("reply", StaffTexts.T("inbox.reply." + e.Detail))),
        _ when Known("inbox.event." + e.Kind) => StaffTexts.T("inbox.event." + e.Kind),
        // An event kind newer than these texts: its code is better than nothing.
        _ => e.Detail is null ? e.Kind : $"{e.Kind} ({e.Detail})",
    };

    /// <summary>Who did it: the resident, the system, or an organisation by name.</summary>
    public static string Actor(SignalEvent e, ReferenceSet reference) => e.Actor switch
    {
        "resident" => StaffTexts.T("inbox.actor.resident"),
        "system" => StaffTexts.T("inbox.actor.system"),
        var actor => Organisation(actor, reference),
    };

    private static string FlagName(string kind) => Known("inbox.flag." + kind) ? StaffTexts.T("inbox.flag." + kind) : kind;

    /// <summary>An organisation by its name, else its id.</summary>
    public static string Organisation(string? id, ReferenceSet reference) =>
        id is not null && reference.Organisations.TryGetValue(id, out var o) ? o.Name : id ?? "–";

    private static bool Known(string key) => StaffTexts.Keys.Contains(key);
}
