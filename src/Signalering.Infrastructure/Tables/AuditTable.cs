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
}
