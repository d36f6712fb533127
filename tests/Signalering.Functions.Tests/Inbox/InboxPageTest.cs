using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Auth;
using Signalering.Functions.Features.Inbox;
using Signalering.Functions.Web;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Inbox;

/// <summary>The inbox page in Dutch: sign in with a token, see the list, act on a signal with its ETag.</summary>
public sealed class InboxPageTest : IDisposable
{
    private readonly SignaleringApp _app = new();

    public void Dispose() => _app.Dispose();


    [Fact]
    public async Task SignIn_List_Detail_Accept_AndAStaleFormIsRefused()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, text: "الماء يدخل غرفتي"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        // Not signed in: the one staff sign-in, and back to the inbox afterwards.
        var anonymous = await browser.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Equal("/aanmelden?terug=%2Finbox", anonymous.Headers.Location!.OriginalString);
        var login = await browser.SignInAsync(Roles.Coordinator, "coa-luttelgeest", "/inbox");
        Assert.Equal("/inbox", login.Headers.Location!.OriginalString);

        var list = await browser.GetStringAsync("/inbox");
        Assert.Contains(code, list);
        var detail = await browser.GetStringAsync($"/inbox/signals/{code.Replace("-", "")}");
        Assert.Contains("الماء يدخل غرفتي", detail);
        var etag = ETagOf(detail, "accept");
        Assert.NotEmpty(etag);

        var withoutToken = await browser.PostAsync($"/inbox/signals/{code.Replace("-", "")}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["etag"] = etag }));
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode); // a forged form (no anti-forgery token) changes nothing
        Assert.Equal(SignalStatus.Routed, (await _app.LoadAsync(code)).Status);
        var af = StaffSession.AntiforgeryToken(detail);
        var accept = await browser.PostAsync($"/inbox/signals/{code.Replace("-", "")}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["etag"] = etag, ["__af"] = af }));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(code)).Status);

        var stale = await browser.PostAsync($"/inbox/signals/{code.Replace("-", "")}/resolve", new FormUrlEncodedContent(new Dictionary<string, string> { ["etag"] = etag, ["__af"] = af }));
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Contains("Iemand anders heeft deze melding gewijzigd", await stale.Content.ReadAsStringAsync());
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(code)).Status);
    }

    private async Task<HttpClient> SignedInAsync(string org)
    {
        var browser = await _app.SignedInAsync(Roles.Coordinator, org);
        _antiforgery = StaffSession.AntiforgeryToken(await browser.GetStringAsync("/inbox"));
        return browser;
    }

    /// <summary>A routed signal, its page's path, and COA Luttelgeest's coordinator signed in.</summary>
    private async Task<(string Code, string Path, HttpClient Browser)> RoutedAndSignedInAsync()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return (code, $"/inbox/signals/{code.Replace("-", "")}", await SignedInAsync("coa-luttelgeest"));
    }

    private static string ETagOf(string page, string action) => WebUtility.HtmlDecode(
        Regex.Match(page, $"action=\"/inbox/signals/[A-Z0-9]+/{action}\">\\s*(?:<input type=\"hidden\" name=\"__af\" value=\"[^\"]+\"\\s*/?>\\s*)?<input type=\"hidden\" name=\"etag\" value=\"([^\"]+)\"").Groups[1].Value);

    private string? _antiforgery;

    /// <summary>A form as the signed-in page sends it: with its anti-forgery token.</summary>
    private FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Append(("__af", _antiforgery!)).ToDictionary(f => f.Item1, f => f.Item2));

    [Fact]
    public async Task History_IsInDutchWords_NotEventCodes()
    {
        var (_, path, browser) = await RoutedAndSignedInAsync();
        var etag = ETagOf(await browser.GetStringAsync(path), "accept");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.PostAsync(path + "/accept", Form(("etag", etag)))).StatusCode);

        var detail = await browser.GetStringAsync(path);
        var history = detail[detail.IndexOf("Geschiedenis", StringComparison.Ordinal)..];
        Assert.Contains("Ontvangen", history);
        const string coa = "COA – Locatiemanagement AZC Luttelgeest";
        Assert.Contains("Doorgezet naar " + coa + " – systeem", history);
        Assert.Contains("Aangenomen – " + coa, history);
        Assert.DoesNotContain("status-changed", history);
        Assert.DoesNotContain("(accepted)", history);
    }

    [Fact]
    public async Task Cancel_AsksForTheReasonTheResidentReads_KeepsWhatWasTyped_TheInternalNoteStaysInternal()
    {
        var (code, path, browser) = await RoutedAndSignedInAsync();
        var detail = await browser.GetStringAsync(path);
        // A form that asks for a reason from the list, not a one-click button.
        Assert.Matches("<form method=\"post\" action=\"/inbox/signals/[A-Z0-9]+/cancel\">.*?<select id=\"cancel-reason-code\" name=\"reasonCode\" required>", detail.ReplaceLineEndings(""));
        var etag = ETagOf(detail, "cancel");

        var withoutReason = await browser.PostAsync(path + "/cancel", Form(("etag", etag), ("text", "Zie de melding van gisteren")));
        Assert.Equal(HttpStatusCode.BadRequest, withoutReason.StatusCode);
        var refused = await withoutReason.Content.ReadAsStringAsync();
        Assert.Contains("Kies de reden die de bewoner te lezen krijgt.", refused);
        Assert.Contains(">Zie de melding van gisteren</textarea>", WebUtility.HtmlDecode(refused)); // what was typed is still there
        Assert.Equal(SignalStatus.Routed, (await _app.LoadAsync(code)).Status);

        var done = await browser.PostAsync(path + "/cancel", Form(("etag", etag), ("reasonCode", "duplicate"), ("reason", "Dubbel ingevoerd door de balie")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.EndsWith("?klaar=cancel", done.Headers.Location!.OriginalString);
        Assert.Contains("Geannuleerd. De bewoner leest de reden in de eigen taal.", await browser.GetStringAsync(done.Headers.Location!.OriginalString));
        var signal = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.Cancelled, signal.Status);
        Assert.Equal("Dubbel ingevoerd door de balie", Assert.Single(signal.Notes).Text);
        var status = WebUtility.HtmlDecode(await _app.CreateClient().GetStringAsync($"/s/{code.Replace("-", "")}?lang=ar"));
        Assert.Contains(Domain.Texts.ResidentTexts.Default.Get("ar", "reason.duplicate"), status);
        Assert.DoesNotContain("Dubbel ingevoerd", status);
    }

    [Fact]
    public async Task FormalComplaint_IsLabelledWithItsAwbDate_InListAndDetail()
    {
        var body = Intakes.Body(_app);
        body["formalComplaint"] = true;
        var complaint = await _app.CreateClient().SubmitAcceptedAsync(body);
        var ordinary = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var decideBy = Domain.Clocks.WorkingTime.InDutchTime(Signal.ComplaintDecisionDate((await _app.LoadAsync(complaint)).ReceivedAt, 0))
            .ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
        var browser = await SignedInAsync("coa-luttelgeest");

        var list = await browser.GetStringAsync("/inbox");
        string Row(string code)
        {
            var row = Regex.Match(list, $"<tr>((?:(?!</tr>).)*{Regex.Escape(code)}(?:(?!</tr>).)*)</tr>", RegexOptions.Singleline);
            Assert.True(row.Success, $"{code} is in the list");
            return row.Groups[1].Value;
        }
        Assert.Contains("formele klacht", Row(complaint));
        Assert.Contains(decideBy, Row(complaint));
        Assert.DoesNotContain("formele klacht", Row(ordinary));

        var detail = await browser.GetStringAsync($"/inbox/signals/{complaint.Replace("-", "")}");
        Assert.Contains("formele klacht", detail);
        Assert.Contains("Formele klacht (Awb): de organisatie beslist uiterlijk", detail);
        Assert.Contains(decideBy, detail);
        Assert.DoesNotContain("formele klacht", await browser.GetStringAsync($"/inbox/signals/{ordinary.Replace("-", "")}"));
    }

    [Fact]
    public void EveryStatusStepAndChoosableReply_HasADutchLabel()
    {
        Assert.All(Enum.GetValues<SignalStatus>(), s => Assert.NotEmpty(InboxPages.StatusName(s.ToCode())));
        Assert.All(SignalWorkflow.StatusActions, a => Assert.Contains("inbox.action." + a.Name, StaffTexts.Keys));
        Assert.All(StandardReplies.All, r => Assert.Contains("inbox.reply." + r, StaffTexts.Keys));
        Assert.All(Enum.GetValues<SignalStatus>(), s => Assert.Contains("inbox.event.status." + s.ToCode(), StaffTexts.Keys));
    }

    [Fact]
    public async Task AnotherOrganisationsSignal_IsNotFound()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var browser = await _app.SignedInAsync(Roles.Coordinator, "nidos");
        Assert.DoesNotContain(code, await browser.GetStringAsync("/inbox"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/inbox/signals/{code.Replace("-", "")}")).StatusCode);
    }
}
