using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Functions.Hosting;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>
/// One source of truth: the functions.metadata the worker SDK generated from the [Function] attributes (what the
/// Functions host will serve) and what the local composition serves are the same functions, routes, methods,
/// queues and schedules; and every endpoint behind the HTTP functions is reachable through one of them.
/// </summary>
public sealed class FunctionMetadataTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    private sealed record Served(string Name, string Kind, string? Route, string Methods, string? Queue, string? Schedule);

    [Fact]
    public void GeneratedMetadata_MatchesWhatTheLocalCompositionServes()
    {
        var generated = ReadGeneratedMetadata();

        var http = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Function: e.Metadata.GetMetadata<FunctionDefinition>())).Where(x => x.Function is not null)
            // Routes are relative to the (empty) prefix, except the root's, which is "/" in both.
            .Select(x => new Served(x.Function!.Name, "httpTrigger", x.Endpoint.RoutePattern.RawText is "/" ? "/" : x.Endpoint.RoutePattern.RawText!.TrimStart('/'),
                Methods(x.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods), null, null));
        var triggers = FunctionCatalog.Functions.Where(f => f.Trigger != TriggerKind.Http)
            .Select(f => f.Trigger == TriggerKind.Queue
                ? new Served(f.Name, "queueTrigger", null, "", f.QueueName, null)
                : new Served(f.Name, "timerTrigger", null, "", null, f.Schedule));
        var local = http.Concat(triggers).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();

        Assert.Equal(FunctionCatalog.Functions.Count, generated.Count);
        Assert.True(generated.Count >= 24, $"Only {generated.Count} functions in functions.metadata.");
        Assert.Equal(generated, local);
    }

    [Fact]
    public void HostJson_HasNoCustomHandler_AnEmptyRoutePrefix_AndTheQueueSettings()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Find(), "host.json")));
        Assert.False(doc.RootElement.TryGetProperty("customHandler", out _));
        Assert.Equal("", doc.RootElement.GetProperty("extensions").GetProperty("http").GetProperty("routePrefix").GetString());
        var repo = HostJsonSettings.Load(RepoRoot.Find());
        Assert.Equal(16, repo.BatchSize);
        Assert.Equal(5, repo.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(10), repo.VisibilityTimeout);
        Assert.True(repo.Base64Messages);
    }

    [Fact]
    public void HostJson_QueueSettings_AreReadWithHostDefaults()
    {
        var s = HostJsonSettings.Parse("""{ "version": "2.0", "extensions": { "queues": { "batchSize": 8, "visibilityTimeout": "00:00:30" } } }""");
        Assert.Equal(8, s.BatchSize);
        Assert.Equal(5, s.MaxDequeueCount);
        Assert.Equal(TimeSpan.FromSeconds(30), s.VisibilityTimeout);
        Assert.Equal(TimeSpan.FromMinutes(1), s.MaxPollingInterval);
        Assert.True(s.Base64Messages);
    }

    /// <summary>The functions.metadata in the function app's build output (same configuration as these tests).</summary>
    private static List<Served> ReadGeneratedMetadata()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepoRoot.FunctionApp, "bin", output.Parent!.Name, output.Name, "functions.metadata");
        Assert.True(File.Exists(path), $"{path} is missing: the worker SDK writes it when the function app builds.");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateArray().Select(f =>
        {
            var trigger = f.GetProperty("bindings").EnumerateArray().Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));
            string? Text(string name) => trigger.TryGetProperty(name, out var v) ? v.GetString() : null;
            var methods = trigger.TryGetProperty("methods", out var m) ? Methods(m.EnumerateArray().Select(x => x.GetString()!)) : "";
            return new Served(f.GetProperty("name").GetString()!, trigger.GetProperty("type").GetString()!, Text("route"), methods,
                Text("queueName"), Text("schedule"));
        }).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    private static string Methods(IEnumerable<string> methods) =>
        string.Join(",", methods.Select(m => m.ToUpperInvariant()).Order(StringComparer.Ordinal));
}
