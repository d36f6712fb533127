using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Domain.Workflow;
using Signalering.Functions.Auth;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Storage.Queues;

namespace Signalering.Functions.Tests.Inbox;

/// <summary>The inbox page in Dutch: sign in with a token, see the list, act on a signal with its ETag.</summary>
public sealed class InboxPageTest : IDisposable
{
    private readonly SignaleringApp _app = new();

    public void Dispose() => _app.Dispose();

    private string Token(string org) => SignaleringAuth.CreateDevToken(_app.Services.GetRequiredService<IConfiguration>()["Auth:DevSigningKey"]!,
        Roles.Coordinator, org, "page-test", TimeSpan.FromHours(1));

    [Fact]
    public async Task SignIn_List_Detail_Accept_AndAStaleFormIsRefused()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, text: "الماء يدخل غرفتي"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        Assert.Contains("Toegangstoken", await browser.GetStringAsync("/inbox"));
        var bad = await browser.PostAsync("/inbox/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = "nonsense" }));
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
        var login = await browser.PostAsync("/inbox/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token("coa-luttelgeest") }));
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        var cookie = Assert.Single(login.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);

        var list = await browser.GetStringAsync("/inbox");
        Assert.Contains(code, list);
        var detail = await browser.GetStringAsync($"/inbox/signals/{code.Replace("-", "")}");
        Assert.Contains("الماء يدخل غرفتي", detail);
        var etag = WebUtility.HtmlDecode(Regex.Match(detail, "action=\"/inbox/signals/[A-Z0-9]+/accept\"><input type=\"hidden\" name=\"etag\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.NotEmpty(etag);

        var accept = await browser.PostAsync($"/inbox/signals/{code.Replace("-", "")}/accept", new FormUrlEncodedContent(new Dictionary<string, string> { ["etag"] = etag }));
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(code)).Status);

        var stale = await browser.PostAsync($"/inbox/signals/{code.Replace("-", "")}/resolve", new FormUrlEncodedContent(new Dictionary<string, string> { ["etag"] = etag }));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed this signal", await stale.Content.ReadAsStringAsync());
        Assert.Equal(SignalStatus.Accepted, (await _app.LoadAsync(code)).Status);
    }

    [Fact]
    public async Task AnotherOrganisationsSignal_IsNotFound()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var browser = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await browser.PostAsync("/inbox/login", new FormUrlEncodedContent(new Dictionary<string, string> { ["token"] = Token("nidos") }));
        Assert.DoesNotContain(code, await browser.GetStringAsync("/inbox"));
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/inbox/signals/{code.Replace("-", "")}")).StatusCode);
    }
}
