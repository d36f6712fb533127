using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace Signalering.Infrastructure.Tables;

/// <summary>The answer of one take from a bucket: allowed or not, and, when not, how long until the bucket's window ends.</summary>
public readonly record struct BucketTake(bool Allowed, TimeSpan RetryAfter);

/// <summary>
/// What <see cref="RateLimitTable.GrantAsync"/> handed out: <see cref="Units"/> (none: the bucket is spent until
/// <see cref="WindowEnd"/>) and the row as it now stands, which the caller passes back on its next grant.
/// </summary>
public readonly record struct BucketGrant(int Units, DateTimeOffset WindowEnd, BucketRow? Row);

/// <summary>A bucket's row as this instance last read or wrote it: its window, its count and the ETag to replace it with.</summary>
public sealed record BucketRow(DateTimeOffset WindowStart, int Count, ETag ETag);

/// <summary>
/// Fixed-window counters in the <c>ratelimits</c> table, shared by every instance of the app and surviving restarts.
/// One entity per bucket: the window it counts in and how many units were granted; a grant is a replace with the ETag
/// that was read (optimistic concurrency), so two instances never both get the last unit. The bucket's name is
/// hashed into the keys (SHA-256): no client address is stored in the clear. Rows of windows long over are pruned
/// by the retention function (<see cref="PruneAsync"/>). Instances take units in leases (<see cref="RateLimitLeases"/>).
/// </summary>
public sealed class RateLimitTable(TableClient table)
{
    public const string TableName = "ratelimits";
    // Only instances contend here (each refills a bucket one request at a time), and every failed attempt is another
    // instance's successful grant: this many failures in a row is pathological, not a flood.
    private const int MaxAttempts = 16;
    private int _created;

    public TableClient Client => table;

    private async Task EnsureCreatedAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _created) == 1) return;
        await table.CreateIfNotExistsAsync(ct);
        Volatile.Write(ref _created, 1);
    }

    /// <summary>
    /// Grants up to <paramref name="want"/> units from <paramref name="bucket"/>, which holds <paramref name="limit"/>
    /// per <paramref name="window"/> (the window starts at the first grant after the previous one ended): all that are
    /// wanted while the bucket has them, the rest of the window's units when it has fewer, none when it is spent.
    /// With <paramref name="known"/> (this instance's last view of the row) the first attempt writes without reading:
    /// one storage call while no other instance took from the bucket in between. An attempt that keeps colliding with
    /// other instances is granted one unit uncounted: a resident is not turned away because instances are busy.
    /// </summary>
    public async Task<BucketGrant> GrantAsync(string bucket, int limit, TimeSpan window, int want, DateTimeOffset now, BucketRow? known, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(want, 1);
        if (limit <= 0) return new(0, now + window, known);
        await EnsureCreatedAsync(ct);
        var (pk, rk) = Keys(bucket);
        var row = known;
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (attempt > 0) await Task.Delay(Random.Shared.Next(1, 5 * Math.Min(attempt, 4)), ct); // out of step with the instance it collided with
            if (row is null)
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(pk, rk, cancellationToken: ct);
                if (!existing.HasValue)
                {
                    var units = Math.Min(want, limit);
                    try
                    {
                        var added = await table.AddEntityAsync(Row(pk, rk, now, window, units), ct);
                        return new(units, now + window, Written(now, units, added));
                    }
                    catch (RequestFailedException e) when (e.Status == 409) { continue; }
                }
                var entity = existing.Value!;
                row = new BucketRow(entity.GetDateTimeOffset("WindowStart") ?? DateTimeOffset.MinValue, entity.GetInt32("Count") ?? 0, entity.ETag);
            }
            var (start, count) = row.WindowStart + window <= now ? (now, 0) : (row.WindowStart, row.Count);
            if (count >= limit) return new(0, start + window, row);
            var grant = Math.Min(want, limit - count);
            try
            {
                var replaced = await table.UpdateEntityAsync(Row(pk, rk, start, window, count + grant), row.ETag, TableUpdateMode.Replace, ct);
                return new(grant, start + window, Written(start, count + grant, replaced));
            }
            catch (RequestFailedException e) when (e.Status is 412 or 404) { row = null; }
        }
        return new(1, now, null);
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

    // Without an ETag in the answer the next grant reads the row first.
    private static BucketRow? Written(DateTimeOffset start, int count, Response response) =>
        response.Headers.ETag is { } etag ? new BucketRow(start, count, etag) : null;

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
