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
        // Another signal's message is first on the queue, so the one looked for is not simply the first.
        var code = (await SubmitToAProcessThatDiesAfterEachSendAsync(prefix, clock, 1, healthyFirst: true)).Single();

        using var restarted = new SignaleringApp { Prefix = prefix, Clock = clock }.RoutingAtIntake();
        Assert.True(await restarted.HasRouteMarkerAsync(code));
        await SweepRedrivesOnceAsync(restarted, clock, code);
        var messages = await restarted.PeekAllAsync(Deliveries.Organisation);
        Assert.Equal(1, messages.CountFor(code));
        Assert.Equal(2, messages.Count);
    }

    [Fact]
    public async Task Deliver_ProcessDiesAfterSendingSeveralSignals_TheirParallelRedrivesSendNoSecondMessage()
    {
        // Each redrive looks for its message by reading the queue, which hides what it reads: run at once, they used
        // to hide each other's messages and send them again (found by AppKilledTest).
        const int Signals = 5;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var codes = await SubmitToAProcessThatDiesAfterEachSendAsync(prefix, clock, Signals);

        using var restarted = new SignaleringApp { Prefix = prefix, Clock = clock }.RoutingAtIntake();
        clock.Advance(TimeSpan.FromMinutes(3));
        (await restarted.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
        var work = (await restarted.Queue(QueueNames.Intake).ReceiveMessagesAsync(32)).Value;
        Assert.Equal(Signals, work.Length);
        foreach (var run in await Task.WhenAll(work.Select(m => restarted.InvokeQueueFunctionAsync("ProcessSignal", m.Body.ToString()))))
            run.EnsureSucceeded();

        var messages = await restarted.PeekAllAsync(Deliveries.Organisation);
        Assert.All(codes, code => Assert.Equal(1, messages.CountFor(code)));
        foreach (var code in codes) Assert.False(await restarted.HasRouteMarkerAsync(code));
    }

    /// <summary>
    /// Submits <paramref name="count"/> signals to an app that sends each one's organisation message and then fails
    /// every table write, so no confirmation is recorded; then the app ends, and with it what it remembered about the
    /// sends: as a process that died between each send and its confirmation. Returns their tracking codes.
    /// </summary>
    private static async Task<List<string>> SubmitToAProcessThatDiesAfterEachSendAsync(string prefix, FakeTimeProvider clock, int count,
        bool healthyFirst = false)
    {
        var sent = false;
        var fault = new FaultPolicy(m =>
        {
            if (Deliveries.IsOrganisationSend(m)) { sent = true; return false; }
            return sent && (Deliveries.IsTransaction(m) || Deliveries.IsSignalRowWrite(m));
        });
        using var dying = new SignaleringApp { Prefix = prefix, Clock = clock, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) }.RoutingAtIntake();
        if (healthyFirst) await dying.CreateClient().SubmitAcceptedAsync(Intakes.Body(dying, text: "De verwarming in blok A is kapot"));
        var codes = new List<string>();
        for (var i = 0; i < count; i++)
        {
            (sent, fault.Failing) = (false, true);
            codes.Add(await dying.CreateClient().SubmitAcceptedAsync(Intakes.Body(dying, text: $"Melding {i}: het raam sluit niet")));
            Assert.True(sent);
        }
        return codes;
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
