using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Triggers;

/// <summary>
/// The HTTP functions: their names, routes and methods are the list the Functions host serves (the worker SDK writes
/// them to functions.metadata) and the local composition maps. host.json sets the route prefix to empty, so a route
/// here is the URL path. Each hands its request to <see cref="SignaleringHttp"/>, which runs the shared middleware
/// and the endpoint in Endpoints/ that answers it.
/// </summary>
public sealed class HttpTriggers(SignaleringHttp http)
{
    /// <summary>Reference data, QR tokens, queues and poison replay, report rebuilds: the Functions host's admin key as well as the app's own checks.</summary>
    [Function("Admin")]
    public IResult Admin([HttpTrigger(AuthorizationLevel.Admin, "get", "put", "post", "delete", Route = "api/admin/{*path}")] HttpRequest req) => http.Handle(req);

    [Function("AdminPages")]
    public IResult AdminPages([HttpTrigger(AuthorizationLevel.Admin, "get", "post", Route = "admin/{*path}")] HttpRequest req) => http.Handle(req);


    [Function("Inbox")]
    public IResult Inbox([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "api/inbox/{*path}")] HttpRequest req) => http.Handle(req);

    [Function("InboxPage")]
    public IResult InboxPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "inbox/{*path}")] HttpRequest req) => http.Handle(req);

    [Function("Reports")]
    public IResult Reports([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/{*path}")] HttpRequest req) => http.Handle(req);

    [Function("ReportsPage")]
    public IResult ReportsPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "rapportage/{*path}")] HttpRequest req) => http.Handle(req);

    [Function("Open311")]
    public IResult Open311([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/{*path}")] HttpRequest req) => http.Handle(req);

    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest req) => http.Handle(req);

    [Function("Expertpool")]
    public IResult Expertpool([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", "put", Route = "api/expertpool/{*path}")] HttpRequest req) => http.Handle(req);

    [Function("ExpertpoolPages")]
    public IResult ExpertpoolPages([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "e/{*path}")] HttpRequest req) => http.Handle(req);
}
