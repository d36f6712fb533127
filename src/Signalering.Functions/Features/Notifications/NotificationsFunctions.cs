using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Notifications;

/// <summary>The notification functions: one per route, each handing its request to <see cref="SignaleringHttp"/> with its handler.</summary>
public sealed class NotificationsFunctions(SignaleringHttp http)
{
    [Function("ServiceWorker")]
    public IResult ServiceWorker([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "sw.js")] HttpRequest req) => http.Run(req, NotificationsApi.ServiceWorker);
}
