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
    /// Entra ID (local auth is off in infra/). Locally, <c>Telemetry:Console=true</c> (scripts/run.sh sets it) prints
    /// spans and metrics to the console.
    /// </summary>
    public static IHostApplicationBuilder AddSignaleringTelemetry(this IHostApplicationBuilder builder)
    {
        // The Azure SDK's own spans (each table and queue call) appear only with this switch.
        AppContext.SetSwitch("Azure.Experimental.EnableActivitySource", true);
        var config = builder.Configuration;
        var connectionString = config["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var useEntraId = (config["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"] ?? "").Contains("Authorization=AAD", StringComparison.OrdinalIgnoreCase);
        var console = config.GetValue("Telemetry:Console", false);
        void AzureMonitor(AzureMonitorExporterOptions o)
        {
            o.ConnectionString = connectionString;
            if (useEntraId) o.Credential = new DefaultAzureCredential();
        }

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("signalering", serviceInstanceId: Environment.MachineName))
            .WithTracing(t =>
            {
                t.AddSource(SignaleringTelemetry.Name, "Azure.Data.Tables.*", "Azure.Storage.Queues.*")
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation();
                if (!string.IsNullOrEmpty(connectionString)) t.AddAzureMonitorTraceExporter(AzureMonitor);
                if (console) t.AddConsoleExporter();
            })
            .WithMetrics(m =>
            {
                m.AddMeter(SignaleringTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (!string.IsNullOrEmpty(connectionString)) m.AddAzureMonitorMetricExporter(AzureMonitor);
                if (console) m.AddConsoleExporter();
            });
        if (!string.IsNullOrEmpty(connectionString))
            builder.Logging.AddOpenTelemetry(l => l.AddAzureMonitorLogExporter(AzureMonitor));
        builder.Services.AddSingleton<QueueDepths>();
        return builder;
    }
}
