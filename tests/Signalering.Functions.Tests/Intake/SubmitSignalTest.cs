using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Intake;

public sealed class SubmitSignalTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Submit_ValidArabicSignal_Returns202WithCodePromiseAndArabicConfirmation()
    {
        var client = _app.CreateClient();
        var (response, body) = await client.SubmitAsync(Intakes.Body(_app));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var code = body.GetProperty("trackingCode").GetString()!;
        Assert.Matches("^[34679ACEFGHJKMNPRTWXY]{3}-[34679ACEFGHJKMNPRTWXY]{3}-[34679ACEFGHJKMNPRTWXY]{4}$", code);
        Assert.True(TrackingCode.TryParse(code, out var parsed));
        Assert.Equal("/api/signals/" + parsed.Value, body.GetProperty("statusUrl").GetString());
        Assert.Equal(response.Headers.Location!.ToString(), body.GetProperty("statusUrl").GetString());
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.True(body.GetProperty("promise").GetProperty("resolveWithinWorkingDays").GetInt32() > 0);
        var confirmation = body.GetProperty("confirmation");
        Assert.Equal("ar", confirmation.GetProperty("language").GetString());
        Assert.Equal("rtl", confirmation.GetProperty("direction").GetString());
        Assert.Matches(@"\p{IsArabic}", confirmation.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("emergency").ValueKind);
    }

    [Fact]
    public async Task Submit_StoresSignalWithReceivedEventAndQueuesIt()
    {
        var client = _app.CreateClient();
        var code = await client.SubmitAcceptedAsync(Intakes.Body(_app));

        var signal = await _app.LoadAsync(code);
        Assert.Equal(SignalStatus.Received, signal.Status);
        Assert.Equal("azc-luttelgeest", signal.LocationId);
        Assert.Equal("Hoofdgebouw", signal.Wing);
        Assert.Equal(SignalEventKinds.Received, signal.Events[0].Kind);
        Assert.Equal(TimeSpan.Zero, signal.ReceivedAt.Offset);
        var queued = (await _app.Queue(QueueNames.Intake).PeekMessagesAsync(10)).Value;
        var message = Assert.Single(queued);
        Assert.Contains(signal.Code.Value, message.Body.ToString());
    }

    [Fact]
    public async Task Submit_SameIdempotencyKeyTwice_ReturnsFirstAnswerAndStoresOneSignal()
    {
        var client = _app.CreateClient();
        var body = Intakes.Body(_app, key: "resident-retry-0001");
        var (first, firstBody) = await client.SubmitAsync(body);
        var (second, secondBody) = await client.SubmitAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(firstBody.GetProperty("trackingCode").GetString(), secondBody.GetProperty("trackingCode").GetString());
        Assert.Equal(firstBody.GetProperty("confirmation").ToString(), secondBody.GetProperty("confirmation").ToString());
        Assert.False(first.Headers.Contains("Idempotent-Replayed"));
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(1, await CountSignalsAsync());
    }

    [Fact]
    public async Task Submit_KeyInHeader_IsUsedForIdempotency()
    {
        var client = _app.CreateClient();
        var body = Intakes.Body(_app);
        body.Remove("idempotencyKey");
        string? first = null;
        for (var i = 0; i < 2; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", "header-key-12345");
            var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            var code = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString();
            first ??= code;
            Assert.Equal(first, code);
        }
        Assert.Equal(1, await CountSignalsAsync());
    }

    [Fact]
    public async Task Submit_ConcurrentRetriesWithOneKey_CreateOneSignal()
    {
        var client = _app.CreateClient();
        var body = Intakes.Body(_app, key: "flaky-network-retry-42");
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SubmitAsync(body)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Accepted, r.Response.StatusCode));
        Assert.Single(results.Select(r => r.Body.GetProperty("trackingCode").GetString()).Distinct());
        Assert.Equal(1, await CountSignalsAsync());
    }

    [Fact]
    public async Task Submit_SameKeyDifferentReport_Returns422AndStoresNothingNew()
    {
        var client = _app.CreateClient();
        await client.SubmitAcceptedAsync(Intakes.Body(_app, key: "reused-key-000001"));
        var (response, body) = await client.SubmitAsync(Intakes.Body(_app, key: "reused-key-000001", text: "شيء آخر تماما"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(body.GetProperty("errors").TryGetProperty("idempotencyKey", out _));
        Assert.Equal(1, await CountSignalsAsync());
    }

    [Fact]
    public async Task Submit_EmergencySubcategory_IsUrgentAndPointsTo112()
    {
        var client = _app.CreateClient();
        var (_, body) = await client.SubmitAsync(Intakes.Body(_app, category: "wonen", subcategory: "wonen-brand", text: null));

        Assert.True(body.GetProperty("urgent").GetBoolean());
        Assert.Equal("112", body.GetProperty("emergency").GetProperty("call").GetString());
        Assert.Contains("112", body.GetProperty("emergency").GetProperty("text").GetString());
    }

    [Fact]
    public async Task Submit_EmergencyInTextOnly_IsFlaggedFromOriginalLanguage()
    {
        var client = _app.CreateClient();
        // Flagged from the words themselves: no translator is configured in this test.
        var (_, body) = await client.SubmitAsync(Intakes.Body(_app, language: "en", category: "overig", subcategory: null,
            text: "There is a fire in the kitchen, smoke everywhere"));
        Assert.True(body.GetProperty("urgent").GetBoolean());
        var signal = await _app.LoadAsync(body.GetProperty("trackingCode").GetString()!);
        Assert.True(signal.Flags.Emergency);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.Flagged);
        Assert.DoesNotContain("fire in the kitchen", signal.Events.Select(e => e.Detail ?? ""));
    }

    [Fact]
    public async Task Submit_SuicideSubcategory_Mentions113()
    {
        var client = _app.CreateClient();
        var (_, body) = await client.SubmitAsync(Intakes.Body(_app, language: "fa", category: "zorg", subcategory: "zorg-zelfdoding", text: null));
        Assert.Contains("113", body.GetProperty("emergency").GetProperty("suicideLine").GetString());
    }

    [Fact]
    public async Task Submit_ContactWithConsent_IsStored()
    {
        var client = _app.CreateClient();
        var body = Intakes.Body(_app);
        body["contact"] = new { phone = "+31 6 12345678", email = "resident@example.org" };
        body["contactConsent"] = true;
        var signal = await _app.LoadAsync(await client.SubmitAcceptedAsync(body));
        Assert.Equal("+31 6 12345678", signal.Contact!.Phone);
    }

    private async Task<int> CountSignalsAsync()
    {
        var table = _app.Table(SignalTable.TableName);
        var n = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(x => true))
            if (e.RowKey.StartsWith("sig|") && !e.RowKey.Contains("|evt|")) n++;
        return n;
    }
}
