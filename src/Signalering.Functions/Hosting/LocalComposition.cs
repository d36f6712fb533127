namespace Signalering.Functions.Hosting;

/// <summary>
/// The same functions without the Functions host (scripts/run.sh, the tests): an ASP.NET Core app that maps each
/// HTTP function on its own route and methods, and runs the queue and timer functions with host.json's semantics.
/// </summary>
public static class LocalComposition
{
    public static WebApplicationBuilder AddLocalComposition(this WebApplicationBuilder builder)
    {
        builder.Services.AddHostedService<LocalTriggers>();
        return builder;
    }

    /// <summary>Maps every HTTP function on its <c>[HttpTrigger]</c> route and methods, as the worker's endpoint data source does.</summary>
    public static IEndpointRouteBuilder MapFunctions(this IEndpointRouteBuilder app)
    {
        var configuration = app.ServiceProvider.GetRequiredService<IConfiguration>();
        foreach (var function in FunctionCatalog.Functions.Where(f => f.Trigger == TriggerKind.Http && !IsDisabled(configuration, f.Name)))
            // The root function's route is "/" itself; every other route is relative.
            app.MapMethods("/" + function.Route!.TrimStart('/'), function.Methods, async context =>
                {
                    var result = await function.InvokeAsync(context.RequestServices, context.Request, context.RequestAborted);
                    if (result is not IResult answer) throw new InvalidOperationException($"Function {function.Name} returned no IResult.");
                    await answer.ExecuteAsync(context);
                })
                .WithDisplayName(function.Name)
                .WithMetadata(function);
        // No function for this path: say so as problem+json, as every other refusal does (the host answers its own 404).
        app.MapFallback("{*path}", () => Results.Problem(title: "Not found.", detail: "No such address.", statusCode: StatusCodes.Status404NotFound));
        return app;
    }

    /// <summary>
    /// The host's own switch, honoured here too: the app setting <c>AzureWebJobs.{name}.Disabled</c> = true (as an
    /// environment variable also <c>AzureWebJobs__{name}__Disabled</c>) keeps a function's trigger from running; a
    /// disabled HTTP function answers 404. Operators use it to stop one timer without a deployment; the benchmark
    /// uses it to see what one background function costs.
    /// </summary>
    internal static bool IsDisabled(IConfiguration configuration, string name) =>
        configuration.GetValue($"AzureWebJobs.{name}.Disabled", false) || configuration.GetValue($"AzureWebJobs:{name}:Disabled", false);
}

/// <summary>
/// Runs every queue and timer function in-process, unless Functions:RunTriggersLocally is false (tests that deliver
/// messages themselves). Queue settings come from host.json in Functions:ScriptRoot, or beside the app.
/// </summary>
internal sealed class LocalTriggers(IServiceProvider services, IConfiguration configuration) : IHostedService
{
    private readonly List<BackgroundService> _running = [];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!configuration.GetValue("Functions:RunTriggersLocally", true)) return;
        var host = HostJsonSettings.Load(configuration["Functions:ScriptRoot"] ?? AppContext.BaseDirectory);
        foreach (var function in FunctionCatalog.Functions.Where(f => !LocalComposition.IsDisabled(configuration, f.Name)))
        {
            BackgroundService? runner = function.Trigger switch
            {
                TriggerKind.Queue => ActivatorUtilities.CreateInstance<LocalQueueListener>(services, function, host),
                TriggerKind.Timer => ActivatorUtilities.CreateInstance<LocalTimerRunner>(services, function),
                _ => null,
            };
            if (runner is null) continue;
            _running.Add(runner);
            await runner.StartAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(_running.Select(r => r.StopAsync(cancellationToken)));
}
