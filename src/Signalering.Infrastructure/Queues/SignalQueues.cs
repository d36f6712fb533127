using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Signalering.Domain.Signals;

namespace Signalering.Infrastructure.Queues;

/// <summary>
/// The message on the intake and translate queues: the code (handlers load the signal themselves) and the W3C
/// traceparent of whoever queued it, so processing joins the submission's trace.
/// </summary>
public sealed record SignalWorkMessage(string TrackingCode, string? TraceParent = null);

/// <summary>
/// Puts messages on the app's queues and on each organisation's queue (created on first use). Messages carry codes
/// and ids only: resident text and contact details stay in the table, behind the coordinator API.
/// </summary>
public sealed class SignalQueues(StorageClients clients)
{
    private readonly ConcurrentDictionary<string, Task<QueueClient>> _queues = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _scanGates = new();
    private readonly ConcurrentDictionary<string, QueueScan> _lastScans = new();

    /// <summary>Raised after a message was put on one of the app's queues, so a local listener can poll at once.</summary>
    public event Action<string>? Enqueued;

    public Task EnqueueIntakeAsync(TrackingCode code, CancellationToken ct) =>
        SendAsync(QueueNames.Intake, new SignalWorkMessage(code.Value, CurrentTraceParent()), ct);

    public Task EnqueueTranslationAsync(TrackingCode code, CancellationToken ct) =>
        SendAsync(QueueNames.Translate, new SignalWorkMessage(code.Value, CurrentTraceParent()), ct);

    public static string? CurrentTraceParent() =>
        System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C } a ? a.Id : null;

    public Task SendToOrganisationAsync(string queueName, OrganisationMessage message, CancellationToken ct) => SendAsync(queueName, message, ct);

    public async Task SendAsync<T>(string queue, T message, CancellationToken ct, TimeSpan? visibleAfter = null)
    {
        var client = await GetAsync(queue);
        // No expiry: an organisation that reads its queue late must still find every signal.
        await client.SendMessageAsync(JsonSerializer.Serialize(message, JsonSerializerOptions.Web), visibilityTimeout: visibleAfter,
            timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
        Enqueued?.Invoke(queue);
    }

    /// <summary>
    /// Whether an organisation's queue still holds the message with <paramref name="messageId"/>; null when the scan
    /// could not see the whole queue (messages hidden by someone else: a scan that died with its process, the
    /// organisation reading). Messages are read and hidden for at most <paramref name="hideFor"/> while the queue is
    /// scanned (peeking shows only the first 32), then made visible again at once; each read adds one to a message's
    /// dequeue count. Only asked after a worker died between a send and its confirmation, so this slow scan is rare.
    /// One scan of a queue at a time per instance (a scan cannot see what another has hidden), and its answer serves
    /// every question asked before it began: after a crash, each signal the dead worker left asks at once, and scanning
    /// the queue once per signal would take minutes.
    /// </summary>
    public async Task<bool?> HoldsAsync(string queueName, string messageId, TimeSpan hideFor, CancellationToken ct)
    {
        var asked = System.Diagnostics.Stopwatch.GetTimestamp();
        var client = await GetAsync(queueName);
        var gate = _scanGates.GetOrAdd(queueName, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (!_lastScans.TryGetValue(queueName, out var last) || last.StartedAt < asked)
                _lastScans[queueName] = last = await ScanAsync(client, hideFor, ct);
            return last.MessageIds.Contains(messageId) ? true : last.Whole ? false : null;
        }
        finally { gate.Release(); }
    }

    private sealed record QueueScan(long StartedAt, HashSet<string> MessageIds, bool Whole);

    /// <summary>The <c>messageId</c> of every message on the queue, each read once and shown again after.</summary>
    private static async Task<QueueScan> ScanAsync(QueueClient client, TimeSpan hideFor, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, string>(); // queue message id → its latest pop receipt, to show it again
        bool whole;
        try
        {
            var roundAgain = false;
            while (!roundAgain)
            {
                var batch = (await client.ReceiveMessagesAsync(32, hideFor, ct)).Value;
                if (batch.Length == 0) break;
                foreach (var m in batch)
                {
                    // A scan slower than hideFor meets the first messages again: the whole queue has been seen.
                    roundAgain |= !seen.TryAdd(m.MessageId, m.PopReceipt);
                    seen[m.MessageId] = m.PopReceipt;
                    try
                    {
                        using var json = JsonDocument.Parse(m.Body.ToString());
                        if (json.RootElement.TryGetProperty("messageId", out var id) && id.GetString() is { } value) ids.Add(value);
                    }
                    catch (JsonException) { } // not ours to judge
                }
            }
            // The count includes hidden messages. What this scan hides no one else can delete, and a message sent
            // after its last read only makes the count larger: fewer seen than counted means some were hidden from it.
            whole = seen.Count >= (await client.GetPropertiesAsync(ct)).Value.ApproximateMessagesCount;
        }
        finally
        {
            await Parallel.ForEachAsync(seen, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (m, _) =>
            {
                try { await client.UpdateMessageAsync(m.Key, m.Value, visibilityTimeout: TimeSpan.Zero, cancellationToken: CancellationToken.None); }
                catch (Azure.RequestFailedException) { } // deleted meanwhile, or it shows again when hideFor ends
            });
        }
        return new QueueScan(started, ids, whole);
    }

    /// <summary>Tells local listeners that <paramref name="queue"/> has new messages put there by other means.</summary>
    public void NotifyEnqueued(string queue) => Enqueued?.Invoke(queue);

    /// <summary>
    /// The queue's client, created on first use. Only a successful creation is remembered: a failed one (storage down
    /// for a moment) is forgotten, so the next use tries again instead of that queue failing for the life of the process.
    /// </summary>
    public async Task<QueueClient> GetAsync(string queue)
    {
        var creation = _queues.GetOrAdd(queue, async name =>
        {
            var client = clients.Queue(name);
            await client.CreateIfNotExistsAsync();
            return client;
        });
        try
        {
            return await creation;
        }
        catch
        {
            _queues.TryRemove(new KeyValuePair<string, Task<QueueClient>>(queue, creation));
            throw;
        }
    }
}
