using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Functions.Features.Notifications;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Notifications;

/// <summary>
/// Web Push against the protocol's contract, with a local push service: a coordinator's step the resident sees sends
/// one encrypted message (aes128gcm, RFC 8291) with VAPID authorization (RFC 8292) and a TTL, saying only "there is
/// news" in the phone's language; a gone subscription (410) is deleted; bad subscriptions are refused by field.
/// </summary>
public sealed class WebPushTest : IAsyncLifetime
{
    private readonly FakePushService _push = new();
    private readonly VapidKeys _vapid = new();
    private readonly SignaleringApp _app;
    private readonly HttpClient _client;

    public WebPushTest()
    {
        _app = new SignaleringApp();
        _app.Settings["WebPush:PublicKey"] = _vapid.PublicKey;
        _app.Settings["WebPush:PrivateKey"] = _vapid.PrivateKey;
        _app.Settings["WebPush:Subject"] = "mailto:meldpunt@noordoostpolder.example";
        _app.Settings["WebPush:AllowedHosts:0"] = "127.0.0.1";
        _app.Settings["WebPush:AllowHttp"] = "true";
        _client = _app.CreateClient();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _push.DisposeAsync();
    }

    private const string Words = "ማይ ኣብ ክፍለይ ይኣቱ";

    private async Task<string> RoutedAsync()
    {
        var code = await _client.SubmitAcceptedAsync(Intakes.Body(_app, language: "ti", text: Words));
        await _app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        return code.Replace("-", "");
    }

    private Task<HttpResponseMessage> SubscribeAsync(string code, PhoneKeys phone, string path, string language = "ti") =>
        _client.PostAsJsonAsync($"/api/signals/{code}/push", new
        {
            endpoint = _push.Origin + path, keys = new { p256dh = PhoneKeys.B64(phone.PublicKey), auth = PhoneKeys.B64(phone.Auth) }, language,
        });

    [Fact]
    public async Task CoordinatorStep_SendsOneEncryptedVapidSignedMessage_SayingOnlyThatThereIsNews()
    {
        var code = await RoutedAsync();
        using var phone = new PhoneKeys();
        Assert.Equal(HttpStatusCode.Created, (await SubscribeAsync(code, phone, "/push/phone-1")).StatusCode);

        // An internal note is not news to the resident.
        var coa = _app.Coordinator("coa-luttelgeest");
        Assert.True((await coa.ActAsync(code, "note", new { text = "bellen met de bewoner" })).IsSuccessStatusCode);
        Assert.Equal(0, await _app.DrainAsync(ResidentNotifier.Queue, "NotifyResident"));

        Assert.True((await coa.ActAsync(code, "accept")).IsSuccessStatusCode);
        Assert.Equal(1, await _app.DrainAsync(ResidentNotifier.Queue, "NotifyResident"));

        var sent = Assert.Single(_push.Requests);
        Assert.Equal("/push/phone-1", sent.Path);
        Assert.Equal("86400", sent.Headers["TTL"]);
        Assert.Equal("aes128gcm", sent.Headers["Content-Encoding"]);
        Assert.Equal(code, sent.Headers["Topic"]);
        // RFC 8292 names the push resource's origin as audience. Lib.Net.Http.WebPush writes scheme and host without
        // the port; browsers' push services all listen on 443, where the two are the same. The local one cannot.
        _vapid.VerifyAuthorization(sent.Headers["Authorization"], new Uri(_push.Origin).GetComponents(UriComponents.Scheme | UriComponents.Host, UriFormat.UriEscaped));

        var payload = JsonDocument.Parse(phone.Open(sent.Body)).RootElement;
        Assert.Equal(ResidentTexts.Default.Get("ti", "push.news"), payload.GetProperty("title").GetString());
        Assert.Equal($"/s/{code}?lang=ti", payload.GetProperty("url").GetString());
        Assert.Equal("ti", payload.GetProperty("lang").GetString());
        Assert.DoesNotContain(Words, phone.Open(sent.Body));
        Assert.DoesNotContain(Words, System.Text.Encoding.UTF8.GetString(sent.Body));
    }

    [Fact]
    public async Task GoneSubscription_IsDeleted_TheOtherPhoneStillHearsIt()
    {
        var code = await RoutedAsync();
        using var first = new PhoneKeys();
        using var second = new PhoneKeys();
        Assert.Equal(HttpStatusCode.Created, (await SubscribeAsync(code, first, "/gone/old-phone")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await SubscribeAsync(code, second, "/push/new-phone", "nl")).StatusCode);
        var table = _app.Services.GetRequiredService<PushSubscriptionTable>();
        Assert.True(TrackingCode.TryParse(code, out var tracking));
        Assert.Equal(2, (await table.ListAsync(tracking, default)).Count);

        Assert.True((await _app.Coordinator("coa-luttelgeest").ActAsync(code, "respond", new { standardReply = StandardReplies.Looking })).IsSuccessStatusCode);
        await _app.DrainAsync(ResidentNotifier.Queue, "NotifyResident");

        Assert.Equal(2, _push.Requests.Count);
        var left = Assert.Single(await table.ListAsync(tracking, default));
        Assert.Equal(_push.Origin + "/push/new-phone", left.Endpoint.AbsoluteUri);
        var dutch = JsonDocument.Parse(second.Open(_push.Requests.Single(r => r.Path == "/push/new-phone").Body)).RootElement;
        Assert.Equal(ResidentTexts.Default.Get("nl", "push.news"), dutch.GetProperty("title").GetString());
    }

    [Fact]
    public async Task BadSubscription_IsRefusedByField_AndNothingIsStored()
    {
        var code = await RoutedAsync();
        using var phone = new PhoneKeys();
        var elsewhere = await _client.PostAsJsonAsync($"/api/signals/{code}/push", new
        {
            endpoint = "http://169.254.169.254/latest/meta-data", keys = new { p256dh = PhoneKeys.B64(phone.PublicKey), auth = "short" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
        Assert.Equal("application/problem+json", elsewhere.Content.Headers.ContentType!.MediaType);
        var errors = JsonDocument.Parse(await elsewhere.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("endpoint", out _));
        Assert.True(errors.TryGetProperty("keys.auth", out _));
        Assert.False(errors.TryGetProperty("keys.p256dh", out _));

        Assert.Equal(HttpStatusCode.NotFound, (await SubscribeAsync("333333333X", phone, "/push/x")).StatusCode);
        Assert.True(TrackingCode.TryParse(code, out var tracking));
        Assert.Empty(await _app.Services.GetRequiredService<PushSubscriptionTable>().ListAsync(tracking, default));
    }

    [Fact]
    public async Task WithoutVapidKeys_PushIsOff_AndTheStatusPageOffersNoKey()
    {
        using var app = new SignaleringApp();
        var client = app.CreateClient();
        var code = (await client.SubmitAcceptedAsync(Intakes.Body(app, language: "nl", text: "lekkage"))).Replace("-", "");
        using var phone = new PhoneKeys();
        var response = await client.PostAsJsonAsync($"/api/signals/{code}/push", new
        {
            endpoint = "https://fcm.googleapis.com/fcm/send/abc", keys = new { p256dh = PhoneKeys.B64(phone.PublicKey), auth = PhoneKeys.B64(phone.Auth) },
        });
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("data-key=\"\"", await client.GetStringAsync($"/s/{code}?lang=nl"));
    }
}
