using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Status;

/// <summary>The status functions: one per route, each handing its request to <see cref="SignaleringHttp"/> with its handler.</summary>
public sealed class StatusFunctions(SignaleringHttp http)
{
    [Function("GetSignalStatus")]
    public IResult GetSignalStatus([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/signals/{trackingCode}")] HttpRequest req) =>
        http.Run(req, StatusApi.GetAsync);

    [Function("StatusEnterCode")]
    public IResult EnterCode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s")] HttpRequest req) => http.Run(req, StatusPages.EnterCode);

    [Function("StatusPage")]
    public IResult Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "s/{code}")] HttpRequest req) => http.Run(req, StatusPages.ShowAsync);

    [Function("StatusAnswer")]
    public IResult Answer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "s/{code}/answer")] HttpRequest req) => http.Run(req, StatusPages.AnswerAsync);

    [Function("StatusReply")]
    public IResult Reply([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "s/{code}/reply")] HttpRequest req) => http.Run(req, StatusPages.ReplyAsync);

    [Function("StatusMine")]
    public IResult Mine([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "m")] HttpRequest req) => http.Run(req, StatusPages.MineAsync);
}
