using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Functions.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Issue 15 (f): storage calls per routed signal, counted by a pipeline policy in every storage client (each retry
/// counts). Before this issue a routed signal took about eleven; the aim is at most five (docs/benchmarks.md).
/// </summary>
public sealed class StorageCallsTest(ITestOutputHelper output)
{
    private const int Signals = 10;

    [Fact]
    public async Task RoutedSignal_NoTranslator_AtMostFiveStorageCallsFromSubmitToConfirmedDelivery()
    {
        var counter = new FaultPolicy(_ => false);
        // The abuse budgets (issue 13: per client and per location, in the ratelimits table) are counted apart: they
        // guard the door, they are not the signal's way to its organisation.
        var budgets = new FaultPolicy(_ => false, m => m.Request.Uri.Path.Contains("ratelimits", StringComparison.Ordinal));
        using var app = new SignaleringApp { ExtraServices = s => { s.AddSingleton<HttpPipelinePolicy>(counter); s.AddSingleton<HttpPipelinePolicy>(budgets); } }.RoutingAtIntake();
        var client = app.CreateClient();
        await client.SubmitAcceptedAsync(Intakes.Body(app)); // warm: queues created, reference data cached

        var before = counter.Calls;
        var budgetsBefore = budgets.Calls;
        var codes = new List<string>();
        for (var i = 0; i < Signals; i++) codes.Add(await client.SubmitAcceptedAsync(Intakes.Body(app)));
        var withBudgets = (counter.Calls - before) / (double)Signals;
        var perSignal = withBudgets - (budgets.Calls - budgetsBefore) / (double)Signals;
        output.WriteLine($"storage calls per routed signal, no translator: {perSignal:F1} (with the abuse budgets: {withBudgets:F1})");

        var messages = await app.PeekAllAsync(Deliveries.Organisation);
        Assert.All(codes, c => Assert.Equal(1, messages.CountFor(c)));
        foreach (var code in codes) Assert.False(await app.HasRouteMarkerAsync(code));
        Assert.True(perSignal <= 5, $"{perSignal:F1} storage calls per routed signal");
    }
}
