using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Auth;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Functions.Tests.Processing;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Inbox;

/// <summary>
/// The coordinator's workspace as pages: search, sort and page kept in the URL; "mine" and assignment by name;
/// accepting many at once with each signal's ETag; previous and next within the list; a stale tab that keeps what
/// was typed; and the reason a resident reads, machine-translated words included.
/// </summary>
public sealed partial class WorkspaceTest : IDisposable
{
    // Monday 23 November 2026, 10:00 Dutch time.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));
    private readonly SignaleringApp _app;

    public WorkspaceTest() => _app = new SignaleringApp { Clock = _clock };

    public void Dispose() => _app.Dispose();

    private const string Coa = "coa-luttelgeest";
    private const string DevCoordinator = "dev-coordinator-coa-luttelgeest";

    /// <summary>Signals in Dutch (no translation needed), a minute apart, routed to COA Luttelgeest; their codes in order of receipt.</summary>
    private async Task<List<string>> RoutedAsync(params string[] texts)
    {
        var codes = new List<string>();
        foreach (var text in texts)
        {
            codes.Add(await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, language: "nl", text: text)));
            _clock.Advance(TimeSpan.FromMinutes(1));
        }
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return codes;
    }

    private static List<string> CodesIn(string page) => [.. CodeCell().Matches(page).Select(m => m.Groups[1].Value)];

    [GeneratedRegex("<td class=\"code\"><a href=\"[^\"]*\">([A-Z0-9-]+)</a>")]
    private static partial Regex CodeCell();

    [Fact]
    public async Task Search_FindsCodeTextAndTranslation_SortAndPageStayInTheUrl()
    {
        var codes = await RoutedAsync([.. Enumerable.Range(1, 26).Select(i => $"melding nummer {i}"), "De verwarming is kapot"]);
        var browser = await _app.SignedInAsync(Roles.Coordinator, Coa);

        var first = await browser.GetStringAsync("/inbox");
        Assert.Contains("27 meldingen", first);
        Assert.Equal(25, CodesIn(first).Count);
        Assert.Contains("href=\"/inbox?page=2\"", first);
        Assert.Equal(2, CodesIn(await browser.GetStringAsync("/inbox?page=2")).Count);

        var heating = await browser.GetStringAsync("/inbox?q=VERWARMING");
        Assert.Equal([codes[^1]], CodesIn(heating));
        Assert.Equal([codes[3]], CodesIn(await browser.GetStringAsync("/inbox?q=" + codes[3].Replace("-", "").ToLowerInvariant())));
        Assert.Empty(CodesIn(await browser.GetStringAsync("/inbox?q=lekkage")));

        var oldestFirst = await browser.GetStringAsync("/inbox?sort=received");
        Assert.Equal(codes.Take(25).ToList(), CodesIn(oldestFirst));
        Assert.Contains("aria-sort=\"ascending\"", oldestFirst);
        Assert.Contains("href=\"/inbox?sort=received&amp;dir=desc\"", oldestFirst); // the header reverses it
        Assert.Equal(codes[^1], CodesIn(await browser.GetStringAsync("/inbox?sort=received&dir=desc"))[0]);
        Assert.Equal(codes[^1], CodesIn(await browser.GetStringAsync("/inbox?sort=age"))[0]); // the youngest first

        // The preview is the start of the text, isolated so a right-to-left text cannot reorder the row. Read from the
        // searched list: outside working hours every clock runs out at the same moment, the tracking code breaks the tie,
        // and this signal is on the first page only 25 times in 27.
        Assert.Contains("<bdi class=\"preview\" lang=\"nl\" dir=\"auto\">De verwarming is kapot</bdi>", heating);

        // A signal opened from a searched list keeps the list: its links and forms, and the way back.
        var searched = await browser.GetStringAsync("/inbox?q=nummer&sort=received");
        var detailPath = $"/inbox/signals/{codes[1].Replace("-", "")}?q=nummer&sort=received";
        Assert.Contains($"href=\"{detailPath.Replace("&", "&amp;")}\"", searched);
        var detail = await browser.GetStringAsync(detailPath);
        Assert.Contains("2 van 26", detail);
        Assert.Contains($"href=\"/inbox/signals/{codes[0].Replace("-", "")}?q=nummer&amp;sort=received\" rel=\"prev\"", detail);
        Assert.Contains($"href=\"/inbox/signals/{codes[2].Replace("-", "")}?q=nummer&amp;sort=received\" rel=\"next\"", detail);
        Assert.Contains($"action=\"/inbox/signals/{codes[1].Replace("-", "")}/accept?q=nummer&amp;sort=received\"", detail);
        Assert.Contains("href=\"/inbox?q=nummer&amp;sort=received\"", detail);
    }

    [Fact]
    public async Task Api_SortAndAssigneeAreCheckedFields()
    {
        var coordinator = _app.Coordinator(Coa);
        var badSort = await coordinator.GetAsync("/api/inbox?sort=colour");
        Assert.Equal(HttpStatusCode.BadRequest, badSort.StatusCode);
        Assert.Contains("\"sort\"", await badSort.Content.ReadAsStringAsync());
        var badDir = await coordinator.GetAsync("/api/inbox?sort=received&dir=up");
        Assert.Equal(HttpStatusCode.BadRequest, badDir.StatusCode);
        Assert.Contains("\"dir\"", await badDir.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AssignToMe_ShowsInMine_NamedInTheHistory_Audited()
    {
        var codes = await RoutedAsync("kraan lekt", "deur klemt");
        var browser = await _app.SignedInAsync(Roles.Coordinator, Coa);
        var path = $"/inbox/signals/{codes[0].Replace("-", "")}";
        var detail = await browser.GetStringAsync(path);
        var assigned = await browser.PostAsync(path + "/assign", Form(detail, ("etag", ETagOf(detail, "assign")), ("to", DevCoordinator)));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);

        var after = await browser.GetStringAsync(assigned.Headers.Location!.OriginalString);
        Assert.Contains("Toewijzing opgeslagen.", after);
        Assert.Contains("Toegewezen aan " + DevCoordinator, after);
        Assert.Equal([codes[0]], CodesIn(await browser.GetStringAsync("/inbox?mine=true")));
        Assert.Equal(DevCoordinator, (await _app.LoadAsync(codes[0])).Assignee!.Id);
        Assert.True(TrackingCode.TryParse(codes[0], out var tracking));
        var audit = await _app.Services.GetRequiredService<AuditTable>().ForAsync(tracking, CancellationToken.None);
        Assert.Contains(audit, a => a.Action == "assign" && a.Actor == DevCoordinator);

        // Only a colleague the inbox knows at this organisation: no signal is given to a stranger.
        var stranger = await ActAsync(_app.Coordinator(Coa), codes[1], "assign", new { to = "someone-else" });
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Contains("\"to\"", await stranger.Content.ReadAsStringAsync());
        Assert.Null((await _app.LoadAsync(codes[1])).Assignee);
        // The colleague who opened the inbox can be chosen by others at the same organisation.
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_app.Coordinator(Coa), codes[1], "assign", new { to = DevCoordinator })).StatusCode);
    }

    [Fact]
    public async Task Bulk_AcceptsTheTicked_LeavesAndNamesTheOneChangedMeanwhile()
    {
        var codes = await RoutedAsync("een", "twee", "drie");
        var browser = await _app.SignedInAsync(Roles.Coordinator, Coa);
        var list = await browser.GetStringAsync("/inbox");
        var fields = new List<(string, string)> { ("bulk", "accept") };
        foreach (var code in codes)
        {
            var id = code.Replace("-", "");
            fields.Add(("code", id));
            fields.Add(("etag-" + id, WebUtility.HtmlDecode(Regex.Match(list, $"name=\"etag-{id}\" value=\"([^\"]+)\"").Groups[1].Value)));
        }
        // Meanwhile a colleague writes a note on the second one.
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_app.Coordinator(Coa), codes[1], "note", new { text = "Eerst bellen" })).StatusCode);

        var bulk = await browser.PostAsync("/inbox/bulk", Form(list, [.. fields]));
        Assert.Equal(HttpStatusCode.Redirect, bulk.StatusCode);
        var flash = await browser.GetStringAsync(bulk.Headers.Location!.OriginalString);
        Assert.Contains("2 melding(en) aangenomen.", flash);
        Assert.Contains("Intussen door iemand anders gewijzigd", flash);
        Assert.Contains(codes[1], flash[flash.IndexOf("Intussen", StringComparison.Ordinal)..]);
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(codes[0])).Status);
        Assert.Equal(SignalStatus.Routed, (await _app.LoadAsync(codes[1])).Status);
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(codes[2])).Status);

        // Give the two accepted ones to oneself at once.
        list = await browser.GetStringAsync("/inbox");
        var assign = new List<(string, string)> { ("bulk", "assign"), ("to", DevCoordinator) };
        foreach (var id in new[] { codes[0], codes[2] }.Select(c => c.Replace("-", "")))
            assign.AddRange([("code", id), ("etag-" + id, WebUtility.HtmlDecode(Regex.Match(list, $"name=\"etag-{id}\" value=\"([^\"]+)\"").Groups[1].Value))]);
        var assigned = await browser.PostAsync("/inbox/bulk", Form(list, [.. assign]));
        Assert.Contains("2 melding(en) toegewezen.", await browser.GetStringAsync(assigned.Headers.Location!.OriginalString));
        Assert.Equal([codes[0], codes[2]], CodesIn(await browser.GetStringAsync("/inbox?mine=true&sort=received")));

        // Without the anti-forgery token nothing happens.
        var forged = await browser.PostAsync("/inbox/bulk", new FormUrlEncodedContent([new("bulk", "accept"), new("code", codes[1].Replace("-", ""))]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(SignalStatus.Routed, (await _app.LoadAsync(codes[1])).Status);
    }

    [Fact]
    public async Task StaleTab_Is412_SaysInDutchWhatChanged_AndKeepsTheTypedAnswer()
    {
        var codes = await RoutedAsync("het raam sluit niet");
        var browser = await _app.SignedInAsync(Roles.Coordinator, Coa);
        var path = $"/inbox/signals/{codes[0].Replace("-", "")}";
        var tab = await browser.GetStringAsync(path);
        var seen = Regex.Match(tab, "name=\"seen\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(_app.Coordinator(Coa), codes[0], "accept")).StatusCode); // another tab, another colleague

        var stale = await browser.PostAsync(path + "/respond", Form(tab, ("etag", ETagOf(tab, "respond")), ("seen", seen), ("text", "De monteur komt morgen")));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var page = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Iemand anders heeft deze melding gewijzigd nadat u de pagina opende.", page);
        Assert.Matches("Intussen gebeurde dit met de melding:.*Aangenomen – COA", page.ReplaceLineEndings(""));
        Assert.Contains(">De monteur komt morgen</textarea>", page);
        Assert.Empty((await _app.LoadAsync(codes[0])).Responses);
    }

    [Fact]
    public async Task Reject_WithAReason_TheResidentReadsItAndTheCoordinatorsWordsMachineTranslated()
    {
        await using var stub = await TranslatorStub.StartAsync();
        using var app = TranslationTest.AppWith(stub);
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var response = await ActAsync(app.Coordinator(Coa), code, "reject",
            new { reasonCode = "notOurs", reason = "Gemeentelijke straatverlichting", text = "De gemeente neemt contact op." });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var view = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/signals/{code}")).RootElement.GetProperty("reason");
        Assert.Equal(Domain.Texts.ResidentTexts.Default.Get("ar", "reason.notOurs"), view.GetProperty("text").GetString());
        Assert.Equal("[ar] De gemeente neemt contact op.", view.GetProperty("words").GetString());
        Assert.Equal(Domain.Texts.ResidentTexts.Default.Get("ar", "responses.machineTranslated"), view.GetProperty("label").GetString());
        var status = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/s/{code.Replace("-", "")}?lang=ar"));
        Assert.Contains(Domain.Texts.ResidentTexts.Default.Get("ar", "reason.notOurs"), status);
        Assert.DoesNotContain("straatverlichting", status);

        // Once the triage desk takes it on, the reason is old news.
        Assert.Equal(HttpStatusCode.OK, (await ActAsync(app.Coordinator("gemeente-triage", Roles.Municipality), code, "accept")).StatusCode);
        var later = JsonDocument.Parse(await app.CreateClient().GetStringAsync($"/api/signals/{code}")).RootElement;
        Assert.True(!later.TryGetProperty("reason", out var reason) || reason.ValueKind == JsonValueKind.Null);
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient client, string code, string action, object? body = null)
    {
        var detail = await client.GetAsync($"/api/inbox/signals/{code}");
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/inbox/signals/{code}/{action}") { Content = JsonContent.Create(body ?? new { }) };
        request.Headers.TryAddWithoutValidation("If-Match", detail.Headers.ETag!.ToString());
        return await client.SendAsync(request);
    }

    private static string ETagOf(string page, string action) => WebUtility.HtmlDecode(
        Regex.Match(page, $"action=\"/inbox/signals/[A-Z0-9]+/{action}[^\"]*\">\\s*<input type=\"hidden\" name=\"__af\" value=\"[^\"]+\"\\s*/?>\\s*<input type=\"hidden\" name=\"etag\" value=\"([^\"]+)\"").Groups[1].Value);

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Append(("__af", StaffSession.AntiforgeryToken(page))).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
}
