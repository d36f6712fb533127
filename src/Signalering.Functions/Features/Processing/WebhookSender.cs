using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Processing;

/// <summary>One webhook delivery: the organisation message of a new or escalated signal, and which attempt this is.</summary>
public sealed record WebhookDelivery(string DeliveryId, string OrganisationId, string Event, OrganisationMessage Message, int Attempt = 1);

/// <summary>
/// Notifies organisations' own systems. Queueing a delivery never blocks or fails routing (the organisation's queue
/// message is the durable channel; the webhook is a courtesy). Each POST carries
/// <c>X-Signalering-Event</c>, <c>X-Signalering-Delivery</c> (the same on every retry, so a receiver drops repeats),
/// <c>X-Signalering-Timestamp</c> and <c>X-Signalering-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))</c>.
/// A delivery id is posted once (<see cref="WebhookTable.ClaimDeliveryAsync"/>); only a worker that dies between a
/// successful POST and its mark posts it again, after the lease.
/// A failed POST is queued again after 30 s, 1, 2, 4 … minutes (at most an hour), eight attempts in all, then goes to
/// <c>webhooks-poison</c> for an operator (docs/operations.md).
/// </summary>
public sealed class WebhookSender(WebhookTable hooks, SignalQueues queues, IHttpClientFactory http, TimeProvider time, ILogger<WebhookSender> log)
{
    public const string Queue = "webhooks";
    public const int MaxAttempts = 8;

    /// <summary>Queues a delivery when the organisation registered a webhook. Throws when it could not (the outbox retries).</summary>
    public async Task EnqueueAsync(string eventName, OrganisationMessage message, CancellationToken ct)
    {
        if (await hooks.GetAsync(message.OrganisationId, ct) is null) return;
        await queues.SendAsync(Queue, new WebhookDelivery($"{message.MessageId}:{eventName}", message.OrganisationId, eventName, message), ct);
    }

    /// <summary>Queues a delivery when the organisation registered a webhook. Never throws.</summary>
    public async Task QueueAsync(string eventName, OrganisationMessage message, CancellationToken ct)
    {
        try
        {
            await EnqueueAsync(eventName, message, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Queueing the webhook for {Code} to {Organisation} failed; the queue message stands", message.TrackingCode, message.OrganisationId);
        }
    }

    public static string Sign(string secret, string timestamp, string body) =>
        "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(secret), Encoding.UTF8.GetBytes(timestamp + "." + body)));

    /// <summary>How long a worker holds a delivery while posting it: far longer than the POST's 10 s timeout.</summary>
    public static readonly TimeSpan DeliveryLease = TimeSpan.FromMinutes(2);

    public async Task DeliverAsync(WebhookDelivery delivery, CancellationToken ct)
    {
        var hook = await hooks.GetAsync(delivery.OrganisationId, ct);
        if (hook is null) return; // unregistered since: nothing to do
        // A queue message can come twice (its delete failed, or its visibility ran out mid-run): post each delivery id once.
        switch (await hooks.ClaimDeliveryAsync(delivery.DeliveryId, time.GetUtcNow(), DeliveryLease, ct))
        {
            case (DeliveryClaim.Delivered, _):
                log.LogInformation("Webhook {Delivery} was posted before; not again", delivery.DeliveryId);
                return;
            case (DeliveryClaim.Busy, var wait):
                await queues.SendAsync(Queue, delivery, ct, wait);
                return;
        }
        var body = JsonSerializer.Serialize(delivery.Message, JsonSerializerOptions.Web);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Signalering-Event", delivery.Event);
        request.Headers.Add("X-Signalering-Delivery", delivery.DeliveryId);
        request.Headers.Add("X-Signalering-Timestamp", timestamp);
        request.Headers.Add("X-Signalering-Signature", Sign(hook.Secret, timestamp, body));
        string? failure;
        try
        {
            using var response = await http.CreateClient(Queue).SendAsync(request, ct);
            failure = response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            failure = e.Message;
        }
        if (failure is null)
        {
            await hooks.MarkDeliveredAsync(delivery.DeliveryId, time.GetUtcNow(), ct);
            return;
        }
        await hooks.ReleaseDeliveryAsync(delivery.DeliveryId, ct);

        var next = delivery with { Attempt = delivery.Attempt + 1 };
        if (next.Attempt > MaxAttempts)
        {
            log.LogError("Webhook {Delivery} to {Organisation} failed {Attempts} times ({Failure}); moved to {Queue}-poison",
                delivery.DeliveryId, delivery.OrganisationId, MaxAttempts, failure, Queue);
            await queues.SendAsync(QueueNames.Poison(Queue), next, ct);
            return;
        }
        var delay = TimeSpan.FromSeconds(Math.Min(30 * Math.Pow(2, delivery.Attempt - 1), 3600));
        log.LogWarning("Webhook {Delivery} to {Organisation} failed ({Failure}); attempt {Next} in {Delay}", delivery.DeliveryId,
            delivery.OrganisationId, failure, next.Attempt, delay);
        await queues.SendAsync(Queue, next, ct, delay);
    }
}
