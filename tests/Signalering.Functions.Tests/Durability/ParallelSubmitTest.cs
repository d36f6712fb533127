using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Functions.Tests.Processing;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Issue 15 (d): identical submits at the same moment made 4–13 organisation messages per signal. Twenty parallel
/// submits of each of ten reports must leave ten signals, ten organisation messages and ten webhook jobs.
/// </summary>
public sealed class ParallelSubmitTest
{
    private const int Keys = 10;
    private const int Copies = 20;

    [Fact]
    public async Task Submit_20ParallelIdentical_x10Keys_RoutedAtIntake_OneSignalAndOneMessageEach()
    {
        using var app = new SignaleringApp().RoutingAtIntake();
        var codes = await SubmitInParallelAsync(app);
        await AssertOneEachAsync(app, codes);
    }

    [Fact]
    public async Task Submit_20ParallelIdentical_x10Keys_WithTranslator_ParallelWorkers_OneSignalAndOneMessageEach()
    {
        await using var stub = await TranslatorStub.StartAsync();
        using var app = TranslationTest.AppWith(stub);
        var codes = await SubmitInParallelAsync(app);

        // Every signal's intake message (a replay may have queued more) goes to five workers at once.
        var intake = app.Queue(QueueNames.Intake);
        var messages = new List<string>();
        while ((await intake.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } batch)
            messages.AddRange(batch.Select(m => m.Body.ToString()));
        var perSignal = messages.DistinctBy(m => JsonDocument.Parse(m).RootElement.GetProperty("trackingCode").GetString()).ToList();
        Assert.Equal(Keys, perSignal.Count);
        var runs = await Task.WhenAll(perSignal.SelectMany(m => Enumerable.Repeat(m, 5))
            .Select(m => Task.Run(() => app.InvokeQueueFunctionAsync("ProcessSignal", m))));
        Assert.All(runs, r => r.EnsureSucceeded());
        await AssertOneEachAsync(app, codes);
    }

    private static async Task<string[]> SubmitInParallelAsync(SignaleringApp app)
    {
        await app.Services.GetRequiredService<WebhookTable>().PutAsync(
            new WebhookRegistration(Deliveries.Organisation, new Uri("http://127.0.0.1:9/hook"), Convert.ToBase64String(new byte[32])), CancellationToken.None);
        var bodies = Enumerable.Range(0, Keys).Select(k => Intakes.Body(app, key: $"parallel-{k}")).ToList();
        var client = app.CreateClient();
        var codes = new List<string>();
        // Key after key, each twenty times at once: the race is between identical submits (one emulator process on
        // two cores would time out two hundred transactions at once, which is not what is tested here).
        foreach (var body in bodies)
            codes.AddRange(await Task.WhenAll(Enumerable.Repeat(body, Copies).Select(b => Task.Run(() => client.SubmitAcceptedAsync(b)))));
        var distinct = codes.Distinct().ToArray();
        Assert.Equal(Keys, distinct.Length);
        return distinct;
    }

    private static async Task AssertOneEachAsync(SignaleringApp app, string[] codes)
    {
        Assert.Equal(Keys, await app.CountSignalsAsync());
        var messages = await app.PeekAllAsync(Deliveries.Organisation);
        Assert.Equal(Keys, messages.Count);
        Assert.All(codes, c => Assert.Equal(1, messages.CountFor(c)));
        foreach (var code in codes) Assert.False(await app.HasRouteMarkerAsync(code));

        var hooks = app.Queue(WebhookSender.Queue);
        var deliveries = new List<string>();
        while ((await hooks.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(5))).Value is { Length: > 0 } batch)
            deliveries.AddRange(batch.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement.GetProperty("deliveryId").GetString()!));
        Assert.Equal(Keys, deliveries.Count);
        Assert.Equal(Keys, deliveries.Distinct().Count());
    }
}
