using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Signalering.Functions.Extensions;

namespace Signalering.Functions.Hosting;

/// <summary>The isolated worker as the Functions host starts it (func start, Azure): the same services and function classes.</summary>
public static class WorkerComposition
{
    /// <summary>
    /// True when the Functions host started this process: it passes its gRPC endpoint as <c>--functions-uri</c>
    /// (the worker SDK maps it to Functions:Worker:HostEndpoint, which may also come from the environment). Without
    /// it the worker cannot start, so the app runs in the local composition instead.
    /// </summary>
    public static bool UnderFunctionsHost(string[] args) =>
        args.Contains("--functions-uri", StringComparer.Ordinal)
        || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("Functions__Worker__HostEndpoint"));

    /// <param name="settings">Configuration added before the services are registered (tests).</param>
    public static FunctionsApplicationBuilder CreateBuilder(string[] args, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.ConfigureFunctionsWebApplication();
        builder.AddSignaleringServices();
        // The worker's invocation spans and resource attributes on top of the app's own OpenTelemetry setup, when
        // something exports them (the same rule as the app's own providers: spans nobody reads are not recorded).
        if (Telemetry.TelemetryExtensions.Exports(builder.Configuration))
            builder.Services.AddOpenTelemetry().UseFunctionsWorkerDefaults();
        return builder;
    }
}
