using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Signalering.Domain.Workflow;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Inbox;

/// <summary>Organisations' webhooks: signed, retried with back-off, and never in the way of routing.</summary>
public sealed class WebhookTest : IAsyncLifetime
{
    private readonly SignaleringApp _app = new();
    private WebApplication _receiver = null!;
    private string _hookUrl = null!;
    private readonly ConcurrentQueue<(Dictionary<string, string> Headers, string Body)> _received = new();
    private int _answer = 200;

    public async Task InitializeAsync()
    {
        var port = Azurite.FreePort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        _receiver = builder.Build();
        _receiver.MapPost("/hook", async (HttpRequest r) =>
        {
            // Copy: the request's header collection is reused once the request ends.
            var headers = r.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            _received.Enqueue((headers, await new StreamReader(r.Body).ReadToEndAsync()));
            return Results.StatusCode(_answer);
        });
        await _receiver.StartAsync();
        _hookUrl = $"http://127.0.0.1:{port}/hook";
    }

    public async Task DisposeAsync()
    {
        await _receiver.DisposeAsync();
        _app.Dispose();
    }

    private async Task<string> RegisterAsync()
    {
        var response = await _app.Admin().PutAsJsonAsync("/api/admin/organisations/coa-luttelgeest/webhook", new { url = _hookUrl });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("secret").GetString()!;
    }

    [Fact]
    public async Task NewSignal_IsPostedSigned_OnceDelivered()
    {
        var secret = await RegisterAsync();
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Equal(1, await _app.DrainAsync(WebhookSender.Queue, "DeliverWebhook"));

        var (headers, body) = Assert.Single(_received);
        Assert.Equal("routed", headers["X-Signalering-Event"]);
        Assert.Equal(WebhookSender.Sign(secret, headers["X-Signalering-Timestamp"], body), headers["X-Signalering-Signature"]);
        Assert.Equal(code, JsonDocument.Parse(body).RootElement.GetProperty("trackingCode").GetString());
        Assert.DoesNotContain("الماء", body); // the resident's text is never in it
    }

    [Fact]
    public async Task FailingReceiver_IsRetriedLater_AndRoutingGoesOn()
    {
        await RegisterAsync();
        _answer = 500;
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Equal(SignalStatus.Routed, (await _app.LoadAsync(code)).Status);
        Assert.Single(await _app.PeekOrganisationQueueAsync("coa-luttelgeest"));

        Assert.Equal(1, await _app.DrainAsync(WebhookSender.Queue, "DeliverWebhook"));
        Assert.Single(_received);
        // The retry waits (30 s for the second attempt): it is on the queue, not yet visible.
        var queue = _app.Queue(WebhookSender.Queue);
        Assert.Equal(1, (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task RedeliveredQueueMessage_IsPostedOnce_ARetryAfterAFailureIsPostedAgain()
    {
        await RegisterAsync();
        await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        var queue = _app.Queue(WebhookSender.Queue);
        var message = Assert.Single((await queue.ReceiveMessagesAsync(32)).Value).Body.ToString();

        // The first run posted, then its delete was lost: the queue hands the same message out again.
        (await _app.InvokeQueueFunctionAsync("DeliverWebhook", message)).EnsureSucceeded();
        (await _app.InvokeQueueFunctionAsync("DeliverWebhook", message)).EnsureSucceeded();
        var id = Assert.Single(_received).Headers["X-Signalering-Delivery"];

        // A second event of another signal, first refused by the receiver: its retry is posted, and only once.
        _answer = 500;
        await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app, text: "De deur van blok B sluit niet"));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Equal(1, await _app.DrainAsync(WebhookSender.Queue, "DeliverWebhook"));
        _answer = 200;
        var retry = JsonSerializer.Deserialize<WebhookDelivery>(message, JsonSerializerOptions.Web)!;
        var failed = _received.Last().Headers["X-Signalering-Delivery"];
        Assert.NotEqual(id, failed);
        var again = JsonSerializer.Serialize(retry with { DeliveryId = failed, Attempt = 2 }, JsonSerializerOptions.Web);
        (await _app.InvokeQueueFunctionAsync("DeliverWebhook", again)).EnsureSucceeded();
        (await _app.InvokeQueueFunctionAsync("DeliverWebhook", again)).EnsureSucceeded();
        Assert.Equal([id, failed, failed], _received.Select(r => r.Headers["X-Signalering-Delivery"]));
    }

    [Theory]
    [InlineData("ftp://example.org/hook")]
    [InlineData("http://example.org/hook")]
    [InlineData("not a url")]
    public async Task Register_AnUnsafeUrl_IsAProblemNamingUrl(string url)
    {
        var response = await _app.Admin().PutAsJsonAsync("/api/admin/organisations/coa-luttelgeest/webhook", new { url });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"url\"", await response.Content.ReadAsStringAsync());
    }
}
