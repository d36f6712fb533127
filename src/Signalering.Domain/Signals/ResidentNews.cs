namespace Signalering.Domain.Signals;

/// <summary>
/// When the resident is told "there is news about your report": a step by someone else (an organisation, the
/// system's escalation) that changes what their status page says — its status, a reply, a new organisation. The
/// resident's own steps, internal notes, reminders, translations and flags are not news to them.
/// </summary>
public static class ResidentNews
{
    public static bool Since(Signal signal, int afterSequence) =>
        signal.Events.Any(e => e.Sequence > afterSequence && e.Actor != "resident" && IsNews(e.Kind));

    private static bool IsNews(string kind) => kind is SignalEventKinds.StatusChanged or SignalEventKinds.Responded
        or SignalEventKinds.Forwarded or SignalEventKinds.Escalated;
}
