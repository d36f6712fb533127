namespace Signalering.Functions.Features.Processing;

/// <summary>
/// What this instance saw of routing and the sweep, for <c>/api/health</c>: when a delivery last succeeded, since
/// when deliveries have been failing (null once one succeeds again), when the sweep last completed and how old the
/// oldest undelivered signal it found was. In memory, per instance: the health check asks the instance it reaches.
/// </summary>
public sealed class PipelineHealth
{
    private readonly Lock _gate = new();

    public DateTimeOffset? LastDeliveryAt { get; private set; }
    public DateTimeOffset? FailingSince { get; private set; }
    public DateTimeOffset? LastSweepAt { get; private set; }
    public TimeSpan? OldestOwedDelivery { get; private set; }

    public void DeliverySucceeded(DateTimeOffset now)
    {
        lock (_gate) { LastDeliveryAt = now; FailingSince = null; }
    }

    public void DeliveryFailed(DateTimeOffset now)
    {
        lock (_gate) FailingSince ??= now;
    }

    public void SweepCompleted(DateTimeOffset now, TimeSpan? oldestOwedDelivery)
    {
        lock (_gate) { LastSweepAt = now; OldestOwedDelivery = oldestOwedDelivery; }
    }
}
