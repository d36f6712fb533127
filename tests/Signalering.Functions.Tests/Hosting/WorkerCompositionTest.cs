using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Signalering.Functions.Hosting;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>
/// The isolated worker as the Functions host would start it, built but not started (it cannot start without the
/// host's gRPC endpoint): every function class and its constructor dependencies resolve from its services.
/// </summary>
public sealed class WorkerCompositionTest
{
    [Fact]
    public async Task WorkerHost_Built_ResolvesEveryFunctionClassAndItsDependencies()
    {
        using var host = WorkerComposition.CreateBuilder([], Settings()).Build();

        var classes = FunctionCatalog.Functions.Select(f => f.Method.DeclaringType!).Distinct().ToList();
        Assert.Contains(classes, c => c.Name == "HealthFunctions");
        await using var scope = host.Services.CreateAsyncScope();
        foreach (var type in classes)
            Assert.NotNull(ActivatorUtilities.CreateInstance(scope.ServiceProvider, type));
        // The worker's own services are there: the function metadata it sends the host.
        Assert.NotNull(host.Services.GetService<Microsoft.Azure.Functions.Worker.Core.FunctionMetadata.IFunctionMetadataProvider>());
    }

    [Fact]
    public void WorkerHost_RecordsTelemetryOnlyWhenSomethingExportsIt()
    {
        // The same rule as the local composition (TraceTest): spans nobody exports are not recorded.
        using (var quiet = WorkerComposition.CreateBuilder([], Settings()).Build())
            Assert.Null(quiet.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        var console = Settings();
        console["Telemetry:Console"] = "true";
        using var exporting = WorkerComposition.CreateBuilder([], console).Build();
        Assert.NotNull(exporting.Services.GetService<OpenTelemetry.Trace.TracerProvider>());
        Assert.NotNull(exporting.Services.GetService<OpenTelemetry.Metrics.MeterProvider>());
    }

    private static Dictionary<string, string?> Settings() => new()
    {
        ["Storage:ConnectionString"] = Azurite.Shared.ConnectionString,
        ["Storage:Prefix"] = "w" + Guid.NewGuid().ToString("N")[..8],
        ["Signals:TrackingCodeSecret"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 1)).ToArray()),
        ["QrTokens:ActiveKeyId"] = "k1",
        ["QrTokens:Keys:k1"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 2)).ToArray()),
        ["Expertpool:PseudonymKey"] = Convert.ToBase64String(new byte[32].Select((_, i) => (byte)(i + 3)).ToArray()),
    };

    [Fact]
    public void Composition_IsTheWorkerOnlyWhenTheHostPassesItsEndpoint()
    {
        Assert.True(WorkerComposition.UnderFunctionsHost(["--functions-uri", "http://127.0.0.1:50051/", "--functions-worker-id", "w1"]));
        Assert.False(WorkerComposition.UnderFunctionsHost([]));
        Assert.False(WorkerComposition.UnderFunctionsHost(["--urls", "http://127.0.0.1:7071"]));
    }
}
