using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;
using Microsoft.Extensions.DependencyInjection;

namespace Signalering.Functions.Tests.Inbox;

/// <summary>The coordinators' API: who sees what, the audit trail, ETags, and the acknowledgement clock.</summary>
public sealed class InboxTest : IDisposable
{
    // Monday 23 November 2026, 10:00 Dutch time.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly SignaleringApp _app;

    public InboxTest() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    private async Task<string> RoutedSignalAsync(string? text = "الماء يدخل غرفتي", string category = "wonen", string? sub = "wonen-vocht")
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, category: category, subcategory: sub, text: text));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return code;
    }

    [Fact]
    public async Task WithoutAToken_401_WithAResidentsTokenNothing()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/inbox")).StatusCode);
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", "not.a.token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/inbox")).StatusCode);
    }

    [Fact]
    public async Task ACoordinatorSeesOnlyTheirOwnOrganisationsSignals()
    {
        var code = await RoutedSignalAsync();
        var coa = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync("/api/inbox")).RootElement;
        Assert.Contains(coa.GetProperty("signals").EnumerateArray(), s => s.GetProperty("trackingCode").GetString() == code);

        var housing = _app.Coordinator("wooncooperatie");
        var theirs = JsonDocument.Parse(await housing.GetStringAsync("/api/inbox")).RootElement;
        Assert.DoesNotContain(theirs.GetProperty("signals").EnumerateArray(), s => s.GetProperty("trackingCode").GetString() == code);
        Assert.Equal(HttpStatusCode.NotFound, (await housing.GetAsync($"/api/inbox/signals/{code}")).StatusCode);
    }

    [Fact]
    public async Task ConfidentialSignals_AreSeenOnlyByTheConfidentialHandler()
    {
        var code = await RoutedSignalAsync(text: null, category: "veiligheid", sub: "veiligheid-medewerker");
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator("coa-luttelgeest").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator("gemeente-triage", "municipality").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Coordinator("vertrouwenspersoon").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
    }

    [Fact]
    public async Task Detail_ShowsTheOriginalText_IsAudited_AndAcceptNeedsTheCurrentETag()
    {
        var code = await RoutedSignalAsync();
        var coa = _app.Coordinator("coa-luttelgeest");
        var detail = await coa.GetAsync($"/api/inbox/signals/{code}");
        var body = JsonDocument.Parse(await detail.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("الماء يدخل غرفتي", body.GetProperty("text").GetString());
        var etag = detail.Headers.ETag!.ToString();

        Assert.Equal(HttpStatusCode.PreconditionRequired, (await coa.PostAsync($"/api/inbox/signals/{code}/accept", null)).StatusCode);
        var stale = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/accept");
        stale.Headers.TryAddWithoutValidation("If-Match", "W/\"datetime'2000-01-01T00%3A00%3A00Z'\"");
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await coa.SendAsync(stale)).StatusCode);

        var accept = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/accept");
        accept.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.OK, (await coa.SendAsync(accept)).StatusCode);
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(code)).Status);

        // A second coordinator with the same (now old) ETag does not overwrite.
        var second = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/resolve");
        second.Headers.TryAddWithoutValidation("If-Match", etag);
        Assert.Equal(HttpStatusCode.PreconditionFailed, (await coa.SendAsync(second)).StatusCode);

        Assert.True(TrackingCode.TryParse(code, out var parsed));
        var trail = await _app.Services.GetRequiredService<AuditTable>().ForAsync(parsed, CancellationToken.None);
        Assert.Equal(["read", "accept"], trail.Select(a => a.Action));
        Assert.All(trail, a => Assert.Equal("coa-luttelgeest", a.Organisation));
    }

    [Fact]
    public async Task AcknowledgementClock_RunsInWorkingHours_AndCountsOverdue()
    {
        var code = await RoutedSignalAsync(); // wonen: acknowledge within 16 working hours
        var item = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync("/api/inbox")).RootElement
            .GetProperty("signals").EnumerateArray().Single(s => s.GetProperty("trackingCode").GetString() == code);
        // Routed Monday 10:00: 7 h left on Monday, 8 on Tuesday, 1 on Wednesday → Wednesday 10:00 Dutch time.
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero), item.GetProperty("clock").GetProperty("acknowledgeBy").GetDateTimeOffset());
        Assert.False(item.GetProperty("clock").GetProperty("acknowledgeOverdue").GetBoolean());

        _clock.Advance(TimeSpan.FromDays(3)); // Thursday: not accepted in time
        await _app.InvokeTimerAsync("SweepSignals");
        Assert.Equal(1, _app.Services.GetRequiredService<HandlingClocks>().Overdue["coa-luttelgeest"]);
        // Accept or bounce: it went to municipality triage, which has it on its queue and in its inbox.
        var signal = await _app.LoadAsync(code);
        Assert.Equal("gemeente-triage", signal.OrganisationId);
        Assert.Equal(SignalStatus.Routed, signal.Status);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.Escalated && e.Detail == "not-accepted-in-time");
        Assert.Contains(await _app.PeekOrganisationQueueAsync("gemeente-triage"), m => m.GetProperty("trackingCode").GetString() == code);
        var triage = JsonDocument.Parse(await _app.Coordinator("gemeente-triage", "municipality").GetStringAsync("/api/inbox")).RootElement;
        Assert.Contains(triage.GetProperty("signals").EnumerateArray(), s => s.GetProperty("trackingCode").GetString() == code);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Coordinator("coa-luttelgeest").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
    }

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, string code, string action, object? body = null) =>
        client.ActAsync(code, action, body);

    [Fact]
    public async Task Forward_TheReceiverMustAccept_AndTheResidentIsTold()
    {
        var code = await RoutedSignalAsync();
        var coa = _app.Coordinator("coa-luttelgeest");
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(coa, code, "forward", new { to = "wooncooperatie" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "forward", new { to = "wooncooperatie", reason = "Gebouw is van de corporatie" })).StatusCode);
        var signal = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.Forwarded, signal.Status);
        Assert.Equal("wooncooperatie", signal.OrganisationId);
        Assert.Contains("corporatie", Assert.Single(signal.Notes).Text);

        var housing = _app.Coordinator("wooncooperatie");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(housing, code, "accept")).StatusCode);
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(code)).Status);

        // The resident reads that it was passed on, in Arabic, but never the internal note.
        var status = await _app.CreateClient().GetStringAsync($"/api/signals/{code}");
        Assert.Contains(Domain.Texts.ResidentTexts.Default.Get("ar", "reply.forwarded"), status);
        Assert.DoesNotContain("corporatie", status);
    }

    [Fact]
    public async Task Reject_NotOurs_GoesBackToTriage()
    {
        var code = await RoutedSignalAsync();
        var coa = _app.Coordinator("coa-luttelgeest");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "reject", new { reasonCode = "notOurs", reason = "Dit is een gemeentezaak" })).StatusCode);
        var signal = await _app.LoadAsync(code);
        Assert.Equal("gemeente-triage", signal.OrganisationId);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.Escalated && e.Detail == "not-ours");
        var triage = _app.Coordinator("gemeente-triage", "municipality");
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(triage, code, "reject", new { reasonCode = "notOurs", reason = "x" })).StatusCode);
    }

    [Fact]
    public async Task Respond_FreeTextIsLabelledAndInternalNotesStayInternal()
    {
        var code = await RoutedSignalAsync();
        var coa = _app.Coordinator("coa-luttelgeest");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "note", new { text = "Bewoner kamer 12 eerder gesproken" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "respond", new { standardReply = "planned" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(coa, code, "respond", new { standardReply = "whatever" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "respond", new { text = "De monteur komt donderdag." })).StatusCode);

        var view = JsonDocument.Parse(await _app.CreateClient().GetStringAsync($"/api/signals/{code}")).RootElement;
        var responses = view.GetProperty("responses").EnumerateArray().ToList();
        Assert.Equal(2, responses.Count);
        Assert.Equal(Domain.Texts.ResidentTexts.Default.Get("ar", "reply.planned"), responses[0].GetProperty("text").GetString());
        // No translator configured here: the free text is shown as written, in Dutch, and not labelled as machine work.
        Assert.Equal("De monteur komt donderdag.", responses[1].GetProperty("text").GetString());
        Assert.Equal("nl", responses[1].GetProperty("language").GetString());
        Assert.DoesNotContain("kamer 12", view.ToString());
    }

    [Fact]
    public async Task Cancel_NeedsAReasonTheResidentReads_TheInternalOneStaysANote()
    {
        var code = await RoutedSignalAsync();
        var coa = _app.Coordinator("coa-luttelgeest");
        foreach (var body in new object[] { new { }, new { reason = "Bewoner is verhuisd" }, new { reasonCode = "because" } })
        {
            var refused = await ActAsync(coa, code, "cancel", body);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("\"reasonCode\"", await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(SignalStatus.Routed, (await _app.LoadAsync(code)).Status);

        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "cancel", new { reasonCode = "unreachable", reason = "Bewoner is verhuisd" })).StatusCode);
        var signal = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.Cancelled, signal.Status);
        Assert.Equal("Bewoner is verhuisd", Assert.Single(signal.Notes).Text);
        Assert.Equal("unreachable", signal.Reason!.Code);

        // The resident reads the reason in their own language (Arabic here), never the internal note.
        var view = JsonDocument.Parse(await _app.CreateClient().GetStringAsync($"/api/signals/{code}")).RootElement;
        Assert.Equal(Domain.Texts.ResidentTexts.Default.Get("ar", "reason.unreachable"), view.GetProperty("reason").GetProperty("text").GetString());
        Assert.DoesNotContain("verhuisd", view.ToString());
    }

    [Fact]
    public async Task UnknownAction_IsAProblemNamingIt()
    {
        var code = await RoutedSignalAsync();
        var response = await ActAsync(_app.Coordinator("coa-luttelgeest"), code, "delete");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("action", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Filters_NarrowTheList_AndABadStatusIsNamed()
    {
        var ordinary = await RoutedSignalAsync();
        var urgent = await RoutedSignalAsync(text: null, category: "wonen", sub: "wonen-brand");
        var coa = _app.Coordinator("coa-luttelgeest");
        string[] Codes(JsonElement list) => [.. list.GetProperty("signals").EnumerateArray().Select(s => s.GetProperty("trackingCode").GetString()!)];

        var all = Codes(JsonDocument.Parse(await coa.GetStringAsync("/api/inbox")).RootElement);
        Assert.Equal(urgent, all[0]); // urgent first
        Assert.Equal([urgent], Codes(JsonDocument.Parse(await coa.GetStringAsync("/api/inbox?urgent=true")).RootElement));
        Assert.Equal([ordinary], Codes(JsonDocument.Parse(await coa.GetStringAsync("/api/inbox?category=wonen-vocht")).RootElement));
        Assert.Empty(Codes(JsonDocument.Parse(await coa.GetStringAsync("/api/inbox?status=accepted")).RootElement));
        var bad = await coa.GetAsync("/api/inbox?status=done");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AwaitingTheResident_PausesTheResolutionClock()
    {
        var code = await RoutedSignalAsync();
        var coa = _app.Coordinator("coa-luttelgeest");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "accept")).StatusCode);
        var before = JsonDocument.Parse(await coa.GetStringAsync($"/api/inbox/signals/{code}")).RootElement.GetProperty("item").GetProperty("clock");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "await-resident")).StatusCode);
        _clock.Advance(TimeSpan.FromDays(1)); // Tuesday 10:00: a full working day of waiting
        var paused = JsonDocument.Parse(await coa.GetStringAsync($"/api/inbox/signals/{code}")).RootElement.GetProperty("item").GetProperty("clock");
        Assert.True(paused.GetProperty("paused").GetBoolean());
        Assert.Equal(8, paused.GetProperty("pausedHours").GetDouble());
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "start")).StatusCode);
        var after = JsonDocument.Parse(await coa.GetStringAsync($"/api/inbox/signals/{code}")).RootElement.GetProperty("item").GetProperty("clock");
        Assert.False(after.GetProperty("paused").GetBoolean());
        Assert.Equal(before.GetProperty("resolveBy").GetDateTimeOffset().AddDays(1), after.GetProperty("resolveBy").GetDateTimeOffset());
    }

    [Fact]
    public async Task Merge_BothResidentsSeeTheSharedOutcome_AndHowManyReportedIt()
    {
        var first = await RoutedSignalAsync();
        var second = await RoutedSignalAsync(text: "ماء في الغرفة");
        var coa = _app.Coordinator("coa-luttelgeest");
        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(coa, second, "merge", new { into = second })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, second, "merge", new { into = first })).StatusCode);
        Assert.Equal(SignalStatus.Merged, (await _app.LoadAsync(second)).Status);
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, first, "respond", new { standardReply = "planned" })).StatusCode);

        var others = Domain.Texts.ResidentTexts.Default.Get("ar", "status.othersReported", ("count", "1"));
        var merged = JsonDocument.Parse(await _app.CreateClient().GetStringAsync($"/api/signals/{second}")).RootElement;
        Assert.Contains(Domain.Texts.ResidentTexts.Default.Get("ar", "status.sharedOutcome"), merged.GetProperty("sharedOutcome").GetString());
        Assert.Equal(others, merged.GetProperty("othersReported").GetString());
        Assert.Contains(merged.GetProperty("responses").EnumerateArray(), r => r.GetProperty("text").GetString() == Domain.Texts.ResidentTexts.Default.Get("ar", "reply.planned"));
        var original = JsonDocument.Parse(await _app.CreateClient().GetStringAsync($"/api/signals/{first}")).RootElement;
        Assert.Equal(others, original.GetProperty("othersReported").GetString());

        // A merged signal cannot take more merges.
        var third = await RoutedSignalAsync();
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(coa, third, "merge", new { into = second })).StatusCode);
    }

    [Fact]
    public async Task FormalComplaint_SixWeeks_ExtendedOnceAndTheResidentIsTold()
    {
        var body = Intakes.Body(_app);
        body["formalComplaint"] = true;
        var code = await _app.CreateClient().SubmitAcceptedAsync(body);
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var received = (await _app.LoadAsync(code)).ReceivedAt;
        var coa = _app.Coordinator("coa-luttelgeest");
        JsonElement Clock(string json) => JsonDocument.Parse(json).RootElement.GetProperty("item").GetProperty("clock");
        Assert.Equal(received.AddDays(42), Clock(await coa.GetStringAsync($"/api/inbox/signals/{code}")).GetProperty("complaintDecideBy").GetDateTimeOffset());
        var view = JsonDocument.Parse(await _app.CreateClient().GetStringAsync($"/api/signals/{code}")).RootElement;
        Assert.Equal(Domain.Texts.ResidentTexts.Default.Get("ar", "status.complaintDeadline", ("date", "04-01-2027")), view.GetProperty("complaintDeadline").GetString());

        Assert.Equal(HttpStatusCode.BadRequest, (await ActAsync(coa, code, "extend-complaint", new { weeks = 3 })).StatusCode);
        // Five weeks is more than the Awb allows: the input is wrong (400). Extending a second time is the state's refusal (409, below).
        var tooLong = await ActAsync(coa, code, "extend-complaint", new { weeks = 5, reason = "x" });
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Contains("\"weeks\"", await tooLong.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "extend-complaint", new { weeks = 3, reason = "Onderzoek bij de aannemer" })).StatusCode);
        Assert.Equal(received.AddDays(63), Clock(await coa.GetStringAsync($"/api/inbox/signals/{code}")).GetProperty("complaintDecideBy").GetDateTimeOffset());
        Assert.Equal(HttpStatusCode.Conflict, (await ActAsync(coa, code, "extend-complaint", new { weeks = 1, reason = "again" })).StatusCode);

        view = JsonDocument.Parse(await _app.CreateClient().GetStringAsync($"/api/signals/{code}")).RootElement;
        var told = Domain.Texts.ResidentTexts.Default.Get("ar", "reply.complaintExtended", ("date", "25-01-2027"));
        Assert.Contains(view.GetProperty("responses").EnumerateArray(), r => r.GetProperty("text").GetString() == told);
        Assert.DoesNotContain("aannemer", view.ToString());
    }

    [Fact]
    public async Task NearlyDue_TheOrganisationIsRemindedOnce()
    {
        var code = await RoutedSignalAsync(); // routed Monday 10:00, acknowledge by Wednesday 10:00
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero)); // Tuesday 16:00: two working hours left
        await _app.InvokeTimerAsync("SweepSignals");
        await _app.InvokeTimerAsync("SweepSignals");
        var messages = await _app.PeekOrganisationQueueAsync("coa-luttelgeest");
        Assert.Equal(["routed", "due-soon"], messages.Select(m => m.GetProperty("event").GetString()));
        Assert.Equal(SignalStatus.Routed, (await _app.LoadAsync(code)).Status);
        Assert.Equal("coa-luttelgeest", (await _app.LoadAsync(code)).OrganisationId);
    }

    [Fact]
    public async Task Emergency_OnSaturdayNight_RunsRoundTheClock_RemindedThenEscalatedWithinTheHour()
    {
        _clock.SetUtcNow(new DateTimeOffset(2026, 11, 28, 22, 30, 0, TimeSpan.Zero)); // Saturday 23:30 Dutch time
        var body = Intakes.Body(_app);
        body["dangerNow"] = true; // the resident's answer: someone is in danger now
        var (response, accepted) = await _app.CreateClient().SubmitAsync(body);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.True(accepted.GetProperty("promise").GetProperty("roundTheClock").GetBoolean());
        Assert.StartsWith(Domain.Texts.ResidentTexts.Default.Get("ar", "promise.lookHour"), accepted.GetProperty("promise").GetProperty("text").GetString());
        var code = accepted.GetProperty("trackingCode").GetString()!;
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var clock = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync($"/api/inbox/signals/{code}")).RootElement
            .GetProperty("item").GetProperty("clock");
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero), clock.GetProperty("acknowledgeBy").GetDateTimeOffset());
        Assert.True(clock.GetProperty("roundTheClock").GetBoolean());

        _clock.Advance(TimeSpan.FromMinutes(2)); // the first sweep: 58 minutes left, too early to say "due soon"
        await _app.InvokeTimerAsync("SweepSignals");
        Assert.DoesNotContain(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"), m => m.GetProperty("event").GetString() == "due-soon");

        _clock.Advance(TimeSpan.FromMinutes(33)); // 25 minutes left, on a Saturday night: the organisation is warned now, not on Monday
        await _app.InvokeTimerAsync("SweepSignals");
        Assert.Contains(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"), m => m.GetProperty("event").GetString() == "due-soon");

        _clock.Advance(TimeSpan.FromMinutes(30)); // Sunday 00:35: not accepted within the hour
        await _app.InvokeTimerAsync("SweepSignals");
        var signal = await _app.LoadAsync(code);
        Assert.Equal("gemeente-triage", signal.OrganisationId);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.Escalated && e.Detail == "not-accepted-in-time");
    }

    [Fact]
    public async Task NotResolvedInTime_TheOrganisationIsToldAndTriageGetsACopy_Once()
    {
        var code = await RoutedSignalAsync(); // wonen: resolve within 10 working days of routing (Monday 23 November)
        var coa = _app.Coordinator("coa-luttelgeest");
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(coa, code, "accept")).StatusCode);
        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 7, 15, 0, 0, TimeSpan.Zero)); // Monday 7 December 16:00 Dutch time: one working hour left (10 working days end at 17:00)
        await _app.InvokeTimerAsync("SweepSignals");
        Assert.DoesNotContain(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"), m => m.GetProperty("event").GetString() == "overdue");

        _clock.SetUtcNow(new DateTimeOffset(2026, 12, 8, 16, 30, 0, TimeSpan.Zero)); // Tuesday 8 December 17:30 Dutch time: past it
        await _app.InvokeTimerAsync("SweepSignals");
        await _app.InvokeTimerAsync("SweepSignals");
        Assert.Single(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"), m => m.GetProperty("event").GetString() == "overdue");
        var copy = Assert.Single(await _app.PeekOrganisationQueueAsync("gemeente-triage"), m => m.GetProperty("event").GetString() == "overdue");
        Assert.True(copy.GetProperty("isCopy").GetBoolean());
        var signal = await _app.LoadAsync(code);
        Assert.Equal("coa-luttelgeest", signal.OrganisationId); // it stays with the organisation doing the work
        Assert.Single(signal.Events, e => e.Kind == SignalEventKinds.Overdue && e.Detail == Signal.ResolutionDeadline);
    }

    [Fact]
    public async Task ContactDetails_AreForCoordinatorsNotForTechnicalAdmins()
    {
        var body = Intakes.Body(_app);
        body["contact"] = new { phone = "+31612345678" };
        body["contactConsent"] = true;
        var code = await _app.CreateClient().SubmitAcceptedAsync(body);
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var asCoordinator = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync($"/api/inbox/signals/{code}")).RootElement;
        Assert.Equal("+31612345678", asCoordinator.GetProperty("contact").GetProperty("phone").GetString());
        // A technical admin is the municipality's: one claimed for COA keeps no role at all, and the municipality's
        // admin has no business in COA's inbox.
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, (await _app.Coordinator("coa-luttelgeest", "admin").GetAsync($"/api/inbox/signals/{code}")).StatusCode);
        var asAdmin = await _app.Coordinator("gemeente-regie", "admin").GetAsync($"/api/inbox/signals/{code}");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, asAdmin.StatusCode);
    }
}
