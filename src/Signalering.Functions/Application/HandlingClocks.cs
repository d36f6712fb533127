using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Signalering.Domain.Clocks;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Telemetry;
using Signalering.Storage.Tables;

namespace Signalering.Functions.Application;

/// <summary>A signal's handling-time clocks, in working time (see <see cref="WorkingTime"/>).</summary>
public sealed record ClockView(DateTimeOffset? AcknowledgeBy, DateTimeOffset? ResolveBy, bool AcknowledgeOverdue, bool ResolveOverdue,
    double? WorkingHoursLeftToAcknowledge, bool Paused = false, double PausedWorkingHours = 0, DateTimeOffset? ComplaintDecideBy = null,
    bool ComplaintOverdue = false);

/// <summary>
/// Computes the promised times for a signal and runs "accept or bounce": on each sweep, a signal that its
/// organisation has not accepted within the category's acknowledgement time goes to municipality triage (the
/// confidential handler's signals stay in the confidential channel), and triage gets it on its queue. Keeps the gauge
/// <c>signalering.signals.overdue</c> (per organisation, before escalation). Reads the open signals only.
/// </summary>
public sealed class HandlingClocks
{
    /// <summary>How many working hours before the acknowledgement deadline the organisation is warned.</summary>
    public const double ReminderWorkingHours = 2;
    private static readonly SignalStatus[] AwaitingAcceptance = [SignalStatus.Routed, SignalStatus.Forwarded, SignalStatus.Reopened];
    private readonly ConcurrentDictionary<string, long> _overdue = new();
    private readonly SignalTable _signals;
    private readonly TimeProvider _time;
    private readonly ReferenceDataProvider _reference;
    private readonly SignalProcessor _processor;
    private readonly ILogger<HandlingClocks> _log;

    public HandlingClocks(SignalTable signals, TimeProvider time, ReferenceDataProvider reference, SignalProcessor processor, ILogger<HandlingClocks> log)
    {
        _signals = signals;
        _time = time;
        _reference = reference;
        _processor = processor;
        _log = log;
        SignaleringTelemetry.Meter.CreateObservableGauge("signalering.signals.overdue",
            () => _overdue.Select(o => new Measurement<long>(o.Value, new KeyValuePair<string, object?>("organisation", o.Key))),
            "{signal}", "Routed signals not accepted within their acknowledgement time");
    }

    public IReadOnlyDictionary<string, long> Overdue => _overdue;

    public static ClockView For(Signal s, DateTimeOffset now)
    {
        if (s.RoutedAt is not { } routed) return new ClockView(null, null, false, false, null, ComplaintDecideBy: s.ComplaintDecideBy);
        var work = WorkingTime.Netherlands;
        var acknowledgeBy = work.AddWorkingHours(routed, s.Promise.AcknowledgeWithinWorkingHours);
        // Time spent waiting for the resident does not count against the organisation.
        var (paused, pausedNow) = PausedTime(s, now, work);
        var resolveBy = work.AddWorkingHours(work.AddWorkingDays(routed, s.Promise.ResolveWithinWorkingDays), paused.TotalHours);
        var waiting = AwaitingAcceptance.Contains(s.Status);
        var open = s.Status is not (SignalStatus.Resolved or SignalStatus.Cancelled or SignalStatus.Merged);
        return new ClockView(acknowledgeBy, resolveBy, waiting && now > acknowledgeBy, open && !pausedNow && now > resolveBy,
            waiting ? Math.Round((now < acknowledgeBy ? work.Between(now, acknowledgeBy) : -work.Between(acknowledgeBy, now)).TotalHours, 1) : null,
            pausedNow, Math.Round(paused.TotalHours, 1), s.ComplaintDecideBy, open && s.ComplaintDecideBy is { } decide && now > decide);
    }

    /// <summary>Working time the signal spent awaiting the resident (from the status changes in its history).</summary>
    private static (TimeSpan Total, bool Now) PausedTime(Signal s, DateTimeOffset now, WorkingTime work)
    {
        var total = TimeSpan.Zero;
        DateTimeOffset? since = null;
        foreach (var e in s.Events.Where(e => e.Kind == SignalEventKinds.StatusChanged))
        {
            if (since is { } start) { total += work.Between(start, e.At); since = null; }
            if (e.Detail == SignalStatus.AwaitingResident.ToCode()) since = e.At;
        }
        if (since is { } open) total += work.Between(open, now);
        return (total, since is not null);
    }

    /// <summary>Counts overdue signals per organisation and escalates those not accepted in time. Returns how many were escalated.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var set = await _reference.GetAsync(ct);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var overdue = new List<Signal>();
        var dueSoon = new List<Signal>();
        var filter = string.Join(" or ", AwaitingAcceptance.Select(s => $"Status eq '{s.ToCode()}'"));
        await foreach (var signal in _signals.QueryAsync(filter, ct))
            if (signal.OrganisationId is { } org && For(signal, now).AcknowledgeOverdue)
            {
                counts[org] = counts.GetValueOrDefault(org) + 1;
                overdue.Add(signal);
            }
            else if (signal.OrganisationId is not null && For(signal, now).WorkingHoursLeftToAcknowledge is <= ReminderWorkingHours && !signal.RemindedSinceRouted)
                dueSoon.Add(signal);
        foreach (var key in _overdue.Keys.Except(counts.Keys)) _overdue[key] = 0;
        foreach (var (org, count) in counts) _overdue[org] = count;

        // Warn once, with working time to spare: the organisation's queue and webhook get a "due-soon" message.
        foreach (var candidate in dueSoon)
        {
            var stored = await _signals.GetAsync(candidate.Code, ct);
            if (stored is null || stored.Signal.RemindedSinceRouted || !AwaitingAcceptance.Contains(stored.Signal.Status)) continue;
            stored.Signal.Remind(now);
            if (!await _signals.SaveAsync(stored, stored.Signal, [], [], now, ct)) continue;
            await _processor.NotifyAsync(stored.Signal, ct, "due-soon");
        }

        var escalated = 0;
        foreach (var candidate in overdue)
        {
            var fallback = set.Router.Fallback(candidate.Flags.Sensitive).OrganisationId;
            if (candidate.OrganisationId == fallback) continue; // triage itself is late: the gauge and the alert say so
            var stored = await _signals.GetAsync(candidate.Code, ct);
            if (stored is null || !AwaitingAcceptance.Contains(stored.Signal.Status) || stored.Signal.OrganisationId != candidate.OrganisationId) continue;
            stored.Signal.Escalate(fallback, "not-accepted-in-time", "system", now);
            if (!await _signals.SaveAsync(stored, stored.Signal, [], [], now, ct)) continue; // someone acted meanwhile
            await _processor.NotifyAsync(stored.Signal, ct, "escalated");
            escalated++;
            _log.LogInformation("Signal {Code} not accepted in time by {Organisation}: escalated to {Triage}",
                candidate.Code.ToString(), candidate.OrganisationId, fallback);
        }
        return escalated;
    }
}
