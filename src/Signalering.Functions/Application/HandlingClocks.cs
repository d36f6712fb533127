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
    double? WorkingHoursLeftToAcknowledge);

/// <summary>
/// Computes the promised times for a signal and keeps the gauge <c>signalering.signals.overdue</c> (per
/// organisation: routed signals not accepted within the category's acknowledgement time). The sweep timer refreshes
/// the gauge; it reads the open signals only.
/// </summary>
public sealed class HandlingClocks
{
    private static readonly SignalStatus[] AwaitingAcceptance = [SignalStatus.Routed, SignalStatus.Forwarded, SignalStatus.Reopened];
    private readonly ConcurrentDictionary<string, long> _overdue = new();
    private readonly SignalTable _signals;
    private readonly TimeProvider _time;

    public HandlingClocks(SignalTable signals, TimeProvider time)
    {
        _signals = signals;
        _time = time;
        SignaleringTelemetry.Meter.CreateObservableGauge("signalering.signals.overdue",
            () => _overdue.Select(o => new Measurement<long>(o.Value, new KeyValuePair<string, object?>("organisation", o.Key))),
            "{signal}", "Routed signals not accepted within their acknowledgement time");
    }

    public IReadOnlyDictionary<string, long> Overdue => _overdue;

    public static ClockView For(Signal s, DateTimeOffset now)
    {
        if (s.RoutedAt is not { } routed) return new ClockView(null, null, false, false, null);
        var work = WorkingTime.Netherlands;
        var acknowledgeBy = work.AddWorkingHours(routed, s.Promise.AcknowledgeWithinWorkingHours);
        var resolveBy = work.AddWorkingDays(routed, s.Promise.ResolveWithinWorkingDays);
        var waiting = AwaitingAcceptance.Contains(s.Status);
        var open = s.Status is not (SignalStatus.Resolved or SignalStatus.Cancelled or SignalStatus.Merged);
        return new ClockView(acknowledgeBy, resolveBy, waiting && now > acknowledgeBy, open && now > resolveBy,
            waiting ? Math.Round((now < acknowledgeBy ? work.Between(now, acknowledgeBy) : -work.Between(acknowledgeBy, now)).TotalHours, 1) : null);
    }

    public async Task RefreshOverdueAsync(CancellationToken ct)
    {
        var now = _time.GetUtcNow();
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var filter = string.Join(" or ", AwaitingAcceptance.Select(s => $"Status eq '{s.ToCode()}'"));
        await foreach (var signal in _signals.QueryAsync(filter, ct))
            if (signal.OrganisationId is { } org && For(signal, now).AcknowledgeOverdue)
                counts[org] = counts.GetValueOrDefault(org) + 1;
        foreach (var key in _overdue.Keys.Except(counts.Keys)) _overdue[key] = 0;
        foreach (var (org, count) in counts) _overdue[org] = count;
    }
}
