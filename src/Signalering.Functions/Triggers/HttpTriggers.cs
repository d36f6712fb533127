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

    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest req) => http.Handle(req);
}
