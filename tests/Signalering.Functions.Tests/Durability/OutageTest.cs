using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Domain.Signals;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Issue 15 (c, e): during a storage outage clients get an honest 503 with Retry-After within two seconds (the API
/// as problem+json, residents a page in their language that keeps their text), health says what is wrong, and the
/// local queue listener outlives the SDK's retry exhaustion.
/// </summary>
public sealed class OutageTest
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task SubmitSignal_StorageDown_Answers503ProblemWithRetryAfter_Within2s()
    {
        var fault = new FaultPolicy(_ => true);
        using var app = new SignaleringApp { ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        var client = app.CreateClient();
        var body = Intakes.Body(app);
        fault.Failing = true;
        await client.SubmitAsync(Intakes.Body(app)); // the first failure pays for loading the code (not measured)

        var watch = Stopwatch.StartNew();
        var (response, json) = await client.SubmitAsync(body);
        Assert.True(watch.Elapsed <= Budget, $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Equal(503, json.GetProperty("status").GetInt32());

        // And once storage is back, the same report is accepted: nothing half-done blocks it.
        fault.Failing = false;
        await client.SubmitAcceptedAsync(body);
    }

    [Fact]
    public async Task ResidentForm_StorageDown_Answers503PageInTheirLanguageKeepingTheirText_Within2s()
    {
        var fault = new FaultPolicy(_ => true);
        using var app = new SignaleringApp { ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        var client = app.CreateClient();
        var token = app.Token(Intakes.AzcMainBuilding);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/r/{token}/ar/wonen/wonen-vocht")).StatusCode);
        fault.Failing = true;
        await client.PostAsync($"/r/{token}/ar/wonen/wonen-vocht", new FormUrlEncodedContent(new Dictionary<string, string> { ["text"] = "x" }));

        var watch = Stopwatch.StartNew();
        var response = await client.PostAsync($"/r/{token}/ar/wonen/wonen-vocht", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["text"] = "الماء يدخل غرفتي منذ أسبوع",
            ["idempotencyKey"] = "outage-form-01",
        }));
        Assert.True(watch.Elapsed <= Budget, $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("lang=\"ar\"", html);
        Assert.Contains("الماء يدخل غرفتي منذ أسبوع", html);
        Assert.Contains("value=\"outage-form-01\"", html);
        Assert.Contains($"action=\"/r/{token}/ar/wonen/wonen-vocht\"", html);
    }

    [Fact]
    public async Task StatusPage_StorageDown_Answers503PageInTheirLanguage_Within2s()
    {
        var fault = new FaultPolicy(_ => true);
        using var app = new SignaleringApp { ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        var client = app.CreateClient();
        var code = await client.SubmitAcceptedAsync(Intakes.Body(app));
        Assert.True(TrackingCode.TryParse(code, out var parsed));
        fault.Failing = true;
        await client.GetAsync($"/s/{parsed.Value}?lang=ti"); // the first failure pays for loading the code (not measured)

        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync($"/s/{parsed.Value}?lang=ti");
        Assert.True(watch.Elapsed <= Budget, $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Contains("lang=\"ti\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_RoutingFailing_Unhealthy_ThenHealthyOnceDelivered()
    {
        var fault = new FaultPolicy(Deliveries.IsOrganisationSend);
        using var app = new SignaleringApp { ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        app.Settings["Signals:RoutingUnhealthyAfter"] = "00:00:00";
        app.Settings["Signals:RequeueAfter"] = "00:00:00";
        var client = app.CreateClient();
        var healthy = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);

        fault.Failing = true;
        await client.SubmitAcceptedAsync(Intakes.Body(app));
        var failing = await client.GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failing.StatusCode);
        var report = JsonDocument.Parse(await failing.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("failing", report.GetProperty("routing").GetProperty("status").GetString());
        Assert.Equal("ok", report.GetProperty("tables").GetString());

        fault.Failing = false;
        (await app.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
        Assert.Equal(1, await app.DrainAsync(QueueNames.Intake, "ProcessSignal"));
        (await app.InvokeTimerAsync("SweepSignals")).EnsureSucceeded(); // finds nothing owed any more
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
    }

    [Fact]
    public async Task Health_StorageDown_UnhealthyNamingTheDependency_Within2s()
    {
        var fault = new FaultPolicy(m => m.Request.Uri.Port == Azurite.Shared.QueuePort);
        using var app = new SignaleringApp { ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        var client = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/health")).StatusCode);
        fault.Failing = true;
        await client.GetAsync("/api/health"); // the first failure pays for loading the code (not measured)

        var watch = Stopwatch.StartNew();
        var response = await client.GetAsync("/api/health");
        Assert.True(watch.Elapsed <= Budget, $"took {watch.Elapsed}");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("unreachable", report.GetProperty("queues").GetString());
        Assert.Equal("ok", report.GetProperty("tables").GetString());
    }

    [Fact]
    public async Task LocalQueueListener_ReceivesFailWithRetryExhaustion_KeepsListeningAndDelivers()
    {
        var receiving = false;
        var fault = new FaultPolicy(m => Deliveries.IsOrganisationSend(m) || receiving && m.Request.Method == Azure.Core.RequestMethod.Get
            && m.Request.Uri.Path.EndsWith("/messages", StringComparison.Ordinal));
        using var app = new SignaleringApp { RunTriggersLocally = true, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        var client = app.CreateClient();
        fault.Failing = true;
        receiving = true;
        var code = await client.SubmitAcceptedAsync(Intakes.Body(app)); // delivery fails: the marker stays
        await Task.Delay(TimeSpan.FromSeconds(3)); // every listener's receive fails meanwhile, each after the SDK's retries
        Assert.True(fault.Failed > 3);

        fault.Failing = false;
        Assert.True(TrackingCode.TryParse(code, out var parsed));
        await app.Services.GetRequiredService<SignalQueues>().EnqueueIntakeAsync(parsed, CancellationToken.None);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && (await app.PeekOrganisationQueueAsync(Deliveries.Organisation)).CountFor(code) == 0)
            await Task.Delay(200);
        Assert.Equal(1, (await app.PeekAllAsync(Deliveries.Organisation)).CountFor(code));
    }
}
