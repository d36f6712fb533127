using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using Signalering.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Hosting;

/// <summary>
/// Runs one queue function outside the Functions host (local runs, tests) with the host's semantics from host.json:
/// batches of batchSize, a new batch once no more than newBatchThreshold are in flight, randomised exponential
/// back-off up to maxPollingInterval when the queue is empty (and an immediate poll after our own enqueue), base64
/// decoding with undecodable messages sent straight to poison, failed messages made visible again after
/// visibilityTimeout, and after maxDequeueCount failed deliveries a move to <c>{queue}-poison</c>.
/// </summary>
public sealed class LocalQueueListener(
    FunctionDefinition function,
    HostJsonSettings settings,
    IServiceProvider services,
    StorageClients clients,
    SignalQueues queues,
    ILogger<LocalQueueListener> log) : BackgroundService
{
    private static readonly TimeSpan MinPollingInterval = TimeSpan.FromMilliseconds(100);
    // As the SDK's listener: messages are held for 10 minutes while the function runs.
    private static readonly TimeSpan ReceiveVisibility = TimeSpan.FromMinutes(10);
    private readonly SemaphoreSlim _wake = new(0, 1);
    private QueueClient? _poison;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var queueName = function.QueueName!;
        var queue = clients.Queue(queueName, base64: false);
        await CreateWithRetryAsync(queue, stoppingToken);
        queues.Enqueued += OnEnqueued;
        var inFlight = new HashSet<Task>();
        var delay = MinPollingInterval;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                inFlight.RemoveWhere(t => t.IsCompleted);
                if (inFlight.Count > settings.NewBatchThreshold)
                {
                    await Task.WhenAny(inFlight);
                    continue;
                }
                QueueMessage[] messages;
                try
                {
                    // Polling is not part of any signal's journey (the function's consumer span is): without this an idle
                    // app writes a span for every poll and its HTTP call, thousands an hour, and the journeys drown.
                    // Under the Functions host the host polls, so this only concerns the local composition.
                    using (OpenTelemetry.SuppressInstrumentationScope.Begin())
                        messages = (await queue.ReceiveMessagesAsync(settings.BatchSize, ReceiveVisibility, stoppingToken)).Value;
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    // Any failure (the SDK's retries end in an AggregateException): log it, back off, keep listening.
                    log.LogWarning(e, "Receiving from {Queue} failed; backing off", queueName);
                    messages = [];
                }
                if (messages.Length == 0)
                {
                    var wait = TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * delay.TotalMilliseconds + MinPollingInterval.TotalMilliseconds / 2);
                    await _wake.WaitAsync(wait, stoppingToken);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, settings.MaxPollingInterval.Ticks));
                    continue;
                }
                delay = MinPollingInterval;
                foreach (var message in messages) inFlight.Add(ProcessAsync(queue, message, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            queues.Enqueued -= OnEnqueued;
            await Task.WhenAll(inFlight);
        }
    }

    private void OnEnqueued(string queue)
    {
        if (queue == function.QueueName && _wake.CurrentCount == 0)
        {
            try { _wake.Release(); } catch (SemaphoreFullException) { }
        }
    }

    private async Task ProcessAsync(QueueClient queue, QueueMessage message, CancellationToken ct)
    {
        try
        {
            if (message.DequeueCount > settings.MaxDequeueCount)
            {
                await MoveToPoisonAsync(queue, message, ct);
                return;
            }
            string text;
            if (!settings.Base64Messages) text = message.MessageText;
            else if (!TryDecodeBase64(message.MessageText, out text))
            {
                // As the host does: a message that is not base64 can never succeed, so it goes to poison at once.
                log.LogWarning("Message {MessageId} on {Queue} is not base64; moved to poison", message.MessageId, queue.Name);
                await MoveToPoisonAsync(queue, message, ct);
                return;
            }
            try
            {
                await using var scope = services.CreateAsyncScope();
                await function.InvokeAsync(scope.ServiceProvider, text, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "{Function} failed on message {MessageId} (delivery {DequeueCount} of {Max})",
                    function.Name, message.MessageId, message.DequeueCount, settings.MaxDequeueCount);
                if (message.DequeueCount >= settings.MaxDequeueCount) await MoveToPoisonAsync(queue, message, ct);
                else await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: settings.VisibilityTimeout, cancellationToken: ct);
                return;
            }
            await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        catch (Exception e)
        {
            // Deleting or updating failed (the message's lease ran out, storage hiccup): it comes back by itself.
            log.LogWarning(e, "Settling message {MessageId} on {Queue} failed", message.MessageId, queue.Name);
        }
    }

    private async Task MoveToPoisonAsync(QueueClient queue, QueueMessage message, CancellationToken ct)
    {
        var poisonName = QueueNames.Poison(function.QueueName!);
        if (function.QueueName!.EndsWith("-poison", StringComparison.Ordinal) || clients.Prefix.Length + poisonName.Length > 63)
            return; // no poison queue for these, as in the host: the message stays invisible until its lease ends
        if (_poison is null)
        {
            var poison = clients.Queue(poisonName, base64: false);
            await poison.CreateIfNotExistsAsync(cancellationToken: ct);
            _poison = poison;
        }
        await _poison.SendMessageAsync(message.MessageText, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
        Telemetry.SignaleringTelemetry.MessagesPoisoned.Add(1, new KeyValuePair<string, object?>("queue", function.QueueName));
        log.LogError("Message {MessageId} moved to {Poison} after {DequeueCount} deliveries", message.MessageId, poisonName, message.DequeueCount);
    }

    private static bool TryDecodeBase64(string text, out string decoded)
    {
        decoded = "";
        var buffer = new byte[text.Length];
        if (!Convert.TryFromBase64String(text, buffer, out var n)) return false;
        try
        {
            decoded = new System.Text.UTF8Encoding(false, true).GetString(buffer, 0, n);
            return true;
        }
        catch (System.Text.DecoderFallbackException) { return false; }
    }

    private async Task CreateWithRetryAsync(QueueClient queue, CancellationToken ct)
    {
        // However long storage is away, the listener waits for it (pauses doubling to 30 s) instead of dying.
        var pause = TimeSpan.FromSeconds(1);
        for (var attempt = 1; ; attempt++)
        {
            try { await queue.CreateIfNotExistsAsync(cancellationToken: ct); return; }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Queue {Queue} not reachable yet (attempt {Attempt}); trying again in {Pause}", queue.Name, attempt, pause);
                await Task.Delay(pause, ct);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }
}
