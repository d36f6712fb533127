using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Signalering.Infrastructure.Tables;

/// <summary>The answer of one <see cref="RateLimitTable.TakeAsync"/>: allowed or not, and when the bucket's window ends.</summary>
public readonly record struct BucketTake(bool Allowed, int Count, TimeSpan RetryAfter);

/// <summary>
/// Fixed-window counters in the <c>ratelimits</c> table, shared by every instance of the app and surviving restarts.
/// One entity per bucket: the window it counts in and how many were taken; an increment is a replace with the ETag
/// that was read (optimistic concurrency), so two instances never both take the last unit. The bucket's name is
/// hashed into the keys (SHA-256): no client address is stored in the clear. Rows of windows long over are pruned
/// by the retention function (<see cref="PruneAsync"/>).
/// </summary>
public sealed class RateLimitTable(TableClient table)
{
    public const string TableName = "ratelimits";
    private const int MaxAttempts = 8;
    private int _created;

    public TableClient Client => table;

    private async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _created) == 1) return;
        await table.CreateIfNotExistsAsync(ct);
        Volatile.Write(ref _created, 1);
    }

    /// <summary>
    /// Takes <paramref name="cost"/> units from <paramref name="bucket"/>, which holds <paramref name="limit"/> per
    /// <paramref name="window"/> (the window starts at the first take after the previous one ended). Not allowed:
    /// nothing is taken, and <see cref="BucketTake.RetryAfter"/> says when the window ends. A take that keeps colliding
    /// with others is let through: twenty phones behind one AZC's NAT sending at once is a burst, not a flood, and every
    /// collision means another request did take its unit, so the count still reaches the limit under a real flood.
    /// </summary>
    public async Task<BucketTake> TakeAsync(string bucket, int limit, TimeSpan window, DateTimeOffset now, CancellationToken ct, int cost = 1)
    {
        await EnsureCreatedAsync(ct);
        var (pk, rk) = Keys(bucket);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
            if (!existing.HasValue)
            {
                if (cost > limit) return new(false, 0, window);
                try
                {
                    await table.AddEntityAsync(Row(pk, rk, now, window, cost), ct);
                    return new(true, cost, TimeSpan.Zero);
                }
                catch (RequestFailedException e) when (e.Status == 409) { continue; }
            }
            var row = existing.Value!;
            var start = row.GetDateTimeOffset("WindowStart") ?? DateTimeOffset.MinValue;
            var count = row.GetInt32("Count") ?? 0;
            var fresh = start + window <= now;
            if (fresh) (start, count) = (now, 0);
            if (count + cost > limit) return new(false, count, start + window - now);
            try
            {
                await table.UpdateEntityAsync(Row(pk, rk, start, window, count + cost), row.ETag, TableUpdateMode.Replace, ct);
                return new(true, count + cost, TimeSpan.Zero);
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404) { }
        }
        return new(true, limit, TimeSpan.Zero);
    }

    /// <summary>Deletes buckets whose window ended before <paramref name="before"/>; returns how many.</summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var deleted = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"ExpiresAt lt {before}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
        {
            try { await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, ct); deleted++; }
            catch (RequestFailedException e) when (e.Status is 404 or 412) { }
        }
        return deleted;
    }

    private static TableEntity Row(string pk, string rk, DateTimeOffset start, TimeSpan window, int count) => new(pk, rk)
    {
        ["WindowStart"] = start, ["ExpiresAt"] = start + window, ["Count"] = count,
    };

    private static (string Partition, string Row) Keys(string bucket)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(bucket)));
        return ("rl-" + hash[..2], hash[..40]);
    }
}
