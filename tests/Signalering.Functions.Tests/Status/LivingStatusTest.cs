using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Domain.Workflow;
using Signalering.Functions.Features.Status;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Status;

/// <summary>
/// The status page as it lives: the sentence, the promise and the next step follow the status; the organisation's
/// question is answered on the page (a plain post) and reaches the inbox; "my reports" lists this phone's codes.
/// </summary>
public sealed class LivingStatusTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    private readonly HttpClient _client;

    public LivingStatusTest() =>
        _client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void Dispose() => _app.Dispose();

    private static string Html(string text) => HtmlEncoder.Create(UnicodeRanges.All).Encode(text);
    private static string T(string lang, string key, params (string, string)[] args) => ResidentTexts.Default.Get(lang, key, args);

    private async Task<string> RoutedAsync(string lang = "ar")
    {
        var code = await _client.SubmitAcceptedAsync(Intakes.Body(_app, language: lang, text: lang == "nl" ? "Het lekt in mijn kamer" : "الماء يدخل غرفتي"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return code.Replace("-", "");
    }

    private Task<string> PageAsync(string code, string lang = "ar") => _client.GetStringAsync($"/s/{code}?lang={lang}");

    private async Task ActAsync(string code, string action, object? body = null)
    {
        var response = await _app.Coordinator("coa-luttelgeest").ActAsync(code, action, body);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task StatusPage_PromiseAndNextStep_FollowTheStatus()
    {
        var code = await RoutedAsync();
        var signal = await _app.LoadAsync(code);
        // In calendar words, never in working hours (the staff's clock).
        var plain = Domain.Clocks.ResidentPromise.For(signal);
        var hours = plain.LookText(Domain.Texts.ResidentTexts.Default, "ar");
        var days = plain.SolveText(Domain.Texts.ResidentTexts.Default, "ar");

        var routed = await PageAsync(code);
        Assert.Contains(Html(T("ar", "stage.routed")), routed);
        Assert.Contains(Html(hours), routed);
        Assert.Contains(Html(T("ar", "next.wait")), routed);

        await ActAsync(code, "accept");
        var accepted = await PageAsync(code);
        Assert.Contains(Html(T("ar", "stage.accepted")), accepted);
        Assert.DoesNotContain(Html(hours), accepted); // someone looked: that promise is kept, only the resolution stands
        Assert.Contains(Html(days), accepted);

        await ActAsync(code, "start");
        Assert.Contains(Html(T("ar", "stage.in-progress")), await PageAsync(code));

        await ActAsync(code, "resolve");
        var resolved = await PageAsync(code);
        Assert.Contains(Html(T("ar", "stage.resolved")), resolved);
        Assert.Contains(Html(T("ar", "next.confirm")), resolved);
        Assert.DoesNotContain(Html(days), resolved);

        var answer = await _client.PostAsync($"/s/{code}/answer", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "ar", ["solved"] = "yes" }));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var closed = await PageAsync(code);
        Assert.Contains(Html(T("ar", "stage.closed")), closed);
        Assert.DoesNotContain(Html(T("ar", "next.confirm")), closed);
    }

    /// <summary>The weight budget of the status pages and the service worker: each at most 30 KB gzip-compressed, as the form's pages.</summary>
    [Fact]
    public async Task StatusPages_AndServiceWorker_AreAtMost30KBCompressed()
    {
        var code = await RoutedAsync();
        await ActAsync(code, "accept");
        await ActAsync(code, "await-resident");
        await ActAsync(code, "respond", new { text = new string('و', Signal.MaxResponseLength) });
        foreach (var (path, cookie) in new[] { ($"/s/{code}?lang=ar&new=1", ""), ("/m?lang=ti", $"{PhoneReports.Cookie}={code}"), ("/sw.js", "") })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            if (cookie.Length > 0) request.Headers.Add("Cookie", cookie);
            var response = await _client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
            var compressed = await response.Content.ReadAsByteArrayAsync();
            Assert.True(compressed.Length <= 30 * 1024, $"{path}: {compressed.Length} bytes compressed");
        }
    }

    [Fact]
    public async Task StatusPage_Cancelled_SaysToReportAgain()
    {
        var code = await RoutedAsync("nl");
        await ActAsync(code, "cancel", new { reasonCode = "duplicate", reason = "dubbel gemeld op papier" });
        var page = await PageAsync(code, "nl");
        Assert.Contains(Html(T("nl", "stage.cancelled")), page);
        Assert.Contains(Html(T("nl", "reason.duplicate")), page); // why, in the resident's words
        Assert.Contains(Html(T("nl", "next.newReport")), page);
    }

    [Fact]
    public async Task StatusPage_History_OldestFirst_NumberedUpwards()
    {
        var code = await RoutedAsync("nl");
        await ActAsync(code, "accept");
        var page = await PageAsync(code, "nl");
        var history = Regex.Match(page, "<ol class=\"history\"[^>]*>(.*?)</ol>", RegexOptions.Singleline);
        Assert.True(history.Success);
        Assert.DoesNotContain("reversed", history.Value[..history.Value.IndexOf('>')]);
        var received = history.Value.IndexOf(Html(T("nl", "event.received")), StringComparison.Ordinal);
        var accepted = history.Value.IndexOf(Html(T("nl", "status.accepted")), StringComparison.Ordinal);
        Assert.True(received >= 0 && accepted > received, "the history reads oldest first");
    }

    [Fact]
    public async Task InformationRequested_ResidentAnswersOnThePage_ReachesTheInbox_AndWorkResumes()
    {
        var code = await RoutedAsync();
        await ActAsync(code, "accept");
        await ActAsync(code, "await-resident");
        await ActAsync(code, "respond", new { standardReply = StandardReplies.NeedInfo });

        var page = await PageAsync(code);
        Assert.Contains(Html(T("ar", "stage.awaiting-resident")), page);
        Assert.Contains($"action=\"/s/{code}/reply\"", page.Replace("-", ""));
        Assert.Contains(Html(T("ar", "reply.needInfo")), page);

        var reply = await _client.PostAsync($"/s/{code}/reply", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["lang"] = "ar", ["answer"] = "  الغرفة رقم ١٢، الطابق الثاني  ",
        }));
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Contains("answered=replied", reply.Headers.Location!.ToString());

        var signal = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.InProgress, signal.Status);
        Assert.Equal("الغرفة رقم ١٢، الطابق الثاني", Assert.Single(signal.ResidentComments).Text);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.ResidentReplied && e.Actor == "resident");

        // The coordinator reads it in the inbox, beside the history's "the resident answered".
        var inbox = JsonDocument.Parse(await _app.Coordinator("coa-luttelgeest").GetStringAsync($"/api/inbox/signals/{code}")).RootElement;
        Assert.Contains(inbox.GetProperty("residentComments").EnumerateArray(), c => c.GetProperty("text").GetString() == "الغرفة رقم ١٢، الطابق الثاني");

        var after = await _client.GetStringAsync(reply.Headers.Location!.ToString());
        Assert.Contains(Html(T("ar", "answer.thanks")), after);
        Assert.Contains(Html(T("ar", "event.residentReplied")), after);
        Assert.DoesNotContain("/reply\"", after);

        // A second tap changes nothing.
        var again = await _client.PostAsync($"/s/{code}/reply", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "ar", ["answer"] = "مرة ثانية" }));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Single((await _app.LoadAsync(code)).ResidentComments);
    }

    [Fact]
    public async Task InformationRequested_EmptyAnswer_ShowsTheFieldError_StoresNothing()
    {
        var code = await RoutedAsync("nl");
        await ActAsync(code, "accept");
        await ActAsync(code, "await-resident");
        var before = await _app.LoadAsync(code);

        var reply = await _client.PostAsync($"/s/{code}/reply", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "nl", ["answer"] = "   " }));
        Assert.Equal(HttpStatusCode.BadRequest, reply.StatusCode);
        var html = await reply.Content.ReadAsStringAsync();
        Assert.Contains(Html(T("nl", "answer.empty")), html);
        Assert.Contains("id=\"answer-error\"", html);
        var after = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.AwaitingResident, after.Status);
        Assert.Equal(before.Events.Count, after.Events.Count);
    }

    [Fact]
    public async Task Reply_WhenNotAsked_ChangesNothing()
    {
        var code = await RoutedAsync("nl");
        var reply = await _client.PostAsync($"/s/{code}/reply", new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "nl", ["answer"] = "hallo" }));
        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Empty((await _app.LoadAsync(code)).ResidentComments);
    }

    [Fact]
    public async Task MyReports_ListsTheCodesMadeOnThisPhone_WithTheirStatus_WithoutJavaScript()
    {
        var empty = await _client.GetStringAsync("/m?lang=nl");
        Assert.Contains(Html(T("nl", "mine.none")), empty);

        var first = await RoutedAsync("nl");
        var second = await RoutedAsync("nl");
        await ActAsync(second, "accept");
        // The confirmation page (new=1) puts the code on the phone's list: a cookie of codes only.
        var cookies = new List<string>();
        foreach (var code in new[] { first, second })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/s/{code}?lang=nl&new=1");
            if (cookies.Count > 0) request.Headers.Add("Cookie", cookies[^1]);
            var response = await _client.SendAsync(request);
            var set = Assert.Single(response.Headers.GetValues("Set-Cookie"));
            Assert.StartsWith(PhoneReports.Cookie + "=", set);
            Assert.Contains("samesite=lax", set.ToLowerInvariant());
            cookies.Add(set.Split(';')[0]);
        }
        Assert.Equal($"{PhoneReports.Cookie}={second}.{first}", cookies[^1]);

        var mine = new HttpRequestMessage(HttpMethod.Get, "/m?lang=nl");
        mine.Headers.Add("Cookie", cookies[^1] + ".333333333X");
        var page = await (await _client.SendAsync(mine)).Content.ReadAsStringAsync();
        Assert.Contains($"href=\"/s/{first}?lang=nl\"", page);
        Assert.Contains($"href=\"/s/{second}?lang=nl\"", page);
        Assert.Contains(Html(T("nl", "status.accepted")), page);
        Assert.Contains(Html(T("nl", "status.routed")), page);
        Assert.True(page.IndexOf(second, StringComparison.Ordinal) < page.IndexOf(first, StringComparison.Ordinal), "newest first");

        // Reachable from the status page.
        Assert.Contains("href=\"/m?lang=nl\"", await PageAsync(first, "nl"));
    }
}
