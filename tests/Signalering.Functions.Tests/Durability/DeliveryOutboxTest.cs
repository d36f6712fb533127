using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Issue 15 (b): the route marker promises the organisation's message and goes only once that message is confirmed
/// sent. Each test breaks one step of intake → routing → delivery and checks the signal still ends with exactly one
/// organisation message, in the same process (no restart).
/// </summary>
public sealed class DeliveryOutboxTest
{
    [Fact]
    public async Task Deliver_OrganisationQueueKeepsFailing_MarkerStaysAndSweepDeliversOnceAfterRecovery()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var fault = new FaultPolicy(Deliveries.IsOrganisationSend) { Failing = true };
        using var app = new SignaleringApp { Clock = clock, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();

        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        Assert.True(fault.Failed > 0);
        Assert.True(await app.HasRouteMarkerAsync(code));

        // More deliveries than maxDequeueCount: every one fails, and the marker outlives them (poison or not).
        for (var i = 0; i < 6; i++)
            Assert.False((await app.InvokeQueueFunctionAsync("ProcessSignal", Deliveries.WorkMessage(code))).Succeeded);
        Assert.True(await app.HasRouteMarkerAsync(code));
        Assert.Empty(await app.PeekOrganisationQueueAsync(Deliveries.Organisation));

        fault.Failing = false;
        await SweepRedrivesOnceAsync(app, clock, code);

        clock.Advance(TimeSpan.FromMinutes(3));
        (await app.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
        Assert.Equal(0, await app.DrainAsync(QueueNames.Intake, "ProcessSignal"));
        Assert.Equal(1, (await app.PeekAllAsync(Deliveries.Organisation)).CountFor(code));
    }

    [Fact]
    public async Task Deliver_WorkerDiesHoldingTheClaim_OthersWaitAndTheSweepDeliversOnceAfterTheLease()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        // The send fails and so does giving the claim back: as if the worker died between claiming and sending.
        var fault = new FaultPolicy(m => Deliveries.IsOrganisationSend(m) || Deliveries.IsSignalRowWrite(m)) { Failing = true };
        using var app = new SignaleringApp { Clock = clock, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        fault.Failing = false;

        // Within the lease another worker sends nothing and leaves the marker.
        (await app.InvokeQueueFunctionAsync("ProcessSignal", Deliveries.WorkMessage(code))).EnsureSucceeded();
        Assert.Empty(await app.PeekOrganisationQueueAsync(Deliveries.Organisation));
        Assert.True(await app.HasRouteMarkerAsync(code));

        await SweepRedrivesOnceAsync(app, clock, code);
        Assert.Equal(1, (await app.PeekAllAsync(Deliveries.Organisation)).CountFor(code));
    }

    [Fact]
    public async Task Deliver_ConfirmationFailsAfterTheSend_NoSecondMessage()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sent = false;
        // Everything works until the organisation's message is sent; then every table write fails for a while.
        var fault = new FaultPolicy(m =>
        {
            if (Deliveries.IsOrganisationSend(m)) { sent = true; return false; }
            return sent && (Deliveries.IsTransaction(m) || Deliveries.IsSignalRowWrite(m));
        }) { Failing = true };
        using var app = new SignaleringApp { Clock = clock, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        Assert.True(sent);
        Assert.True(await app.HasRouteMarkerAsync(code));

        fault.Failing = false;
        await SweepRedrivesOnceAsync(app, clock, code);
        Assert.Equal(1, (await app.PeekAllAsync(Deliveries.Organisation)).CountFor(code));
    }

    [Fact]
    public async Task Deliver_ProcessDiesBetweenTheSendAndItsConfirmation_TheRestartedAppSendsNoSecondMessage()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var sent = false;
        // The message goes out; every table write after it fails, so the confirmation is never recorded.
        var fault = new FaultPolicy(m =>
        {
            if (Deliveries.IsOrganisationSend(m)) { sent = true; return false; }
            return sent && (Deliveries.IsTransaction(m) || Deliveries.IsSignalRowWrite(m));
        });
        string code;
        using (var dying = new SignaleringApp { Prefix = prefix, Clock = clock, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake())
        {
            // Another signal's message is first on the queue, so the one looked for is not simply the first.
            await dying.CreateClient().SubmitAcceptedAsync(Intakes.Body(dying, text: "De verwarming in blok A is kapot"));
            (sent, fault.Failing) = (false, true);
            code = await dying.CreateClient().SubmitAcceptedAsync(Intakes.Body(dying));
            Assert.True(sent);
        } // the process ends: what it remembered about the send is gone

        using var restarted = new SignaleringApp { Prefix = prefix, Clock = clock }.RoutingAtIntake();
        Assert.True(await restarted.HasRouteMarkerAsync(code));
        await SweepRedrivesOnceAsync(restarted, clock, code);
        var messages = await restarted.PeekAllAsync(Deliveries.Organisation);
        Assert.Equal(1, messages.CountFor(code));
        Assert.Equal(2, messages.Count);
    }

    /// <summary>The delivery lease runs out: the sweep re-drives the signal once, and its delivery clears the marker.</summary>
    private static async Task SweepRedrivesOnceAsync(SignaleringApp app, FakeTimeProvider clock, string code)
    {
        clock.Advance(TimeSpan.FromMinutes(3));
        (await app.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
        Assert.Equal(1, await app.DrainAsync(QueueNames.Intake, "ProcessSignal"));
        Assert.False(await app.HasRouteMarkerAsync(code));
    }
}
