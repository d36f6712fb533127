using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Languages;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using static Signalering.Functions.Tests.Expertpool.ExpertpoolFlows;

namespace Signalering.Functions.Tests.Expertpool;

/// <summary>The municipality's side: who may, translations that never block, analysis next to signals, exports, reminders, sessions.</summary>
public sealed class ConsultationAdminTest : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(Now);
    private SignaleringApp _app = null!;
    private TranslatorStub? _stub;

    public Task InitializeAsync()
    {
        _app = new SignaleringApp { Clock = _clock };
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        if (_stub is not null) await _stub.DisposeAsync();
    }

    private async Task WithTranslatorAsync()
    {
        _app.Dispose();
        _stub = await TranslatorStub.StartAsync();
        _app = new SignaleringApp { Clock = _clock };
        _app.Settings["Translator:Endpoint"] = _stub.Url;
        _app.Settings["Translator:Key"] = TranslatorStub.Key;
        _app.Settings["Translator:MaxRetryAttempts"] = "1";
        _app.Settings["Translator:RetryDelaySeconds"] = "0.01";
    }

    [Fact]
    public async Task OnlyMunicipalityAndAdmin_ManageConsultations()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.CreateClient().GetAsync("/api/expertpool/consultations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _app.Coordinator("coa-luttelgeest").GetAsync("/api/expertpool/consultations")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await _app.Coordinator("coa-luttelgeest").PostAsJsonAsync("/api/expertpool/consultations", ConsultationBody())).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.Coordinator("gemeente-regie", Auth.Roles.Admin).GetAsync("/api/expertpool/consultations")).StatusCode);
        Assert.NotEmpty(await _app.CreateConsultationAsync());
    }

    [Theory]
    [InlineData("0123456789abcdef")]
    [InlineData("Not'A-Key")]
    [InlineData("a%5Cb")]
    public async Task UnknownOrMalformedId_404(string id)
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Municipality().GetAsync($"/api/expertpool/consultations/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.Municipality().GetAsync($"/api/expertpool/consultations/{id}/analysis")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().GetAsync($"/e/results/{id}?lang=en")).StatusCode);
    }

    [Theory]
    [InlineData("title", "")]
    [InlineData("targetGroups", null)]
    [InlineData("locationIds", "nowhere")]
    [InlineData("indicators", "geluk")]
    [InlineData("closesAt", "2026-11-01T00:00:00Z")]
    public async Task Create_BadField_400NamingIt_NothingStored(string field, string? value)
    {
        var body = ConsultationBody();
        body[field] = field switch
        {
            "targetGroups" => Array.Empty<string>(),
            "locationIds" or "indicators" => new[] { value },
            "closesAt" => DateTimeOffset.Parse(value!, System.Globalization.CultureInfo.InvariantCulture),
            _ => value,
        };
        var response = await _app.Municipality().PostAsJsonAsync("/api/expertpool/consultations", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _), field);
        Assert.Empty(await _app.RowsAsync(Signalering.Infrastructure.Tables.ExpertpoolTables.ConsultationsTable));
    }

    [Fact]
    public async Task Invite_InALanguageNoNativeSpeakerChecked_IsRefusedUntilCheckedOrConfirmed()
    {
        var id = await _app.CreateConsultationAsync();
        var joined = await _app.CreateClient().PostAsJsonAsync("/api/expertpool/members", JoinBody("oekraiens", "oekraine-emmeloord", language: "uk"));
        var ukMember = (await joined.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("memberCode").GetString()!;
        var invitations = $"/api/expertpool/consultations/{id}/invitations";

        var refused = await _app.Municipality().PostAsync(invitations, null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("confirmUnreviewed", problem);
        Assert.Contains("uk", problem);
        Assert.Empty(await _app.InvitationRowsAsync());
        Assert.Empty((await _app.LookupAsync(ukMember)).GetProperty("invitations").EnumerateArray());
        Assert.Equal(HttpStatusCode.BadRequest, (await _app.Municipality().PostAsync(invitations + "?confirmUnreviewed=maybe", null)).StatusCode);

        var texts = new Dictionary<string, string>
        {
            ["title"] = "Мова і житло", ["intro"] = "Ми хочемо знати, як справи з мовою і житлом.", ["q.1"] = "Що покращило б житло?",
            ["q.2"] = "У вас є уроки мови?", ["q.2.o0"] = "Так", ["q.2.o1"] = "Ні",
        };
        Assert.Equal(HttpStatusCode.OK, (await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/translations/uk", new { reviewer = "Olha", texts })).StatusCode);
        var checkedLanguage = await _app.Municipality().PostAsync(invitations, null);
        Assert.Equal(1, (await checkedLanguage.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetInt32());

        await _app.JoinAsync(); // Arabic, not checked
        Assert.Equal(HttpStatusCode.Conflict, (await _app.Municipality().PostAsync(invitations, null)).StatusCode);
        Assert.Single(await _app.InvitationRowsAsync());
        var confirmed = await _app.Municipality().PostAsync(invitations + "?confirmUnreviewed=true", null);
        Assert.Equal(1, (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("invited").GetInt32());
    }

    [Fact]
    public async Task WithoutTranslator_DutchKept_EveryLanguagePending_ReviewerCanWriteAndCheckIt()
    {
        var id = await _app.CreateConsultationAsync();
        var translate = await _app.Municipality().PostAsync($"/api/expertpool/consultations/{id}/translate", null);
        Assert.Equal(HttpStatusCode.OK, translate.StatusCode);
        Assert.Equal(FormLanguages.All.Count - 1, (await translate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("pending").GetArrayLength());

        var texts = new Dictionary<string, string>
        {
            ["title"] = "Мова і житло", ["intro"] = "Ми хочемо знати, як справи з мовою і житлом.", ["q.1"] = "Що покращило б житло?",
            ["q.2"] = "У вас є уроки мови?", ["q.2.o0"] = "Так", ["q.2.o1"] = "Ні",
        };
        var reviewed = await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/translations/uk", new { reviewer = "Olha", texts });
        Assert.Equal(HttpStatusCode.OK, reviewed.StatusCode);
        var uk = (await reviewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("translations").EnumerateArray().Single(t => t.GetProperty("language").GetString() == "uk");
        Assert.True(uk.GetProperty("reviewed").GetBoolean());
        Assert.False(uk.GetProperty("pending").GetBoolean());
        var bad = await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/translations/tr", new { reviewer = "Ayşe", texts = new { title = "Dil" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var code = await _app.JoinAsync(group: "oekraiens", location: "oekraine-emmeloord");
        await _app.InviteAsync(id);
        var page = await _app.CreateClient().GetStringAsync($"/e/i/{await _app.InvitationTokenAsync(code, id)}?lang=uk");
        Assert.Contains("Мова і житло", page);
        Assert.DoesNotContain(Domain.Texts.ResidentTexts.Default.Get("uk", "responses.machineTranslated"), page);
    }

    [Fact]
    public async Task WithTranslator_TimerTranslatesConsultationAndOpenAnswers_LabelledAsMachineTranslation()
    {
        await WithTranslatorAsync();
        var id = await _app.CreateConsultationAsync();
        Assert.True((await _app.InvokeTimerAsync("TranslateExpertpool")).Succeeded);
        var view = await _app.Municipality().GetFromJsonAsync<JsonElement>($"/api/expertpool/consultations/{id}");
        Assert.All(view.GetProperty("translations").EnumerateArray(), t => Assert.False(t.GetProperty("pending").GetBoolean()));
        var ti = view.GetProperty("translations").EnumerateArray().Single(t => t.GetProperty("language").GetString() == "ti");
        Assert.Equal("[ti] Taal en wonen", ti.GetProperty("texts").GetProperty("title").GetString());
        Assert.False(ti.GetProperty("reviewed").GetBoolean());

        var code = await _app.JoinAsync();
        await _app.InviteAsync(id);
        var token = await _app.InvitationTokenAsync(code, id);
        var page = await _app.CreateClient().GetStringAsync($"/e/i/{token}?lang=ti");
        Assert.Contains("[ti] Taal en wonen", page);
        Assert.Contains(Domain.Texts.ResidentTexts.Default.Get("ti", "responses.machineTranslated"), page);

        Assert.Equal(HttpStatusCode.Created, (await _app.AnswerAsync(token, 5, 5, "الجدران مبللة")).StatusCode);
        await _app.InvokeTimerAsync("TranslateExpertpool");
        var analysis = await _app.Municipality().GetFromJsonAsync<JsonElement>($"/api/expertpool/consultations/{id}/analysis");
        var quote = Assert.Single(analysis.GetProperty("quotes").EnumerateArray());
        Assert.Equal("[nl] الجدران مبللة", quote.GetProperty("textNl").GetString());
        Assert.True(quote.GetProperty("machineTranslated").GetBoolean());
        Assert.Contains("machinevertaling", await _app.Municipality().GetStringAsync($"/api/expertpool/consultations/{id}/report"));
    }

    [Fact]
    public async Task Analysis_SuppressesSmallGroups_ReadsSignalsAlongside_ExportsCsvAndReport()
    {
        var id = await _app.CreateConsultationAsync();
        var members = new List<string>();
        for (var i = 0; i < 5; i++) members.Add(await _app.JoinAsync());
        for (var i = 0; i < 2; i++) members.Add(await _app.JoinAsync(group: "oekraiens", location: "oekraine-emmeloord"));
        Assert.Equal(7, await _app.InviteAsync(id));
        int[] scores = [2, 4, 6, 8, 10, 3, 9];
        for (var i = 0; i < members.Count; i++)
            Assert.Equal(HttpStatusCode.Created, (await _app.AnswerAsync(await _app.InvitationTokenAsync(members[i], id), scores[i], open: $"antwoord {i}")).StatusCode);
        // Two housing signals from the AZC while the consultation is open, one from elsewhere.
        await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, category: "wonen", subcategory: "wonen-verwarming"));
        await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, tokenId: Intakes.LabourMigrants, language: "pl", text: "Zimno"));

        var a = await _app.Municipality().GetFromJsonAsync<JsonElement>($"/api/expertpool/consultations/{id}/analysis");
        Assert.Equal(7, a.GetProperty("answers").GetInt32());
        Assert.Equal("<5", a.GetProperty("answersByGroup").GetProperty("oekraiens").GetString());
        var taal = a.GetProperty("indicators").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "taal");
        Assert.Equal(6.0, taal.GetProperty("all").GetProperty("mean").GetDouble(), 9); // 42 / 7
        Assert.Equal(6.0, taal.GetProperty("all").GetProperty("median").GetDouble());
        var groups = taal.GetProperty("byGroup").EnumerateArray().ToList();
        // Shown, the asylum seekers' five scores subtracted from the total would give the two Ukrainians' own (3 and 9).
        var azc = groups.Single(g => g.GetProperty("group").GetString() == "asielzoeker");
        Assert.True(azc.GetProperty("suppressed").GetBoolean() && azc.GetProperty("complementary").GetBoolean());
        Assert.Equal(JsonValueKind.Null, azc.GetProperty("scores").ValueKind);
        var ua = groups.Single(g => g.GetProperty("group").GetString() == "oekraiens");
        Assert.True(ua.GetProperty("suppressed").GetBoolean());
        Assert.Equal(JsonValueKind.Null, ua.GetProperty("scores").ValueKind);
        Assert.All(a.GetProperty("quotes").EnumerateArray().Where(q => q.GetProperty("text").GetString() is "antwoord 5" or "antwoord 6"),
            q => Assert.Equal("Nieuwkomers", q.GetProperty("label").GetString()));
        var housing = a.GetProperty("indicators").EnumerateArray().Single(r => r.GetProperty("indicator").GetString() == "huisvesting");
        Assert.Equal(2, housing.GetProperty("signals").GetProperty("total").GetInt32());

        var csv = Encoding.UTF8.GetString(await _app.Municipality().GetByteArrayAsync($"/api/expertpool/consultations/{id}/analysis.csv"));
        Assert.Contains("Taal;Oekraïense ontheemden;<5;;", csv);
        Assert.Contains("Taal;Asielzoekers;verborgen;;", csv);
        Assert.DoesNotContain("Taal;Asielzoekers;5;", csv);
        Assert.Contains("Taal;Alle groepen;7;6;6;", csv);
        var report = await _app.Municipality().GetStringAsync($"/api/expertpool/consultations/{id}/report");
        Assert.Contains("@media print", report);
        Assert.Contains("Signalen in dezelfde periode van dezelfde locaties: 2", report);
        Assert.DoesNotContain("Oekraïense ontheemden</th><td>2", report);

        var quoteId = a.GetProperty("quotes")[0];
        var selected = await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/quotes",
            new { quotes = new[] { $"{quoteId.GetProperty("answerId").GetString()}/{quoteId.GetProperty("questionId").GetString()}" } });
        Assert.Equal(HttpStatusCode.OK, selected.StatusCode);
        Assert.Contains("<strong>Citaat</strong>", await _app.Municipality().GetStringAsync($"/api/expertpool/consultations/{id}/report"));
    }

    [Fact]
    public async Task Reminders_MarkedBeforeClosing_ExportedForTheOrganisersToSend()
    {
        var id = await _app.CreateConsultationAsync();
        var byEmail = await _app.JoinAsync(channel: "email", email: "mina@example.org");
        var byEmailAnswered = await _app.JoinAsync(channel: "email", email: "sara@example.org");
        await _app.JoinAsync();
        await _app.InviteAsync(id);
        var invitations = Encoding.UTF8.GetString(await _app.Municipality().GetByteArrayAsync($"/api/expertpool/consultations/{id}/mailing.csv?kind=invitations"));
        Assert.Contains("email;mina@example.org;ar;http", invitations);
        Assert.Equal(3, invitations.Trim().Split('\n').Length); // header, two email members; the location-link member gets no message
        await _app.AnswerAsync(await _app.InvitationTokenAsync(byEmailAnswered, id), 7);

        await _app.InvokeTimerAsync("RemindConsultations");
        var early = Encoding.UTF8.GetString(await _app.Municipality().GetByteArrayAsync($"/api/expertpool/consultations/{id}/mailing.csv?kind=reminders"));
        Assert.Single(early.Trim().Split('\n'));

        _clock.Advance(TimeSpan.FromDays(12));
        Assert.True((await _app.InvokeTimerAsync("RemindConsultations")).Succeeded);
        var reminders = Encoding.UTF8.GetString(await _app.Municipality().GetByteArrayAsync($"/api/expertpool/consultations/{id}/mailing.csv?kind=reminders"));
        var lines = reminders.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Contains("mina@example.org", lines[1]);
        var link = lines[1].Split(';')[3];
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().GetAsync(new Uri(link).PathAndQuery)).StatusCode);
        Assert.NotEmpty(byEmail);
    }

    [Fact]
    public async Task InPersonSession_AttendanceAndCompensation_ExportedForBookkeeping()
    {
        var id = await _app.CreateConsultationAsync(inPerson: true);
        var code = await _app.JoinAsync();
        var response = await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/attendance", new
        {
            members = new[] { new { memberCode = code, amountCents = 2500L, method = "giftCard" } },
            walkIns = 3,
            walkInPayments = new[] { new { memberCode = (string?)null, amountCents = 1250L, method = "cash" } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csv = Encoding.UTF8.GetString(await _app.Municipality().GetByteArrayAsync($"/api/expertpool/consultations/{id}/attendance.csv"));
        var lines = csv.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(5, lines.Count);
        Assert.Contains(lines, l => l.Contains(";lid;25,00;GiftCard", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.EndsWith(";inloop;12,50;Cash", StringComparison.Ordinal));
        Assert.Equal(2, lines.Count(l => l.EndsWith(";inloop;0,00;None", StringComparison.Ordinal)));
        Assert.DoesNotContain(code.Replace("-", ""), csv, StringComparison.Ordinal);

        var bad = await _app.Municipality().PutAsJsonAsync($"/api/expertpool/consultations/{id}/attendance",
            new { members = new[] { new { memberCode = "nonsense", amountCents = 0L, method = "none" } }, walkIns = 0 });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("members[0].memberCode", await bad.Content.ReadAsStringAsync());
        Assert.Equal(5, Encoding.UTF8.GetString(await _app.Municipality().GetByteArrayAsync($"/api/expertpool/consultations/{id}/attendance.csv")).Trim().Split('\n').Length);
    }
}
