using Signalering.Domain.Flagging;
using System.Text.Json;
using Signalering.Domain.Categories;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Processing;

/// <summary>
/// Issue 11's promises through the API, the form and routing: a yes to "is this about someone who works here?", or a text
/// (or its Dutch translation) flagged sensitive, lands only on the confidential handler's queue, never on the operator's,
/// whatever tile was tapped; a yes to "is someone in danger now?", or a text flagged as an emergency, gets the urgent
/// promise and the 112 block, whatever tile was tapped.
/// </summary>
public sealed class SafetyTriageTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    private const string Confidential = "vertrouwenspersoon";

    /// <summary>Every tile a resident can tap: every subcategory, and every main category with "something else".</summary>
    private static IEnumerable<(string Category, string? Subcategory)> Tiles()
    {
        var tree = ReferenceFiles.LoadEmbedded().ToDomain().Categories;
        foreach (var main in tree.Main)
        {
            yield return (main.Code, null);
            foreach (var sub in tree.SubcategoriesOf(main.Code)) yield return (main.Code, sub.Code);
        }
    }

    private Dictionary<string, object?> Body(string token, string category, string? sub, string? text, bool? danger, bool? staff, string language = "en")
    {
        var body = Intakes.Body(_app, tokenId: token, language: language, category: category, subcategory: sub, text: text ?? (sub is null ? "See above" : null));
        if (danger is not null) body["dangerNow"] = danger;
        if (staff is not null) body["aboutStaff"] = staff;
        return body;
    }

    [Fact]
    public async Task StaffAnswerYes_OnEveryTile_AtEveryLocation_GoesOnlyToTheConfidentialHandler()
    {
        var client = _app.CreateClient();
        var submitted = new List<(string Code, string Operator)>();
        (string Token, string Operator)[] locations = [(Intakes.AzcMainBuilding, "coa-luttelgeest"), (Intakes.Ukrainian, "gemeente-oekraine"), (Intakes.LabourMigrants, "uitzendbureau")];
        var i = 0;
        foreach (var (category, sub) in Tiles())
        {
            var (token, op) = locations[i % locations.Length];
            bool? danger = (i % 3) switch { 0 => null, 1 => false, _ => true };
            var (response, json) = await client.SubmitAsync(Body(token, category, sub, null, danger, staff: true));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            // The resident is told at once where it goes and that staff cannot see it.
            Assert.Contains("confidential adviser", json.GetProperty("confirmation").GetProperty("confidential").GetString());
            submitted.Add((json.GetProperty("trackingCode").GetString()!, op));
            i++;
        }
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var confidentialQueue = (await _app.PeekAllAsync(Confidential)).Select(m => m.GetProperty("trackingCode").GetString()).ToHashSet();
        foreach (var op in locations.Select(l => l.Operator).Distinct())
        {
            var operatorQueue = (await _app.PeekAllAsync(op)).Select(m => m.GetProperty("trackingCode").GetString()).ToHashSet();
            Assert.DoesNotContain(submitted, s => operatorQueue.Contains(s.Code));
        }
        foreach (var (code, _) in submitted)
        {
            var signal = await _app.LoadAsync(code);
            Assert.Equal(Confidential, signal.OrganisationId);
            Assert.Equal(RoutingReason.Confidential, signal.RoutingReason);
            Assert.Empty(signal.CopyTo);
            Assert.Contains(SignalFlagsInfo.AnsweredStaff, signal.Flags.Kinds);
            Assert.Contains(code, confidentialQueue);
        }
    }

    [Fact]
    public async Task DangerAnswerYes_OnEveryTile_IsUrgentWith112()
    {
        var client = _app.CreateClient();
        foreach (var (category, sub) in Tiles())
        {
            var (response, json) = await client.SubmitAsync(Body(Intakes.AzcMainBuilding, category, sub, null, danger: true, staff: false));
            Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(json.GetProperty("urgent").GetBoolean(), $"{category}/{sub}");
            Assert.Equal("112", json.GetProperty("emergency").GetProperty("call").GetString());
            Assert.Equal(HandlingPromise.Urgent.AcknowledgeWithinWorkingHours, json.GetProperty("promise").GetProperty("acknowledgeWithinWorkingHours").GetInt32());
            Assert.Equal(HandlingPromise.Urgent.ResolveWithinWorkingDays, json.GetProperty("promise").GetProperty("resolveWithinWorkingDays").GetInt32());
        }
    }

    [Theory]
    [InlineData("en", "the coordinator touches my daughter when nobody is there", "wonen", "wonen-vocht")]
    [InlineData("en", "The man from the office said I must pay him or he tells the IND bad things about me", "informatie", null)]
    [InlineData("en", "security guard pushed me against the wall yesterday, many people saw it", "sociaal", "sociaal-sport")]
    [InlineData("nl", "de beveiliger zit aan mijn dochter", "wonen", "wonen-privacy")]
    public async Task SensitiveText_OnAnOrdinaryTile_WithStaffAnsweredNo_StillGoesToTheConfidentialHandler(string language, string text, string category, string? sub)
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Body(Intakes.AzcMainBuilding, category, sub, text, danger: false, staff: false, language));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var signal = await _app.LoadAsync(code);
        Assert.True(signal.Flags.Sensitive);
        Assert.Equal(Confidential, signal.OrganisationId);
        Assert.Empty(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"));
    }

    [Fact]
    public async Task TextOnlyTheModelFlags_GoesOnlyToTheConfidentialHandler_AndTheResidentIsToldSo()
    {
        // No lexicon term says abuse here (a mentor, messages, a secret): the model of ADR 0010 does.
        const string text = "de mentor stuurt mijn dochter van 14 elke avond berichten en zegt dat ze het geheim moet houden";
        Assert.Equal(SignalFlags.None, SignalFlagger.Default.WithModel(null).Flag(text, "nl").Flags);
        var (response, json) = await _app.CreateClient().SubmitAsync(Body(Intakes.AzcMainBuilding, "sociaal", null, text, danger: false, staff: false, "nl"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.Contains("vertrouwenspersoon", json.GetProperty("confirmation").GetProperty("confidential").GetString());
        var code = json.GetProperty("trackingCode").GetString()!;
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var signal = await _app.LoadAsync(code);
        Assert.Contains(FlagKinds.LikelySensitive, signal.Flags.Kinds);
        Assert.Equal(Confidential, signal.OrganisationId);
        Assert.Empty(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"));
        Assert.Single(await _app.PeekOrganisationQueueAsync(Confidential));
    }

    [Fact]
    public async Task TextOnlyTheModelReadsAsAnEmergency_GetsTheUrgentPromise_And113Beside112()
    {
        // A goodbye said indirectly: no lexicon term, the model of ADR 0010 reads an emergency of no known kind, and the
        // resident is offered the suicide-prevention line as well as 112 (SignalFlagsInfo.OffersSuicideLine).
        const string text = "hij heeft een brief geschreven voor zijn moeder en zegt sorry voor alles tegen iedereen";
        Assert.Equal(SignalFlags.None, SignalFlagger.Default.WithModel(null).Flag(text, "nl").Flags);
        Assert.Contains(FlagKinds.LikelyEmergency, SignalFlagger.Default.Flag(text, "nl").Kinds);
        var client = _app.CreateClient();
        var (response, json) = await client.SubmitAsync(Body(Intakes.AzcMainBuilding, "sociaal", null, text, danger: null, staff: null, "nl"));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(json.GetProperty("urgent").GetBoolean());
        Assert.Equal("112", json.GetProperty("emergency").GetProperty("call").GetString());
        Assert.Contains("113", json.GetProperty("emergency").GetProperty("suicideLine").GetString());
        var code = json.GetProperty("trackingCode").GetString()!;
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var page = await client.GetStringAsync($"/s/{code.Replace("-", "")}?lang=nl");
        Assert.Contains("href=\"tel:112\"", page);
        Assert.Contains("href=\"tel:113\"", page);
    }

    [Fact]
    public async Task EmergencyText_OnAnOrdinaryTile_GetsTheUrgentPromise_And112OnTheStatusPageEveryTime()
    {
        var client = _app.CreateClient();
        var (response, json) = await client.SubmitAsync(Body(Intakes.AzcMainBuilding, "wonen", "wonen-lawaai",
            "my neighbour is beating his wife in the corridor right now", danger: null, staff: null));
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(json.GetProperty("urgent").GetBoolean());
        Assert.Equal(1, json.GetProperty("promise").GetProperty("acknowledgeWithinWorkingHours").GetInt32());
        var code = json.GetProperty("trackingCode").GetString()!;
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var signal = await _app.LoadAsync(code);
        Assert.True(signal.IsUrgent);
        var message = Assert.Single(await _app.PeekOrganisationQueueAsync(signal.OrganisationId!));
        Assert.True(message.GetProperty("urgent").GetBoolean());
        Assert.Equal(1, message.GetProperty("acknowledgeWithinWorkingHours").GetInt32());

        // Not only on the confirmation: every later visit of the status page shows 112 while the signal is open.
        var page = await client.GetStringAsync($"/s/{code.Replace("-", "")}?lang=en");
        Assert.Contains("href=\"tel:112\"", page);
    }

    [Fact]
    public async Task Form_AsksBothQuestionsOnEveryTile_AndTheAnswersRoute()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = _app.Token(Intakes.AzcMainBuilding);
        foreach (var (category, sub) in Tiles().Take(12))
        {
            var page = await client.GetStringAsync($"/r/{token}/ar/{category}/{sub ?? "-"}");
            Assert.Contains("name=\"dangerNow\" value=\"yes\"", page);
            Assert.Contains("name=\"aboutStaff\" value=\"yes\"", page);
            Assert.Contains("هل يوجد شخص في خطر الآن؟", page);
        }
        using var form = new MultipartFormDataContent
        {
            { new StringContent("form-" + Guid.NewGuid().ToString("N")), "idempotencyKey" },
            { new StringContent("yes"), "aboutStaff" },
            { new StringContent("no"), "dangerNow" },
        };
        var post = await client.PostAsync($"/r/{token}/ar/wonen/wonen-vocht", form);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, post.StatusCode);
        var code = post.Headers.Location!.OriginalString.Split('?')[0].Split('/')[^1]; // the confirmation page ends in the code
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Equal(Confidential, (await _app.LoadAsync(code)).OrganisationId);
        var status = await client.GetStringAsync(post.Headers.Location.OriginalString);
        Assert.Contains(Domain.Texts.ResidentTexts.Default.Get("ar", "event.confidential"), status);
    }

    [Fact]
    public async Task ResendWithAnotherSafetyAnswerOrComplaint_IsADifferentReport_NotAReplay()
    {
        var client = _app.CreateClient();
        var body = Body(Intakes.AzcMainBuilding, "wonen", "wonen-vocht", "water in my room", danger: false, staff: false);
        await client.SubmitAcceptedAsync(body);
        foreach (var (field, value) in new (string, object)[] { ("aboutStaff", true), ("dangerNow", true), ("formalComplaint", true) })
        {
            var changed = new Dictionary<string, object?>(body) { [field] = value };
            var (response, _) = await client.SubmitAsync(changed);
            Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, response.StatusCode);
        }
    }
}

/// <summary>Routing with Translator configured: the Dutch translation is flagged too, within a bounded wait.</summary>
public sealed class TranslationFlaggingTest
{
    private static SignaleringApp AppWith(TranslatorStub stub, string timeout = "00:00:03")
    {
        var app = TranslationTest.AppWith(stub);
        app.Settings["Signals:TranslateBeforeRoutingTimeout"] = timeout;
        return app;
    }

    // Words no lexicon knows; the (fake) translation says what they mean.
    private const string Original = "zzq wixle ploona dargh";

    [Fact]
    public async Task TranslationFlaggedSensitive_RoutesToTheConfidentialHandler()
    {
        await using var stub = await TranslatorStub.StartAsync();
        stub.Dutch[Original] = "De beveiliger slaat mij en wil geld";
        using var app = AppWith(stub);
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app, language: "ti", text: Original));
        Assert.False((await app.LoadAsync(code)).Flags.Sensitive); // the original words said nothing
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var signal = await app.LoadAsync(code);
        Assert.True(signal.Flags.Sensitive);
        Assert.Contains(signal.Flags.Kinds, k => k.StartsWith(SignalFlagsInfo.TranslationPrefix, StringComparison.Ordinal));
        Assert.Equal("vertrouwenspersoon", signal.OrganisationId);
        Assert.Empty(await app.PeekOrganisationQueueAsync("coa-luttelgeest"));
        Assert.Equal(Domain.Signals.TranslationState.Translated, signal.Translation);
    }

    [Fact]
    public async Task TranslationFlaggedEmergency_MakesTheSignalUrgent()
    {
        await using var stub = await TranslatorStub.StartAsync();
        stub.Dutch[Original] = "Mijn vriend heeft pillen geslikt en wordt niet wakker";
        using var app = AppWith(stub);
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app, language: "ti", text: Original));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");

        var signal = await app.LoadAsync(code);
        Assert.True(signal.IsUrgent);
        Assert.Equal(HandlingPromise.Urgent, signal.Promise);
        Assert.True(Assert.Single(await app.PeekOrganisationQueueAsync("coa-luttelgeest")).GetProperty("urgent").GetBoolean());
    }

    [Fact]
    public async Task TranslatorTooSlow_RoutesOnTheOriginalWithinTheBudget_AndTranslatesLater()
    {
        await using var stub = await TranslatorStub.StartAsync();
        stub.Delay = TimeSpan.FromSeconds(20);
        using var app = AppWith(stub, timeout: "00:00:00.300");
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app, text: "الماء يدخل غرفتي"));
        var started = System.Diagnostics.Stopwatch.StartNew();
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"routing waited {started.Elapsed}");

        var signal = await app.LoadAsync(code);
        Assert.Equal(Domain.Workflow.SignalStatus.Routed, signal.Status);
        Assert.Equal(Domain.Signals.TranslationState.Pending, signal.Translation);
        Assert.Single(await app.PeekOrganisationQueueAsync("coa-luttelgeest"));
    }
}
