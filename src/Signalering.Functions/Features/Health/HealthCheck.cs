using Microsoft.Extensions.Options;
using Signalering.Functions.Hosting;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Features.Processing;

namespace Signalering.Functions.Features.Health;

/// <summary>
/// What <c>/api/health</c> reports, dependency by dependency: tables and queues (each probed with one call, two
/// seconds at most), routing (deliveries failing since when, the last success) and the sweep (when it last
/// completed, the oldest undelivered signal it found). Unhealthy when storage does not answer, when deliveries have
/// failed without a success for <see cref="SignalOptions.RoutingUnhealthyAfter"/>, or when the sweep found a signal
/// undelivered for five times <see cref="SignalOptions.RequeueAfter"/>.
/// </summary>
public sealed class HealthCheck(SignalTable signals, SignalQueues queues, PipelineHealth pipeline, IOptions<SignalOptions> options, TimeProvider time)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    public sealed record Report(bool Healthy, object Body);

    public async Task<Report> CheckAsync(CancellationToken ct)
    {
        var tables = await ProbeAsync(async t => { await signals.Client.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: t); }, ct);
        var queuesUp = await ProbeAsync(async t => { await (await queues.GetAsync(QueueNames.Intake)).GetPropertiesAsync(t); }, ct);
        var now = time.GetUtcNow();
        var routingFailing = pipeline.FailingSince is { } since && now - since >= options.Value.RoutingUnhealthyAfter;
        var backlog = pipeline.OldestOwedDelivery is { } oldest && oldest >= options.Value.RequeueAfter * 5;
        var healthy = tables && queuesUp && !routingFailing && !backlog;
        return new Report(healthy, new
        {
            status = healthy ? "healthy" : "unhealthy",
            tables = tables ? "ok" : "unreachable",
            queues = queuesUp ? "ok" : "unreachable",
            routing = new
            {
                status = routingFailing ? "failing" : "ok",
                failingSince = pipeline.FailingSince,
                lastDeliveryAt = pipeline.LastDeliveryAt,
            },
            sweep = new
            {
                status = backlog ? "behind" : "ok",
                lastCompletedAt = pipeline.LastSweepAt,
                oldestUndeliveredSeconds = pipeline.OldestOwedDelivery is { } age ? (int?)age.TotalSeconds : null,
            },
        });
    }

    private static async Task<bool> ProbeAsync(Func<CancellationToken, Task> probe, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(ProbeTimeout);
        try
        {
            await probe(timeout.Token);
            return true;
        }
        catch (Exception e) when (StorageFailures.IsOutage(e) || e is OperationCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }
}
