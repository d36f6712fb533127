using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Telemetry;

/// <summary>
/// Approximate message counts of the app's queues and their poison queues, as the gauge
/// <c>signalering.queue.depth</c>. Refreshed by the sweep timer (every two minutes), because a gauge callback must
/// not call storage. A growing <c>-poison</c> depth is the alert that matters: those signals need a person.
/// </summary>
public sealed class QueueDepths
{
    public static readonly string[] Watched =
        [QueueNames.Intake, QueueNames.Poison(QueueNames.Intake), QueueNames.Translate, QueueNames.Poison(QueueNames.Translate)];

    private readonly ConcurrentDictionary<string, long> _depths = new();
    private readonly SignalQueues _queues;
    private readonly ILogger<QueueDepths> _log;

    public QueueDepths(SignalQueues queues, ILogger<QueueDepths> log)
    {
        _queues = queues;
        _log = log;
        SignaleringTelemetry.Meter.CreateObservableGauge("signalering.queue.depth",
            () => _depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key))),
            "{message}", "Approximate messages waiting, per queue");
    }

    public IReadOnlyDictionary<string, long> Current => _depths;

    public async Task RefreshAsync(CancellationToken ct)
    {
        foreach (var name in Watched)
        {
            try
            {
                var queue = await _queues.GetAsync(name);
                _depths[name] = (await queue.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
            }
            catch (Azure.RequestFailedException e)
            {
                _log.LogWarning(e, "Reading the depth of {Queue} failed", name);
            }
        }
    }
}
