using Microsoft.Azure.Functions.Worker;
using Signalering.Domain.Signals;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Notifications;

/// <summary>The notification functions: one per route, each handing its request to <see cref="SignaleringHttp"/> with its handler.</summary>
public sealed class NotificationsFunctions(SignaleringHttp http)
{
    [Function("ServiceWorker")]
    public IResult ServiceWorker([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sw.js")] HttpRequest req) => http.Run(req, NotificationsApi.ServiceWorker);

    [Function("SubscribePush")]
    public IResult SubscribePush([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/signals/{trackingCode}/push")] HttpRequest req) =>
        http.Run(req, NotificationsApi.SubscribeAsync);
}

/// <summary>Sends a signal's news to the phones that asked for it (queued by the inbox after a step the resident sees).</summary>
public sealed class NotifyResidentTrigger(ResidentNotifier notifier)
{
    [Function("NotifyResident")]
    public Task NotifyResident([QueueTrigger(ResidentNotifier.Queue, Connection = "AzureWebJobsStorage")] string message, CancellationToken cancellationToken)
    {
        var work = System.Text.Json.JsonSerializer.Deserialize<Infrastructure.Queues.SignalWorkMessage>(message, System.Text.Json.JsonSerializerOptions.Web);
        // A message that names no signal is nobody's news: nothing to retry.
        return TrackingCode.TryParse(work?.TrackingCode, out var code) ? notifier.NotifyAsync(code, cancellationToken) : Task.CompletedTask;
    }
}
