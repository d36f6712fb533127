using System.Globalization;
using System.IO.Compression;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Signalering.Domain.Reports;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// The reports' aggregates in the <c>reports</c> table: one cell per Dutch month × location × main category, holding
/// the facts (<see cref="SignalFact"/>) of the signals received there and then, each with its own day. PartitionKey is
/// the year (<c>2026</c>), RowKey <c>2026-11|{location}|{category}</c>, so a year's report is one range query that
/// reads a number of cells growing with months and dimensions, never one row per signal; a period that starts or ends
/// mid-month reads those months whole and keeps the facts of its days. A signal's cell never changes (receipt day,
/// location and category are fixed at intake); its organisation and status live in the fact. Why month cells and
/// not day cells: docs/benchmarks.md (entities cost more to read than the bytes in them).
/// </summary>
public sealed class ReportTable(TableClient table)
{
    public const string TableName = "reports";
    // Facts are spread over numbered binary properties (Z0, Z1 …) of at most 64 KiB each.
    private const int ChunkChars = 30_000, MaxChunks = 30; // 30 × ≤ 30 KB zipped stays under the 1 MiB entity limit

    public TableClient Client => table;

    public sealed record CellKey(int Year, int Month, string LocationId, string Category)
    {
        public string Partition => Year.ToString("D4", CultureInfo.InvariantCulture);
        public string Row => $"{Year:D4}-{Month:D2}|{LocationId}|{Category}";
        public static CellKey Of(SignalFact f) => new(f.Day.Year, f.Day.Month, f.LocationId, f.Category);
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
    /// The facts of every cell of the months the period touches (Dutch dates, inclusive; callers keep the days they
    /// want), and how many cells were read. Years are separate partitions, read side by side.
    /// </summary>
    public async Task<(List<SignalFact> Facts, int Cells)> ReadAsync(DateOnly from, DateOnly to, CancellationToken ct)
    {
        var parts = await Task.WhenAll(Enumerable.Range(from.Year, to.Year - from.Year + 1).Select(async year =>
        {
            var facts = new List<SignalFact>();
            var cells = 0;
            var lo = year == from.Year ? $"{year:D4}-{from.Month:D2}" : $"{year:D4}-01";
            var hi = (year == to.Year ? $"{year:D4}-{to.Month:D2}" : $"{year:D4}-12") + "}";
            await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq '{year:D4}' and RowKey ge '{lo}' and RowKey lt '{hi}'", cancellationToken: ct))
            {
                cells++;
                var key = e.RowKey.Split('|');
                var month = key[0].Split('-');
                facts.AddRange(Read(e, new CellKey(int.Parse(month[0], CultureInfo.InvariantCulture), int.Parse(month[1], CultureInfo.InvariantCulture),
                    key[1], key[2])).Values);
            }
            return (facts, cells);
        }));
        return (parts.SelectMany(p => p.facts).ToList(), parts.Sum(p => p.cells));
    }

    private static Dictionary<string, SignalFact> Read(TableEntity e, CellKey key)
    {
        var facts = new Dictionary<string, SignalFact>(StringComparer.Ordinal);
        for (var i = 0; e.GetBinary("Z" + i) is { } zipped; i++)
            foreach (var line in Unzip(zipped).Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                var f = SignalFactCodec.Decode(line, key.LocationId, key.Category);
                facts[f.Code.Value] = f;
            }
        return facts;
    }

    // Facts repeat organisation ids, statuses and nearby minutes, so they compress about fivefold: a year's report
    // moves a fifth of the bytes. A 30,000-character chunk stays under the 64 KiB binary property limit even unzipped.
    private static byte[] Zip(string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new GZipStream(buffer, CompressionLevel.Fastest)) zip.Write(Encoding.UTF8.GetBytes(text));
        return buffer.ToArray();
    }

    private static string Unzip(byte[] data)
    {
        using var zip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
        using var reader = new StreamReader(zip, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static TableEntity ToEntity(CellKey key, IEnumerable<SignalFact> facts)
    {
        var entity = new TableEntity(key.Partition, key.Row);
        var chunk = new StringBuilder();
        int n = 0, count = 0;
        foreach (var f in facts.OrderBy(f => f.ReceivedAt).ThenBy(f => f.Code.Value, StringComparer.Ordinal))
        {
            var line = SignalFactCodec.Encode(f);
            if (chunk.Length + line.Length + 1 > ChunkChars)
            {
                entity["Z" + n++] = Zip(chunk.ToString());
                chunk.Clear();
                if (n >= MaxChunks) throw new InvalidOperationException($"Report cell {key.Row} outgrew {MaxChunks} chunks; split cells by hour.");
            }
            chunk.Append(line).Append('\n');
            count++;
        }
        entity["Z" + n] = Zip(chunk.ToString());
        entity["Signals"] = count;
        return entity;
    }
}
