using Signalering.Domain.Categories;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Clocks;

/// <summary>
/// A signal's handling-time clocks. Hours are hours of the time the signal runs on (<see cref="SignalClocks.TimeOf"/>):
/// working hours, or every hour when <paramref name="RoundTheClock"/> (an emergency).
/// </summary>
public sealed record ClockView(DateTimeOffset? AcknowledgeBy, DateTimeOffset? ResolveBy, bool AcknowledgeOverdue, bool ResolveOverdue,
    double? HoursLeftToAcknowledge, bool Paused = false, double PausedHours = 0, DateTimeOffset? ComplaintDecideBy = null,
    bool ComplaintOverdue = false, bool RoundTheClock = false);

/// <summary>
/// The promised times of one signal. One definition for the inbox, the sweep and the reports, so a signal that the
/// inbox shows as late is late in the council's figures too. The acknowledgement clock starts when the signal
/// reached its organisation by routing or escalation (a forward keeps the clock running: the resident is still
/// waiting); the resolution clock also starts there and stops while the organisation awaits the resident.
/// </summary>
public static class SignalClocks
{
    /// <summary>Statuses in which the organisation has not yet taken the signal on.</summary>
    public static readonly SignalStatus[] AwaitingAcceptance = [SignalStatus.Routed, SignalStatus.Forwarded, SignalStatus.Reopened];

    public static ClockView For(Signal s, DateTimeOffset now)
    {
        if (s.RoutedAt is not { } routed) return new ClockView(null, null, false, false, null, ComplaintDecideBy: s.ComplaintDecideBy);
        var work = TimeOf(s);
        var (acknowledgeBy, resolveWithoutPauses) = PromisedBy(s.Promise, routed, work);
        // Time spent waiting for the resident does not count against the organisation.
        var (paused, pausedNow) = PausedTime(s, now);
        var resolveBy = work.AddHours(resolveWithoutPauses, paused.TotalHours);
        var waiting = AwaitingAcceptance.Contains(s.Status);
        var open = SignalWorkflow.IsOpen(s.Status);
        return new ClockView(acknowledgeBy, resolveBy, waiting && now > acknowledgeBy, open && !pausedNow && now > resolveBy,
            waiting ? Math.Round((now < acknowledgeBy ? work.Between(now, acknowledgeBy) : -work.Between(acknowledgeBy, now)).TotalHours, 1) : null,
            pausedNow, Math.Round(paused.TotalHours, 1), s.ComplaintDecideBy, open && s.ComplaintDecideBy is { } decide && now > decide,
            work is RoundTheClock);
    }

    /// <summary>
    /// The time <paramref name="s"/>'s clocks run on: round the clock for an emergency (whatever made it one: the tile,
    /// the resident's answer or the words), working time for everything else. An emergency's organisation is promised
    /// to look within the hour at night and on Sunday too; a leaking tap can wait for Monday.
    /// </summary>
    public static IHandlingTime TimeOf(Signal s) => s.IsUrgent ? RoundTheClock.Instance : WorkingTime.Netherlands;

    /// <summary>The promise's two deadlines when its clocks start at <paramref name="start"/> and run on <paramref name="time"/>, before any pause.</summary>
    public static (DateTimeOffset AcknowledgeBy, DateTimeOffset ResolveBy) PromisedBy(HandlingPromise promise, DateTimeOffset start, IHandlingTime time) =>
        (time.AddHours(start, promise.AcknowledgeWithinWorkingHours), time.AddDays(start, promise.ResolveWithinWorkingDays));

    /// <summary>Time the signal spent awaiting the resident up to <paramref name="until"/>, and whether it is waiting then.</summary>
    /// <remarks>Counted in <paramref name="time"/>, by default the time the signal's clocks run on; reports count working time.</remarks>
    public static (TimeSpan Total, bool Now) PausedTime(Signal s, DateTimeOffset until, IHandlingTime? time = null)
    {
        var work = time ?? TimeOf(s);
        var total = TimeSpan.Zero;
        DateTimeOffset? since = null;
        foreach (var e in s.Events.Where(e => e.Kind == SignalEventKinds.StatusChanged && e.At <= until))
        {
            if (since is { } start) { total += work.Between(start, e.At); since = null; }
            if (e.Detail == SignalStatus.AwaitingResident.ToCode()) since = e.At;
        }
        if (since is { } open) total += work.Between(open, until);
        return (total, since is not null);
    }
}
