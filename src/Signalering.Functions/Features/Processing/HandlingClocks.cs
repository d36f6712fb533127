using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Signalering.Domain.Clocks;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Telemetry;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Features.Admin;

namespace Signalering.Functions.Features.Processing;

/// <summary>
/// Computes the promised times for a signal and runs "accept or bounce": on each sweep, a signal that its
/// organisation has not accepted within the category's acknowledgement time goes to municipality triage (the
/// confidential handler's signals stay in the confidential channel), and triage gets it on its queue. Keeps the gauge
/// <c>signalering.signals.overdue</c> (per organisation, before escalation). Reads the open signals only.
/// </summary>
public sealed class HandlingClocks
{
    /// <summary>How many hours of the signal's clock (working hours; every hour for an emergency) before the acknowledgement deadline the organisation is warned.</summary>
    public const double ReminderHours = 2;

    /// <summary>
    /// When the organisation is warned: <see cref="ReminderHours"/> before the deadline, or halfway for a shorter
    /// promise. An emergency's one hour would otherwise bring "due soon" a minute after "routed", which tells the
    /// coordinator nothing; at half an hour left it still leaves time to act.
    /// </summary>
    public static double ReminderAt(Domain.Categories.HandlingPromise promise) =>
        Math.Min(ReminderHours, promise.AcknowledgeWithinWorkingHours / 2.0);
    private static readonly SignalStatus[] AwaitingAcceptance = SignalClocks.AwaitingAcceptance;
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

    public static ClockView For(Signal s, DateTimeOffset now) => SignalClocks.For(s, now);

    private static readonly SignalStatus[] InHand = [SignalStatus.Accepted, SignalStatus.InProgress, SignalStatus.Reopened];

    /// <summary>
    /// Signals an organisation took on but did not resolve in the promised time, and formal complaints past their Awb
    /// decision date: the organisation gets an "overdue" message and municipality triage a copy, once per hand-over.
    /// The signal stays where it is (taking work away mid-way helps no one); the municipality can call. The
    /// confidential channel's copy goes to no one else: it is reported to its own handler only.
    /// </summary>
    private async Task ReportPassedDeadlinesAsync(DateTimeOffset now, Domain.ReferenceData.ReferenceSet set, CancellationToken ct)
    {
        var filter = string.Join(" or ", InHand.Select(s => $"Status eq '{s.ToCode()}'")) + " or (FormalComplaint eq true and Status ne 'resolved' and Status ne 'cancelled' and Status ne 'merged')";
        foreach (var candidate in await _signals.QueryAsync(filter, ct).ToListAsync(ct))
        {
            // Without its history the candidate knows no paused time, so its deadline is the earliest possible: a
            // superset. The stored signal, with history, decides.
            if (PassedDeadlines(candidate, now).Count == 0 || candidate.OrganisationId is null) continue;
            var stored = await _signals.GetAsync(candidate.Code, ct);
            if (stored is null) continue;
            var passed = PassedDeadlines(stored.Signal, now);
            if (passed.Count == 0) continue;
            foreach (var deadline in passed) stored.Signal.MarkOverdue(deadline, now);
            if (await _signals.SaveAsync(stored, stored.Signal, [], [], now, ct) is null) continue; // changed meanwhile: next sweep
            var triage = set.Router.Fallback(stored.Signal.Flags.Sensitive).OrganisationId;
            await _processor.NotifyAsync(stored.Signal, ct, "overdue", triage == stored.Signal.OrganisationId ? [] : [triage]);
            _log.LogInformation("Signal {Code} past its {Deadlines} deadline at {Organisation}: reported", candidate.Code.ToString(),
                string.Join(" and ", passed), candidate.OrganisationId);
        }

        static List<string> PassedDeadlines(Signal s, DateTimeOffset now)
        {
            var clock = For(s, now);
            var passed = new List<string>();
            if (clock.ResolveOverdue && InHand.Contains(s.Status) && !s.OverdueReported(Signal.ResolutionDeadline)) passed.Add(Signal.ResolutionDeadline);
            if (clock.ComplaintOverdue && !s.OverdueReported(Signal.ComplaintDeadline)) passed.Add(Signal.ComplaintDeadline);
            return passed;
        }
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
        {
            if (signal.OrganisationId is not { } org) continue;
            var clock = For(signal, now);
            if (clock.AcknowledgeOverdue)
            {
                counts[org] = counts.GetValueOrDefault(org) + 1;
                overdue.Add(signal);
            }
            else if (clock.HoursLeftToAcknowledge is { } left && left <= ReminderAt(signal.Promise) && !signal.RemindedSinceRouted)
                dueSoon.Add(signal);
        }
        foreach (var key in _overdue.Keys.Except(counts.Keys)) _overdue[key] = 0;
        foreach (var (org, count) in counts) _overdue[org] = count;

        // Warn once, with working time to spare: the organisation's queue and webhook get a "due-soon" message.
        foreach (var candidate in dueSoon)
        {
            var stored = await _signals.GetAsync(candidate.Code, ct);
            if (stored is null || stored.Signal.RemindedSinceRouted || !AwaitingAcceptance.Contains(stored.Signal.Status)) continue;
            stored.Signal.Remind(now);
            if (await _signals.SaveAsync(stored, stored.Signal, [], [], now, ct) is null) continue;
            await _processor.NotifyAsync(stored.Signal, ct, "due-soon");
        }

        await ReportPassedDeadlinesAsync(now, set, ct);

        var escalated = 0;
        foreach (var candidate in overdue)
        {
            var fallback = set.Router.Fallback(candidate.Flags.Sensitive).OrganisationId;
            if (candidate.OrganisationId == fallback) continue; // triage itself is late: the gauge and the alert say so
            var stored = await _signals.GetAsync(candidate.Code, ct);
            if (stored is null || !AwaitingAcceptance.Contains(stored.Signal.Status) || stored.Signal.OrganisationId != candidate.OrganisationId) continue;
            stored.Signal.Escalate(fallback, "not-accepted-in-time", "system", now);
            if (await _signals.SaveAsync(stored, stored.Signal, [], [], now, ct) is null) continue; // someone acted meanwhile
            await _processor.NotifyAsync(stored.Signal, ct, "escalated");
            escalated++;
            _log.LogInformation("Signal {Code} not accepted in time by {Organisation}: escalated to {Triage}",
                candidate.Code.ToString(), candidate.OrganisationId, fallback);
        }
        return escalated;
    }
}
