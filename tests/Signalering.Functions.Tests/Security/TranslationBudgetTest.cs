using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Functions.Tests.Processing;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Security;

/// <summary>A paid translation per non-Dutch report, capped per location per day: past the cap the signal is still accepted and routed, honestly untranslated.</summary>
public sealed class TranslationBudgetTest
{
    [Fact]
    public async Task Translation_OverTheLocationsDailyBudget_RoutesUntranslatedWithTheReason()
    {
        await using var stub = await TranslatorStub.StartAsync();
        using var app = TranslationTest.AppWith(stub);
        app.Settings["AbuseLimits:TranslationsPerLocationPerDay"] = "1";
        var client = app.CreateClient();
        var first = await client.SubmitAcceptedAsync(Intakes.Body(app, text: "الماء يدخل غرفتي"));
        var second = await client.SubmitAcceptedAsync(Intakes.Body(app, text: "النافذة مكسورة"));
        var elsewhere = await client.SubmitAcceptedAsync(Intakes.Body(app, tokenId: Intakes.Ukrainian, language: "uk", text: "Холодно в кімнаті"));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await app.DrainAsync(QueueNames.Translate, "TranslateSignal");

        Assert.Equal(TranslationState.Translated, (await app.LoadAsync(first)).Translation);
        Assert.Equal(TranslationState.Translated, (await app.LoadAsync(elsewhere)).Translation); // another location, its own budget
        var capped = await app.LoadAsync(second);
        Assert.Equal(SignalStatus.Routed, capped.Status);
        Assert.Equal(TranslationState.Untranslated, capped.Translation);
        Assert.Null(capped.TextNl);
        Assert.Contains(capped.Events, e => e.Kind == SignalEventKinds.Untranslated && e.Detail == "daily-limit");
        Assert.Equal(2, stub.Requests);
        Assert.Equal(0, await app.DrainAsync(QueueNames.Translate, "TranslateSignal")); // not retried all day
    }
}
