using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Inbox;

/// <summary>The inbox functions: one per route, each handing its request to <see cref="SignaleringHttp"/> with its handler.</summary>
public sealed class InboxFunctions(SignaleringHttp http)
{
    [Function("Inbox")]
    public IResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inbox")] HttpRequest req) => http.Run(req, InboxApi.ListAsync);

    [Function("InboxSignal")]
    public IResult Signal([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/inbox/signals/{code}")] HttpRequest req) =>
        http.Run(req, InboxApi.DetailAsync);

    [Function("InboxAction")]
    public IResult Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/inbox/signals/{code}/{action}")] HttpRequest req) =>
        http.Run(req, InboxApi.ActAsync);

    [Function("InboxPage")]
    public IResult ListPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox")] HttpRequest req) => http.Run(req, InboxPages.ListAsync);

    [Function("InboxBulkPage")]
    public IResult BulkPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbox/bulk")] HttpRequest req) => http.Run(req, InboxPages.BulkAsync);

    [Function("InboxSignalPage")]
    public IResult SignalPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/signals/{code}")] HttpRequest req) =>
        http.Run(req, InboxPages.DetailAsync);

    [Function("InboxActionPage")]
    public IResult ActPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbox/signals/{code}/{action}")] HttpRequest req) =>
        http.Run(req, InboxPages.ActAsync);
}
