using Azure;
using Azure.Data.Tables;
using Signalering.Domain.Signals;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// The delivery outbox on the signal's own rows. The route marker (<c>todo|route|…</c>) promises the organisation's
/// message; it is deleted only in <see cref="MarkDeliveredAsync"/>, after every message and webhook job was sent.
/// Before sending, a worker claims the signal with a conditional write (its ETag): of any number of workers, one
/// wins and sends; the others see the claim and leave it. A claim is a lease: when its holder dies, the sweep finds
/// the marker and a new worker claims once the lease has run out.
/// </summary>
public sealed partial class SignalTable
{
    private const string DeliveryLeaseProperty = "DeliveryLeaseUntil";
    private const string DeliveredTargetsProperty = "DeliveredTargets";
    // Merging a null leaves the old value in place, so a released lease is one that ended long ago.
    private static readonly DateTimeOffset Released = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// Claims the delivery of a signal read as <paramref name="stored"/> until <paramref name="leaseUntil"/>.
    /// False when the signal changed since it was read (another worker claimed it, or anyone saved it): read again.
    /// </summary>
    public async Task<ETag?> TryClaimDeliveryAsync(StoredSignal stored, DateTimeOffset leaseUntil, CancellationToken ct) =>
        await TryClaimDeliveryAsync(stored.Signal.Code, stored.ETag, leaseUntil, ct);

    /// <summary>
    /// Claims (or extends a claim on) a signal's delivery if its row is still as read with <paramref name="etag"/>:
    /// the new ETag when it was, null when another worker claimed it or anything else changed it meanwhile.
    /// </summary>
    public async Task<ETag?> TryClaimDeliveryAsync(TrackingCode code, ETag etag, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        try
        {
            var response = await table.UpdateEntityAsync(new TableEntity(SignalKeys.Partition(code), SignalKeys.Signal(code)) { [DeliveryLeaseProperty] = leaseUntil },
                etag, TableUpdateMode.Merge, ct);
            return response.Headers.ETag;
        }
        catch (RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Gives up a claim after a failed delivery, keeping what was sent (<paramref name="delivered"/>), so the next
    /// attempt (a queue retry, the sweep, a resident's retry) may start at once and sends only the rest.
    /// </summary>
    public Task ReleaseDeliveryAsync(TrackingCode code, IEnumerable<string> delivered, CancellationToken ct) =>
        table.UpdateEntityAsync(new TableEntity(SignalKeys.Partition(code), SignalKeys.Signal(code))
        {
            [DeliveryLeaseProperty] = Released,
            [DeliveredTargetsProperty] = JoinTargets([.. delivered]),
        }, ETag.All, TableUpdateMode.Merge, ct);

    /// <summary>
    /// Records that the organisation has its message and removes the route marker, in one transaction: there is no
    /// moment at which the marker is gone and the message is not confirmed. Idempotent.
    /// </summary>
    public async Task MarkDeliveredAsync(TrackingCode code, CancellationToken ct)
    {
        var main = new TableEntity(SignalKeys.Partition(code), SignalKeys.Signal(code))
        {
            ["OrganisationNotified"] = true,
            [DeliveryLeaseProperty] = Released,
            [DeliveredTargetsProperty] = "",
        };
        try
        {
            await table.SubmitTransactionAsync(
            [
                new TableTransactionAction(TableTransactionActionType.UpdateMerge, main, ETag.All),
                new TableTransactionAction(TableTransactionActionType.Delete,
                    new TableEntity(SignalKeys.Partition(code), SignalKeys.Todo(TodoKinds.Route, code)), ETag.All),
            ], ct);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex == 1)
        {
            // The marker was gone already (an earlier confirmation whose answer was lost): confirm the flag alone.
            await table.UpdateEntityAsync(main, ETag.All, TableUpdateMode.Merge, ct);
        }
    }

    private static IReadOnlyList<string>? SplitTargets(string? joined) => string.IsNullOrEmpty(joined) ? null : joined.Split(',');

    private static string? JoinTargets(IReadOnlyList<string>? targets) => targets is null or [] ? null : string.Join(',', targets);
}
