using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Signalering.Infrastructure.Tables;

/// <summary>An organisation's webhook: where new and escalated signals are posted, and the key that signs them.</summary>
public sealed record WebhookRegistration(string OrganisationId, Uri Url, string Secret);

/// <summary>What a worker may do with a webhook delivery: post it, drop it (posted before), or wait for the worker posting it now.</summary>
public enum DeliveryClaim { Claimed, Delivered, Busy }

/// <summary>
/// Webhook registrations, one row per organisation, and a mark per delivery id (posted, or being posted until a lease
/// runs out), so a queue message delivered twice is posted once. The signing secret is generated here and shown once to the
/// administrator who registers the hook; reads are behind the managed identity (shared keys are off in Azure).
/// </summary>
public sealed class WebhookTable(TableClient table)
{
    public const string TableName = "webhooks";
    private const string Partition = "webhook";
    private int _created;

    private async Task EnsureAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0) await table.CreateIfNotExistsAsync(ct);
    }

    /// <summary>How long a registration (or its absence) is remembered: every routed signal asks, and hooks rarely change.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (WebhookRegistration? Hook, long Until)> _cache = new();

    /// <summary>
    /// The organisation's hook, remembered for <see cref="CacheFor"/> (real time). A change made through this instance
    /// applies at once; one made through another instance within that time.
    /// </summary>
    public async Task<WebhookRegistration?> GetAsync(string organisationId, CancellationToken ct)
    {
        if (_cache.TryGetValue(organisationId, out var cached) && Environment.TickCount64 < cached.Until) return cached.Hook;
        await EnsureAsync(ct);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(Partition, organisationId, cancellationToken: ct);
        var hook = e.HasValue && Uri.TryCreate(e.Value!.GetString("Url"), UriKind.Absolute, out var url)
            ? new WebhookRegistration(organisationId, url, e.Value.GetString("Secret"))
            : null;
        _cache[organisationId] = (hook, Environment.TickCount64 + (long)CacheFor.TotalMilliseconds);
        return hook;
    }

    public async Task PutAsync(WebhookRegistration hook, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await table.UpsertEntityAsync(new TableEntity(Partition, hook.OrganisationId) { ["Url"] = hook.Url.ToString(), ["Secret"] = hook.Secret },
            TableUpdateMode.Replace, ct);
        _cache.TryRemove(hook.OrganisationId, out _);
    }

    public async Task DeleteAsync(string organisationId, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await table.DeleteEntityAsync(Partition, organisationId, cancellationToken: ct);
        _cache.TryRemove(organisationId, out _);
    }

    /// <summary>
    /// Claims <paramref name="deliveryId"/> for <paramref name="lease"/>: <see cref="DeliveryClaim.Delivered"/> when it was
    /// posted before, <see cref="DeliveryClaim.Busy"/> (with the lease's remaining time) while another worker holds it.
    /// A worker that died holding it loses it when the lease runs out.
    /// </summary>
    public async Task<(DeliveryClaim Claim, TimeSpan Wait)> ClaimDeliveryAsync(string deliveryId, DateTimeOffset now, TimeSpan lease, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var (pk, rk) = DeliveryKeys(deliveryId);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var mark = new TableEntity(pk, rk) { ["State"] = "sending", ["Until"] = now + lease, ["At"] = now };
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
            try
            {
                if (!existing.HasValue) await table.AddEntityAsync(mark, ct);
                else if (existing.Value!.GetString("State") == "sent") return (DeliveryClaim.Delivered, TimeSpan.Zero);
                else if (existing.Value.GetDateTimeOffset("Until") is { } until && until > now) return (DeliveryClaim.Busy, until - now);
                else await table.UpdateEntityAsync(mark, existing.Value.ETag, TableUpdateMode.Replace, ct);
                return (DeliveryClaim.Claimed, TimeSpan.Zero);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412) { } // another worker came first: read again
        }
        return (DeliveryClaim.Busy, lease);
    }

    public async Task MarkDeliveredAsync(string deliveryId, DateTimeOffset now, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var (pk, rk) = DeliveryKeys(deliveryId);
        await table.UpsertEntityAsync(new TableEntity(pk, rk) { ["State"] = "sent", ["At"] = now }, TableUpdateMode.Replace, ct);
    }

    /// <summary>Gives a claim back after a failed post, so the retry can claim it at once.</summary>
    public async Task ReleaseDeliveryAsync(string deliveryId, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var (pk, rk) = DeliveryKeys(deliveryId);
        try { await table.DeleteEntityAsync(pk, rk, ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    /// <summary>Deletes delivery marks written before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneDeliveriesAsync(DateTimeOffset before, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var deleted = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {DeliveryPartition} and PartitionKey lt {DeliveryPartition + "~"} and At lt {before}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try { await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, ct); deleted++; }
            catch (RequestFailedException e) when (e.Status == 404) { }
        }
        return deleted;
    }

    private const string DeliveryPartition = "delivery-";

    // Hashed: a delivery id is the message id and the event, and row keys refuse some characters.
    private static (string Partition, string Row) DeliveryKeys(string deliveryId)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(deliveryId)));
        return (DeliveryPartition + hash[..2], hash);
    }
}
