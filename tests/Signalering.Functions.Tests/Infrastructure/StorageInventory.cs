using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// Everything one test app holds in storage, found by its prefix rather than by a list of names, so a table, queue
/// or container added later is checked too: every entity of every table, every message of every queue, every blob.
/// </summary>
public sealed record StorageInventory(
    IReadOnlyDictionary<string, IReadOnlyList<TableEntity>> Tables,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Queues,
    IReadOnlyDictionary<string, IReadOnlyList<(string Name, byte[] Content)>> Blobs)
{
    public static async Task<StorageInventory> TakeAsync(SignaleringApp app)
    {
        var connection = app.ConnectionString ?? Azurite.Shared.ConnectionString;
        var tables = new Dictionary<string, IReadOnlyList<TableEntity>>();
        var service = new TableServiceClient(connection);
        await foreach (var t in service.QueryAsync())
        {
            if (!t.Name.StartsWith(app.Prefix, StringComparison.Ordinal)) continue;
            var rows = new List<TableEntity>();
            await foreach (var e in service.GetTableClient(t.Name).QueryAsync<TableEntity>()) rows.Add(e);
            tables[t.Name] = rows;
        }
        var queues = new Dictionary<string, IReadOnlyList<string>>();
        var queueService = new QueueServiceClient(connection);
        await foreach (var q in queueService.GetQueuesAsync(prefix: app.Prefix))
        {
            // Peeking leaves the messages where they are; 32 is the most one peek shows, more than any test queues.
            var messages = (await queueService.GetQueueClient(q.Name).PeekMessagesAsync(32)).Value;
            queues[q.Name] = messages.Select(m => Decode(m.Body.ToString())).ToList();
        }
        var blobs = new Dictionary<string, IReadOnlyList<(string, byte[])>>();
        var blobService = new BlobServiceClient(connection);
        await foreach (var c in blobService.GetBlobContainersAsync(prefix: app.Prefix))
        {
            var container = blobService.GetBlobContainerClient(c.Name);
            var list = new List<(string, byte[])>();
            await foreach (var b in container.GetBlobsAsync())
                list.Add((b.Name, (await container.GetBlobClient(b.Name).DownloadContentAsync()).Value.Content.ToArray()));
            blobs[c.Name] = list;
        }
        return new StorageInventory(tables, queues, blobs);
    }

    /// <summary>Entities per table and messages per queue: what a refused request must leave as it was.</summary>
    public IReadOnlyDictionary<string, int> Counts =>
        Tables.ToDictionary(t => "table " + t.Key, t => t.Value.Count)
            .Concat(Queues.ToDictionary(q => "queue " + q.Key, q => q.Value.Count))
            .Concat(Blobs.ToDictionary(b => "container " + b.Key, b => b.Value.Count))
            .ToDictionary();

    /// <summary>Every place <paramref name="needle"/> occurs: a property of an entity, a queue message, a blob's name or bytes.</summary>
    public IEnumerable<string> Find(string needle)
    {
        foreach (var (table, rows) in Tables)
            foreach (var row in rows)
                foreach (var (key, value) in row)
                    if ((value?.ToString() ?? "").Contains(needle, StringComparison.Ordinal) || row.PartitionKey.Contains(needle) || row.RowKey.Contains(needle))
                        yield return $"{table} {row.PartitionKey}/{row.RowKey} {key}";
        foreach (var (queue, messages) in Queues)
            foreach (var m in messages.Where(m => m.Contains(needle, StringComparison.Ordinal)))
                yield return $"queue {queue}";
        foreach (var (container, list) in Blobs)
            foreach (var (name, content) in list)
                if (name.Contains(needle, StringComparison.Ordinal) || Encoding.UTF8.GetString(content).Contains(needle, StringComparison.Ordinal))
                    yield return $"blob {container}/{name}";
    }

    private static string Decode(string body)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(body)); }
        catch (FormatException) { return body; }
    }
}
