using System.Net;
using System.Text.RegularExpressions;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Processing;

/// <summary>An accepted signal is never lost: when queueing fails after the store, the sweep queues it later.</summary>
public sealed class DurableHandOffTest
{
    [Fact]
    public async Task Submit_QueueUnreachableAfterStore_Returns202AndSweepRoutesItLater()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // Tables work, the queue endpoint is a closed port: the store succeeds and the enqueue fails.
        string prefix;
        string code;
        using (var broken = new SignaleringApp { ConnectionString = Azurite.Shared.ConnectionStringWith(Azurite.FreePort()), Clock = clock })
        {
            prefix = broken.Prefix;
            var (response, body) = await broken.CreateClient().SubmitAsync(Intakes.Body(broken));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            code = body.GetProperty("trackingCode").GetString()!;
            Assert.Equal(SignalStatus.Received, (await broken.LoadAsync(code)).Status);
        }

        using var healthy = new SignaleringApp { Prefix = prefix, Clock = clock };
        Assert.Equal(0, await healthy.DrainAsync(QueueNames.Intake, "ProcessSignal")); // nothing was queued
        await healthy.InvokeTimerAsync("SweepSignals");
        Assert.Equal(0, await healthy.DrainAsync(QueueNames.Intake, "ProcessSignal")); // too early: the normal path may still come

        clock.Advance(TimeSpan.FromMinutes(3));
        (await healthy.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
        Assert.Equal(1, await healthy.DrainAsync(QueueNames.Intake, "ProcessSignal"));
        Assert.Equal(SignalStatus.Routed, (await healthy.LoadAsync(code)).Status);
        Assert.Single(await healthy.PeekOrganisationQueueAsync("coa-luttelgeest"));

        clock.Advance(TimeSpan.FromMinutes(3));
        await healthy.InvokeTimerAsync("SweepSignals");
        Assert.Equal(0, await healthy.DrainAsync(QueueNames.Intake, "ProcessSignal")); // routed: its marker is gone
    }

    [Fact]
    public async Task Submit_RetryAfterLostEnqueue_QueuesTheStoredSignal()
    {
        string prefix;
        var body = (Dictionary<string, object?>?)null;
        using (var broken = new SignaleringApp { ConnectionString = Azurite.Shared.ConnectionStringWith(Azurite.FreePort()) })
        {
            prefix = broken.Prefix;
            body = Intakes.Body(broken, key: "retry-after-lost-enqueue");
            await broken.CreateClient().SubmitAcceptedAsync(body);
        }
        using var healthy = new SignaleringApp { Prefix = prefix };
        var code = await healthy.CreateClient().SubmitAcceptedAsync(body);
        Assert.Equal(1, await healthy.DrainAsync(QueueNames.Intake, "ProcessSignal"));
        Assert.Equal(SignalStatus.Routed, (await healthy.LoadAsync(code)).Status);
    }

    [Fact]
    public async Task Sweep_MarkerDeliveredBetweenListingAndTouch_GoesOnWithTheOthers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        string prefix;
        var codes = new List<string>();
        using (var broken = new SignaleringApp { ConnectionString = Azurite.Shared.ConnectionStringWith(Azurite.FreePort()), Clock = clock })
        {
            prefix = broken.Prefix;
            for (var i = 0; i < 2; i++) codes.Add(await broken.CreateClient().SubmitAcceptedAsync(Intakes.Body(broken)));
        }

        SignaleringApp? app = null;
        // The first marker the sweep touches is deleted just before, as a worker that delivered it meanwhile would.
        var vanish = new VanishBeforeTouch(code => app!.Signals.DeleteTodoAsync(TodoKinds.Route, code, default));
        using var healthy = app = new SignaleringApp { Prefix = prefix, Clock = clock, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(vanish) };
        clock.Advance(TimeSpan.FromMinutes(3));
        (await healthy.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
        Assert.True(vanish.Vanished);
        Assert.Equal(2, await healthy.DrainAsync(QueueNames.Intake, "ProcessSignal"));
        foreach (var code in codes) Assert.Equal(SignalStatus.Routed, (await healthy.LoadAsync(code)).Status);
    }

    private sealed class VanishBeforeTouch(Func<TrackingCode, Task> vanish) : HttpPipelinePolicy
    {
        private int _vanished;
        public bool Vanished => _vanished == 1;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            var method = message.Request.Method;
            var touch = Regex.Match(Uri.UnescapeDataString(message.Request.Uri.ToString()), @"RowKey='todo\|route\|([^']+)'");
            if (touch.Success && method != RequestMethod.Get && method != RequestMethod.Delete
                && TrackingCode.TryParse(touch.Groups[1].Value, out var code) && Interlocked.Exchange(ref _vanished, 1) == 0)
                await vanish(code);
            await ProcessNextAsync(message, pipeline);
        }
    }
}
