using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Functions.Hosting;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Storage.Queues;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>The handler speaks the Functions host's custom-handler protocol, and function folders and routes match both ways.</summary>
public sealed class CustomHandlerContractTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Readiness_GetRoot_Answers200()
    {
        var response = await _app.CreateClient().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QueueInvocation_AsHostSendsIt_ReturnsOutputsLogsReturnValue()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        // Exactly the shape the host posts for a queue trigger: Data keyed by binding name, Metadata with DequeueCount etc.
        var payload = $$$$"""
            {"Data":{"message":"{\"trackingCode\":\"{{{{code}}}}\"}"},
             "Metadata":{"DequeueCount":1,"ExpirationTime":"2026-12-01T00:00:00+00:00","Id":"0d0f3b1e-1111-4a1e-9a55-3d8c0b5e0e01",
                         "InsertionTime":"2026-11-23T10:00:00+00:00","NextVisibleTime":"2026-11-23T10:10:00+00:00","PopReceipt":"AgAAAAMAAAAAAAAA",
                         "sys":{"MethodName":"ProcessSignal","UtcNow":"2026-11-23T10:00:01Z","RandGuid":"5b2c1c7e-2222-4f9b-8d1b-1f2e3d4c5b6a"}}}
            """;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/ProcessSignal") { Content = new StringContent(payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Azure-Functions-InvocationId", Guid.NewGuid().ToString());
        request.Headers.Add("X-Azure-Functions-HostVersion", "4.1040.0");
        request.Headers.UserAgent.ParseAdd("Azure-Functions-Host/4.1040.0");
        var response = await _app.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Object, body.GetProperty("Outputs").ValueKind);
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
        Assert.True(body.TryGetProperty("ReturnValue", out _));
        Assert.Equal(Domain.Workflow.SignalStatus.Routed, (await _app.LoadAsync(code)).Status);
    }

    [Fact]
    public async Task QueueInvocation_MessageAsJsonObject_IsAcceptedToo()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        var payload = $$$"""{"Data":{"message":{"trackingCode":"{{{code}}}"}},"Metadata":{"DequeueCount":"1"}}""";
        var response = await _app.CreateClient().PostAsync("/ProcessSignal", new StringContent(payload, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task QueueInvocation_HandlerFails_Answers500SoTheHostRetries()
    {
        var response = await _app.InvokeQueueFunctionAsync("ProcessSignal", "{\"trackingCode\":\"333-333-3333\"}");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(JsonValueKind.Array, body.GetProperty("Logs").ValueKind);
    }

    [Fact]
    public async Task Invocation_OutputsNeverHoldBase64LookingStrings()
    {
        // The host base64-decodes any output string that is valid base64; our outputs must stay empty objects.
        var response = await _app.InvokeTimerAsync("SweepSignals");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Empty(body.GetProperty("Outputs").EnumerateObject());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("ReturnValue").ValueKind);
    }

    [Fact]
    public void Manifest_EveryFunctionFolderHasAHandlerRoute_AndEveryApiRouteHasAFolder()
    {
        var manifest = _app.Services.GetRequiredService<FunctionManifest>();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.NotEmpty(manifest.Functions);

        foreach (var f in manifest.Functions)
        {
            if (f.Trigger == TriggerKind.Http)
            {
                var covered = endpoints.Where(e => Covers(f.Route!, e.RoutePattern)).ToList();
                Assert.True(covered.Count > 0, $"Function folder {f.Name} (route {f.Route}) has no handler route.");
                foreach (var e in covered)
                {
                    var methods = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
                    Assert.True(methods.All(m => f.Methods.Contains(m)), $"{f.Name} does not allow {string.Join(",", methods)} for {e.RoutePattern.RawText}.");
                }
            }
            else
            {
                Assert.Contains(endpoints, e => e.Metadata.GetMetadata<FunctionInvocationMetadata>()?.FunctionName == f.Name);
                Assert.Contains(f.Trigger == TriggerKind.Queue ? _app.Services.GetServices<IQueueFunction>().Select(q => q.Name)
                    : _app.Services.GetServices<ITimerFunction>().Select(t => t.Name), n => n == f.Name);
            }
        }
        // Every route (API, resident pages, admin pages) must be reachable through some function folder, or it would
        // not exist in Azure. Not the readiness probe "/" nor the invocation routes: only the host calls those.
        foreach (var e in endpoints.Where(e => e.RoutePattern.RawText!.Trim('/').Length > 0 && e.Metadata.GetMetadata<FunctionInvocationMetadata>() is null))
            Assert.True(manifest.Functions.Any(f => f.Trigger == TriggerKind.Http && Covers(f.Route!, e.RoutePattern)),
                $"Handler route {e.RoutePattern.RawText} has no function folder.");
        // And every invocation route belongs to a folder.
        foreach (var e in endpoints.Where(e => e.Metadata.GetMetadata<FunctionInvocationMetadata>() is not null))
            Assert.NotNull(manifest.Find(e.Metadata.GetMetadata<FunctionInvocationMetadata>()!.FunctionName));
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
        var repo = _app.Services.GetRequiredService<FunctionManifest>().Host;
        Assert.Equal(16, repo.BatchSize);
    }

    // Function route templates ("api/signals/{trackingCode}", "api/admin/{*path}") against ASP.NET route patterns.
    private static bool Covers(string functionRoute, RoutePattern pattern)
    {
        var f = functionRoute.Trim('/').Split('/');
        var e = pattern.PathSegments.Select(s => s.IsSimple && s.Parts[0] is RoutePatternLiteralPart l ? l.Content : "{}").ToList();
        for (var i = 0; i < f.Length; i++)
        {
            if (f[i].StartsWith("{*", StringComparison.Ordinal)) return e.Count >= i;
            if (i >= e.Count) return false;
            var fIsParam = f[i].StartsWith('{');
            if (fIsParam != (e[i] == "{}")) return false;
            if (!fIsParam && !string.Equals(f[i], e[i], StringComparison.OrdinalIgnoreCase)) return false;
        }
        return f.Length == e.Count;
    }
}
