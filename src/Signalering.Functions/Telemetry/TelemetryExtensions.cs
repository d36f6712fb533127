using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Signalering.Functions.Telemetry;

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces, metrics and logs. In Azure (APPLICATIONINSIGHTS_CONNECTION_STRING set) they go to
    /// Application Insights, authenticated with the managed identity when the authentication string asks for
    /// Entra ID (local auth is off in infra/). Locally, <c>Telemetry:Console=true</c>
    /// (<c>Telemetry__Console=true ./scripts/run.sh</c>) prints spans and metrics to the console.
    /// </summary>
    public static IHostApplicationBuilder AddSignaleringTelemetry(this IHostApplicationBuilder builder)
    {
        // The Azure SDK's own spans (each table and queue call) appear only with this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var config = builder.Configuration;
        var connectionString = config["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var appInsights = AppInsightsConfigured(config);
        var useEntraId = (config["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] ?? "").Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase);
        var console = ConsoleRequested(config);
        void AzureMonitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = connectionString;
            if (useEntraId) o.Credential = new DefaultAzureCredential();
        }

        // What is traced and measured, registered as configuration only: it applies once something creates the
        // providers. They are created only when something reads them (Application Insights, the console, or a test's own
        // exporter): recording spans nobody exports cost the app 2 ms of CPU per submit, 30% of its work
        // (docs/benchmarks.md, "Telemetry without an exporter").
        var resource = ResourceBuilder.CreateDefault().AddService("signalering", serviceInstanceId: Environment.MachineName);
        builder.Services.ConfigureOpenTelemetryTracerProvider(t =>
        {
            t.SetResourceBuilder(resource)
                .AddSource(SignaleringTelemetry.Name, "Azure.Data.Tables.*", "Azure.Storage.Queues.*")
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation();
            if (appInsights) t.AddAzureMonitorTraceExporter(AzureMonitor);
            if (console) t.AddConsoleExporter();
        });
        builder.Services.ConfigureOpenTelemetryMeterProvider(m =>
        {
            m.SetResourceBuilder(resource)
                .AddMeter(SignaleringTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (appInsights) m.AddAzureMonitorMetricExporter(AzureMonitor);
            if (console) m.AddConsoleExporter();
        });
        if (Exports(config))
            builder.Services.AddOpenTelemetry().WithTracing().WithMetrics();
        if (appInsights)
            builder.Logging.AddOpenTelemetry(l => l.AddAzureMonitorLogExporter(AzureMonitor));
        builder.Services.AddSingleton<QueueDepths>();
        return builder;
    }

    /// <summary>Whether anything reads the telemetry (Application Insights or the console): only then is it recorded.</summary>
    internal static bool Exports(IConfiguration config) => AppInsightsConfigured(config) || ConsoleRequested(config);

    private static bool AppInsightsConfigured(IConfiguration config) => !string.IsNullOrEmpty(config["APPLICATIONINSIGHTS_CONNECTION_STRING"]);

    private static bool ConsoleRequested(IConfiguration config) => config.GetValue("Telemetry:Console", false);
}
