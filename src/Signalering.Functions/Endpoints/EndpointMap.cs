namespace Signalering.Functions.Endpoints;

public static class EndpointMap
{
    /// <summary>Every endpoint behind the HTTP functions (see Hosting/SignaleringHttp.cs and Triggers/HttpTriggers.cs).</summary>
    public static IEndpointRouteBuilder MapSignaleringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapHealthEndpoints();
        return app;
    }
}
