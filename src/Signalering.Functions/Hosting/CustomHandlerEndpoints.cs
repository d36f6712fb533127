using System.Text.Json;

namespace Signalering.Functions.Hosting;

/// <summary>
/// The custom-handler side of the Functions host contract: the readiness probe (<c>GET /</c>) and one
/// <c>POST /{FunctionName}</c> per queue or timer function, taking <c>{Data, Metadata}</c> and answering
/// <c>{Outputs, Logs, ReturnValue}</c>. HTTP functions are proxied by the host to their own routes.
/// </summary>
public static class CustomHandlerEndpoints
{
    public static IEndpointRouteBuilder MapCustomHandler(this IEndpointRouteBuilder app)
    {
        // The host probes GET / until it answers; anything will do, so answer cheaply and say what we are.
        app.MapGet("/", () => Results.Text("Signalering function handler")).ExcludeFromDescription();

        var manifest = app.ServiceProvider.GetRequiredService<FunctionManifest>();
        foreach (var function in manifest.Functions.Where(f => f.Trigger != TriggerKind.Http))
            app.MapPost("/" + function.Name, (HttpContext http, InvocationRequest request, IServiceProvider services, ILoggerFactory logs) =>
                InvokeAsync(function, request, services, logs.CreateLogger("Signalering.Invocation"), http.RequestAborted))
                .WithMetadata(new FunctionInvocationMetadata(function.Name))
                .ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> InvokeAsync(FunctionDefinition function, InvocationRequest request, IServiceProvider services,
        ILogger log, CancellationToken ct)
    {
        try
        {
            switch (function.Trigger)
            {
                case TriggerKind.Queue:
                    var handler = services.GetServices<IQueueFunction>().Single(f => f.Name == function.Name);
                    var message = request.Data.TryGetValue(function.TriggerBinding, out var d) ? InvocationPayload.MessageText(d) : null;
                    if (message is null) return Results.Problem($"Data.{function.TriggerBinding} is missing.", statusCode: 400);
                    var context = new QueueMessageContext(function.Name, InvocationPayload.MessageId(request.Metadata),
                        InvocationPayload.DequeueCount(request.Metadata), null);
                    await handler.RunAsync(message, context, ct);
                    break;
                case TriggerKind.Timer:
                    var timer = services.GetServices<ITimerFunction>().Single(f => f.Name == function.Name);
                    await timer.RunAsync(request.Data.TryGetValue(function.TriggerBinding, out var t) && InvocationPayload.IsPastDue(t), ct);
                    break;
            }
            return Results.Json(new InvocationResponse { Logs = [$"{function.Name} completed"] }, InvocationPayload.Json);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A non-2xx answer fails the invocation in the host, which then applies the queue's retry and poison rules.
            log.LogError(e, "Function {Function} failed", function.Name);
            return Results.Json(new InvocationResponse { Logs = [$"{function.Name} failed: {e.GetType().Name}"] }, InvocationPayload.Json,
                statusCode: 500);
        }
    }
}

/// <summary>Marks an endpoint as the invocation route of a non-HTTP function (the manifest test looks for it).</summary>
public sealed record FunctionInvocationMetadata(string FunctionName);
