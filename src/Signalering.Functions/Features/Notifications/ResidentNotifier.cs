using System.Net;
using System.Text.Json;
using Lib.Net.Http.WebPush;
using Lib.Net.Http.WebPush.Authentication;
using Microsoft.Extensions.Options;
using Signalering.Domain.Languages;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Notifications;

/// <summary>
/// Tells a resident's phones "there is news about your report" when a coordinator's step changed what their status
/// page says (<see cref="ResidentNews"/>). Rule and action are split by a queue: the inbox only queues the code
/// (<see cref="QueueAsync"/>, never failing its save); the <c>NotifyResident</c> function sends. The message holds
/// that one sentence in the phone's language and the status page's address, encrypted for the phone (RFC 8291,
/// aes128gcm) and signed with the site's VAPID key (RFC 8292) — never what happened, never the resident's words.
/// A push service answering 404 or 410 means the subscription is gone: it is deleted. 429 and 5xx are tried again
/// by the queue; other refusals are logged and dropped (the status page says it all anyway).
/// </summary>
public sealed class ResidentNotifier(PushSubscriptionTable subscriptions, SignalQueues queues, IHttpClientFactory http,
    IOptions<WebPushOptions> options, ILogger<ResidentNotifier> log)
{
    public const string Queue = "resident-news";

    /// <summary>Queues the news for <paramref name="code"/> when push is on. Never throws: the status page is the durable channel.</summary>
    public async Task QueueAsync(TrackingCode code, CancellationToken ct)
    {
        if (!options.Value.Enabled) return;
        try { await queues.SendAsync(Queue, new SignalWorkMessage(code.Value, SignalQueues.CurrentTraceParent()), ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "Queueing the news for {Code} failed; the status page shows it", code.Value);
        }
    }

    public async Task NotifyAsync(TrackingCode code, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return;
        var rows = await subscriptions.ListAsync(code, ct);
        if (rows.Count == 0) return;
        using var vapid = new VapidAuthentication(o.PublicKey, o.PrivateKey) { Subject = o.Subject };
        var client = new PushServiceClient(http.CreateClient(Queue))
        {
            DefaultAuthentication = vapid,
            DefaultAuthenticationScheme = VapidAuthenticationScheme.Vapid,
            // The queue retries with its own back-off; a worker does not sleep on a push service's Retry-After.
            AutoRetryAfter = false,
        };
        Exception? retry = null;
        foreach (var row in rows)
        {
            var subscription = new PushSubscription { Endpoint = row.Endpoint.AbsoluteUri };
            subscription.SetKey(PushEncryptionKeyName.P256DH, row.P256dh);
            subscription.SetKey(PushEncryptionKeyName.Auth, row.Auth);
            var message = new PushMessage(Payload(code, row.Language))
            {
                TimeToLive = (int)o.TimeToLive.TotalSeconds,
                Urgency = PushMessageUrgency.Normal,
                // One waiting message per signal: a phone that was off gets the news once, not once per step.
                Topic = code.Value,
            };
            try
            {
                await client.RequestPushMessageDeliveryAsync(subscription, message, ct);
            }
            catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
            {
                await subscriptions.DeleteAsync(code, row.Endpoint, ct);
            }
            catch (PushServiceClientException e) when (e.StatusCode is HttpStatusCode.TooManyRequests || (int)e.StatusCode >= 500)
            {
                retry = e;
            }
            catch (PushServiceClientException e)
            {
                log.LogWarning("The push service refused the news for {Code}: {Status}", code.Value, (int)e.StatusCode);
            }
            catch (HttpRequestException e)
            {
                retry = e;
            }
        }
        if (retry is not null) throw new InvalidOperationException($"A push service for {code.Value} did not take the news; the queue tries again.", retry);
    }

    /// <summary>What the service worker shows: the one sentence, in the phone's language and direction, and where tapping leads.</summary>
    public static string Payload(TrackingCode code, string language) => JsonSerializer.Serialize(new
    {
        title = ResidentTexts.Default.Get(language, "push.news"),
        lang = language,
        dir = FormLanguages.Get(language).RightToLeft ? "rtl" : "ltr",
        url = $"/s/{code.Value}?lang={language}",
    });
}
