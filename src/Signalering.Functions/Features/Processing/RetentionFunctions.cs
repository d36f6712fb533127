using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Telemetry;

namespace Signalering.Functions.Features.Processing;

/// <summary>ApplyRetention: nightly at 03:15 UTC, erases what the retention periods say is due (docs/privacy.md). Logs counts, never content.</summary>
public sealed class RetentionTrigger(RetentionService retention, ILogger<RetentionTrigger> log)
{
    [Function(nameof(ApplyRetention))]
    public async Task ApplyRetention([TimerTrigger("0 15 3 * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(nameof(ApplyRetention));
        var run = await retention.RunAsync(cancellationToken);
        log.LogInformation("Retention: {Examined} closed signals examined, {ContactsErased} contacts erased, {Anonymised} anonymised, {PhotosDeleted} photos deleted, {BucketsPruned} rate-limit buckets pruned, {AuditEntriesErased} audit entries erased, {DeliveryMarksPruned} webhook delivery marks pruned, {PushSubscriptionsErased} push subscriptions erased",
            run.Examined, run.ContactsErased, run.Anonymised, run.PhotosDeleted, run.BucketsPruned, run.AuditEntriesErased, run.DeliveryMarksPruned,
            run.PushSubscriptionsErased);
    }
}
