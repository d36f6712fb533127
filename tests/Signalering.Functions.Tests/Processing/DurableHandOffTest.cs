using System.Net;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

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
}
