using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Processing;

/// <summary>
/// Translation on, off, slow and failing: routing waits for it a few seconds at most (to flag the Dutch words too), and an
/// untranslated text is retried later.
/// </summary>
public sealed class TranslationTest
{
    internal static SignaleringApp AppWith(TranslatorStub? stub, Microsoft.Extensions.Time.Testing.FakeTimeProvider? clock = null)
    {
        var app = new SignaleringApp { Clock = clock };
        if (stub is not null)
        {
            app.Settings["Translator:Endpoint"] = stub.Url;
            app.Settings["Translator:Key"] = TranslatorStub.Key;
            app.Settings["Translator:MaxRetryAttempts"] = "1";
            app.Settings["Translator:RetryDelaySeconds"] = "0.01";
            app.Settings["Translator:AttemptTimeoutSeconds"] = "2";
        }
        return app;
    }

    [Fact]
    public async Task Translation_Configured_TranslatesToDutchWhileRouting()
    {
        await using var stub = await TranslatorStub.StartAsync();
        using var app = AppWith(stub);
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app, text: "الماء يدخل غرفتي"));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Equal(SignalStatus.Routed, (await app.LoadAsync(code)).Status);
        Assert.Equal(0, await app.DrainAsync(QueueNames.Translate, "TranslateSignal")); // nothing left to translate

        var signal = await app.LoadAsync(code);
        Assert.Equal(TranslationState.Translated, signal.Translation);
        Assert.Equal("[nl] الماء يدخل غرفتي", signal.TextNl);
        Assert.Equal("ar", signal.DetectedLanguage);
        Assert.Equal("الماء يدخل غرفتي", signal.Text); // the original is kept
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.Translated);
    }

    [Fact]
    public async Task Translation_NotConfigured_KeepsOriginalMarkedUntranslated_AndRoutingIsUnaffected()
    {
        using var app = AppWith(null);
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await app.DrainAsync(QueueNames.Translate, "TranslateSignal");

        var signal = await app.LoadAsync(code);
        Assert.Equal(SignalStatus.Routed, signal.Status);
        Assert.Equal(TranslationState.Untranslated, signal.Translation);
        Assert.Null(signal.TextNl);
        Assert.Single(signal.Events, e => e.Kind == SignalEventKinds.Untranslated);
    }

    [Fact]
    public async Task Translation_ServiceFailing_MarksUntranslated_ThenSweepTranslatesWhenItIsBack()
    {
        await using var stub = await TranslatorStub.StartAsync();
        stub.Failing = true;
        // Real time here: the translator's resilience pipeline waits on the app's TimeProvider. The sweep may retry at once.
        using var app = AppWith(stub);
        app.Settings["Signals:RequeueAfter"] = "00:00:00";
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");             // routes on the original words
        await app.DrainAsync(QueueNames.Translate, "TranslateSignal"); // fails, but the delivery succeeds: no poison

        var signal = await app.LoadAsync(code);
        Assert.Equal(SignalStatus.Routed, signal.Status);
        Assert.Equal(TranslationState.Untranslated, signal.Translation);
        Assert.True(stub.Requests > 0);

        stub.Failing = false;
        (await app.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
        Assert.Equal(1, await app.DrainAsync(QueueNames.Translate, "TranslateSignal"));
        signal = await app.LoadAsync(code);
        Assert.Equal(TranslationState.Translated, signal.Translation);
        Assert.Single(signal.Events, e => e.Kind == SignalEventKinds.Untranslated); // recorded once, not per attempt

        await app.InvokeTimerAsync("SweepSignals");
        Assert.Equal(0, await app.DrainAsync(QueueNames.Translate, "TranslateSignal")); // done: marker gone
    }

    [Fact]
    public async Task Translation_DutchText_IsNotSentToTheTranslator()
    {
        await using var stub = await TranslatorStub.StartAsync();
        using var app = AppWith(stub);
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app, language: "nl", text: "Er is schimmel in de badkamer"));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Equal(0, await app.DrainAsync(QueueNames.Translate, "TranslateSignal"));
        Assert.Equal(TranslationState.NotNeeded, (await app.LoadAsync(code)).Translation);
        Assert.Equal(0, stub.Requests);
    }
}
