using Azure.Data.Tables;
using Signalering.Domain.Signals;

namespace Signalering.Infrastructure.Tables;

/// <summary>One read or change of a signal by someone at an organisation.</summary>
public sealed record AuditEntry(string TrackingCode, DateTimeOffset At, string Actor, string Organisation, string Action);

/// <summary>
/// The audit trail: every read and change of a signal through the coordinators' API. Partition per signal
/// (<c>a-{code}</c>), row key by time, so a signal's trail is one partition query and writes never contend.
/// Holds ids and action names only, never the resident's text.
/// </summary>
public sealed class AuditTable(TableClient table)
{
    public const string TableName = "audit";
    private readonly CreatedOnce _created = new(table);
    private Task EnsureCreatedAsync(CancellationToken ct) => _created.EnsureAsync(ct);
    // Ties at the same tick (same instant, or a frozen test clock) keep the order they were written in this process.
    private static long _sequence;

    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        await table.AddEntityAsync(new TableEntity("a-" + entry.TrackingCode, $"{entry.At.UtcTicks:D19}-{Interlocked.Increment(ref _sequence):D12}-{Guid.NewGuid():N}")
        {
            ["Actor"] = entry.Actor, ["Organisation"] = entry.Organisation, ["Action"] = entry.Action, ["At"] = entry.At,
        }, ct);
    }

    public async Task<IReadOnlyList<AuditEntry>> ForAsync(TrackingCode code, CancellationToken ct)
    {
        var list = new List<AuditEntry>();
        await EnsureCreatedAsync(ct);
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == "a-" + code.Value, cancellationToken: ct))
            list.Add(new AuditEntry(code.Value, e.GetDateTimeOffset("At") ?? default, e.GetString("Actor"), e.GetString("Organisation"), e.GetString("Action")));
        return list;
    }

    /// <summary>
    /// Deletes every trail whose newest entry is older than <paramref name="before"/>, whole: a signal someone still
    /// opens keeps its complete trail, so "who read this" can always be answered from its first read on. Returns the
    /// entries deleted.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset before, CancellationToken ct)
    {
        await EnsureCreatedAsync(ct);
        var stale = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"At lt {before}"), select: ["PartitionKey"], cancellationToken: ct))
            stale.Add(row.PartitionKey);
        var deleted = 0;
        foreach (var partition in stale)
        {
            var recent = table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition} and At ge {before}"), maxPerPage: 1,
                select: ["RowKey"], cancellationToken: ct);
            if (await recent.AnyAsync(ct)) continue;
            var rows = new List<TableTransactionAction>();
            await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["PartitionKey", "RowKey"], cancellationToken: ct))
                rows.Add(new TableTransactionAction(TableTransactionActionType.Delete, row, Azure.ETag.All));
            // A transaction holds at most 100 operations; a run that stops between chunks is finished by the next.
            foreach (var chunk in rows.Chunk(100))
            {
                await table.SubmitTransactionAsync(chunk, ct);
                deleted += chunk.Length;
            }
        }
        return deleted;
    }
}
