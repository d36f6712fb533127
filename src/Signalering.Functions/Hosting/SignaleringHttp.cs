using Microsoft.AspNetCore.Routing;
using Signalering.Functions.Endpoints;

namespace Signalering.Functions.Hosting;

/// <summary>
/// The one door every HTTP function goes through, under the Functions host and in the local composition alike.
/// Inside the isolated worker only worker middleware exists: ASP.NET Core integration gives each function the
/// request, but no place for our own ASP.NET Core middleware (Azure/azure-functions-dotnet-worker#1375; the SDK's
/// pipeline is forwarded headers, routing to the function, nothing else). So the function hands its request to this
/// small pipeline of its own — forwarded headers, compression, exception → problem+json, status-code pages,
/// authentication and authorization — which routes it to the endpoint in Endpoints/ that answers it. Both
/// compositions therefore run the same middleware in the same order (ADR 0006).
/// </summary>
public sealed class SignaleringHttp(IServiceProvider services)
{
    private readonly Lazy<(RequestDelegate Pipeline, IReadOnlyList<EndpointDataSource> Sources)> _built = new(() => Build(services));

    /// <summary>The answer an HTTP function returns: running the request through the pipeline (an <see cref="IResult"/>, which the worker executes).</summary>
    public IResult Handle(HttpRequest request) => new PipelineResult(_built.Value.Pipeline);

    /// <summary>The endpoints behind the functions (for the test that every one is reachable through a function's route).</summary>
    public IReadOnlyList<RouteEndpoint> Endpoints => _built.Value.Sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>().ToList();

    private static (RequestDelegate, IReadOnlyList<EndpointDataSource>) Build(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        IReadOnlyList<EndpointDataSource> sources = [];
        app.UseForwardedHeaders();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapSignaleringEndpoints();
            sources = endpoints.DataSources.ToList();
        });
        return (app.Build(), sources);
    }

    private sealed class PipelineResult(RequestDelegate pipeline) : IResult
    {
        public Task ExecuteAsync(HttpContext context)
        {
            // The function's own route has matched (in the worker's routing or ours); match again among the endpoints.
            context.SetEndpoint(null);
            context.Request.RouteValues.Clear();
            return pipeline(context);
        }
    }
}
