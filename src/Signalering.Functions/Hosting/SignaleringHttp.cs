using System.Collections.Concurrent;
using Signalering.Functions.Security;

namespace Signalering.Functions.Hosting;

/// <summary>
/// The one door every HTTP function goes through, under the Functions host and in the local composition alike.
/// Inside the isolated worker only worker middleware exists: ASP.NET Core integration gives each function the
/// request, routed to it by the function's own route, but no place for our own ASP.NET Core middleware
/// (Azure/azure-functions-dotnet-worker#1375). So each function hands its request and its handler to this small
/// pipeline — forwarded headers, compression, exception → problem+json, status-code pages, authentication and
/// authorization from the handler's own attributes — which then runs the handler with minimal-API parameter binding
/// (route values, query, form, JSON body, services). Both compositions run the same middleware in the same order (ADR 0006).
/// </summary>
public sealed class SignaleringHttp(IServiceProvider services)
{
    private const string EndpointItem = "signalering.endpoint";
    private readonly Lazy<RequestDelegate> _pipeline = new(() => Build(services));
    private readonly ConcurrentDictionary<Delegate, Endpoint> _endpoints = new();

    /// <summary>
    /// The answer an HTTP function returns (an <see cref="IResult"/>, which the worker executes): the request run
    /// through the pipeline to <paramref name="handler"/>, a static method (or a lambda that captures nothing) whose
    /// attributes — <c>[Authorize]</c>, <c>[AllowAnonymous]</c> — apply as they would on a minimal-API endpoint.
    /// </summary>
    public IResult Run(HttpRequest request, Delegate handler) => new PipelineResult(_pipeline.Value, EndpointFor(handler));

    /// <summary>The endpoint a handler becomes (for tests that inspect what a function requires).</summary>
    public Endpoint EndpointFor(Delegate handler) => _endpoints.GetOrAdd(handler, h =>
    {
        var method = h.Method;
        var attributes = (method.DeclaringType?.GetCustomAttributes(inherit: true) ?? []).Concat(method.GetCustomAttributes(inherit: true));
        var built = RequestDelegateFactory.Create(h, new RequestDelegateFactoryOptions { ServiceProvider = services });
        return new Endpoint(built.RequestDelegate, new EndpointMetadataCollection(attributes.Concat(built.EndpointMetadata)), method.Name);
    });

    private static RequestDelegate Build(IServiceProvider services)
    {
        var app = new ApplicationBuilder(services);
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        app.UseResponseCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // The function's route has already chosen the handler: it becomes the endpoint that authorization reads.
        app.Use((context, next) =>
        {
            context.SetEndpoint((Endpoint)context.Items[EndpointItem]!);
            return next(context);
        });
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseMiddleware<Security.AntiforgeryCheck>();
        app.Run(context => context.GetEndpoint()!.RequestDelegate!(context));
        return app.Build();
    }

    private sealed class PipelineResult(RequestDelegate pipeline, Endpoint endpoint) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            // The function's own endpoint carries its route: telemetry names the request span after it when the request ends.
            var routed = context.GetEndpoint();
            context.Items[EndpointItem] = endpoint;
            try { await pipeline(context); }
            finally
            {
                if (routed is not null) context.SetEndpoint(routed);
                // Name the request's span after the function's route, whatever the telemetry package finds at the end.
                if (routed is RouteEndpoint { RoutePattern.RawText: { } route } && System.Diagnostics.Activity.Current is { Kind: System.Diagnostics.ActivityKind.Server } span)
                {
                    span.DisplayName = $"{context.Request.Method} {route}";
                    span.SetTag("http.route", route);
                }
            }
        }
    }
}
