using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Signalering.Domain.Reports;

namespace Signalering.Storage.Tables;

/// <summary>
/// The reports' aggregates in the <c>reports</c> table: one cell per Dutch day × location × main category, holding
/// the facts (<see cref="SignalFact"/>) of the signals received there and then. PartitionKey is the month
/// (<c>2026-11</c>), RowKey <c>2026-11-23|{location}|{category}</c>, so a year's report is twelve range queries
/// that read a number of cells growing with days and dimensions, never one row per signal. A signal's cell never
/// changes (receipt day, location and category are fixed at intake); its organisation and status live in the fact.
/// </summary>
public sealed class ReportTable(TableClient table)
{
    public const string TableName = "reports";
    // A string property holds 32K UTF-16 characters; facts are spread over numbered properties well under that.
    private const int ChunkChars = 30_000, MaxChunks = 15; // 15 × 60 KB stays under the 1 MiB entity limit

    public TableClient Client => table;

    public sealed record CellKey(DateOnly Day, string LocationId, string Category)
    {
        public string Partition => Day.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        public string Row => $"{Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}|{LocationId}|{Category}";
        public static CellKey Of(SignalFact f) => new(f.Day, f.LocationId, f.Category);
    }

    /// <summary>Puts each fact in its cell, replacing the signal's earlier fact. Safe to repeat; concurrent writers retry on the cell's ETag.</summary>
    public async Task<int> ApplyAsync(IEnumerable<SignalFact> facts, CancellationToken ct)
    {
        var written = 0;
        foreach (var cell in facts.GroupBy(CellKey.Of))
        {
            for (var attempt = 1; ; attempt++)
            {
                var existing = await table.GetEntityIfExistsAsync<TableEntity>(cell.Key.Partition, cell.Key.Row, cancellationToken: ct);
                var merged = existing.HasValue ? Read(existing.Value!, cell.Key) : new Dictionary<string, SignalFact>();
                foreach (var f in cell) merged[f.Code.Value] = f;
                var entity = ToEntity(cell.Key, merged.Values);
                try
                {
                    if (existing.HasValue) await table.UpdateEntityAsync(entity, existing.Value!.ETag, TableUpdateMode.Replace, ct);
                    else await table.AddEntityAsync(entity, ct);
                    written++;
                    break;
                }
                catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
                {
                    // Another update reached this cell first: read it again and merge on top.
                }
            }
        }
        return written;
    }

    /// <summary>Replaces every cell with the given facts (a rebuild from the signals), and removes cells no fact falls in.</summary>
    public async Task<int> ReplaceAllAsync(IEnumerable<SignalFact> facts, CancellationToken ct)
    {
        await table.CreateIfNotExistsAsync(ct);
        var cells = facts.GroupBy(CellKey.Of).ToDictionary(g => (g.Key.Partition, g.Key.Row), g => ToEntity(g.Key, g));
        var stale = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"], cancellationToken: ct))
            if (!cells.ContainsKey((e.PartitionKey, e.RowKey))) stale.Add(e);
        foreach (var batch in cells.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
                     .Concat(stale.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e, ETag.All)))
                     .GroupBy(a => a.Entity.PartitionKey).SelectMany(p => p.Chunk(100)))
            await table.SubmitTransactionAsync(batch, ct);
        return cells.Count;
    }

    /// <summary>
    /// The facts of every cell in the period (Dutch dates, inclusive), and how many cells were read. Months are
    /// separate partitions, so they are read side by side.
    /// </summary>
    public async Task<(List<SignalFact> Facts, int Cells)> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var months = new List<DateOnly>();
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1)) months.Add(month);
        var parts = await Task.WhenAll(months.Select(async month =>
        {
            var facts = new List<SignalFact>();
            var cells = 0;
            var pk = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
            var lo = (from > month ? from : month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var hi = to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "}";
            await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq '{pk}' and RowKey ge '{lo}' and RowKey lt '{hi}'", cancellationToken: ct))
            {
                cells++;
                var key = e.RowKey.Split('|');
                facts.AddRange(Read(e, new CellKey(DateOnly.ParseExact(key[0], "yyyy-MM-dd", CultureInfo.InvariantCulture), key[1], key[2])).Values);
            }
            return (facts, cells);
        }));
        return (parts.SelectMany(p => p.facts).ToList(), parts.Sum(p => p.cells));
    }

    private static Dictionary<string, SignalFact> Read(TableEntity e, CellKey key)
    {
        var facts = new Dictionary<string, SignalFact>(StringComparer.Ordinal);
        for (var i = 0; e.GetString("F" + i) is { } chunk; i++)
            foreach (var line in chunk.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = SignalFact.Decode(line, key.LocationId, key.Category);
                facts[f.Code.Value] = f;
            }
        return facts;
    }

    private static TableEntity ToEntity(CellKey key, IEnumerable<SignalFact> facts)
    {
        var entity = new TableEntity(key.Partition, key.Row);
        var chunk = new StringBuilder();
        int n = 0, count = 0;
        foreach (var f in facts.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Code.Value, StringComparer.Ordinal))
        {
            var line = f.Encode();
            if (chunk.Length + line.Length + 1 > ChunkChars)
            {
                entity["F" + n++] = chunk.ToString();
                chunk.Clear();
                if (n >= MaxChunks) throw new InvalidOperationException($"Report cell {key.Row} outgrew {MaxChunks} chunks; split cells by hour.");
            }
            chunk.Append(line).Append('\n');
            count++;
        }
        entity["F" + n] = chunk.ToString();
        entity["Signals"] = count;
        return entity;
    }
}
