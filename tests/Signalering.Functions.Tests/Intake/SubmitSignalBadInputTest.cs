using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Intake;

/// <summary>Every kind of bad input gets problem+json naming the field, and leaves no trace in storage or queues.</summary>
public sealed class SubmitSignalBadInputTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    public static TheoryData<string, string> Cases => new()
    {
        { "forged-token", "locationToken" },
        { "unknown-token-id", "locationToken" },
        { "revoked-token", "locationToken" },
        { "missing-token", "locationToken" },
        { "unknown-category", "category" },
        { "subcategory-of-other-category", "subcategory" },
        { "oversize-text", "text" },
        { "empty-text-without-subcategory", "text" },
        { "contact-without-consent", "contactConsent" },
        { "invalid-email", "contact.email" },
        { "unknown-language", "language" },
        { "missing-idempotency-key", "idempotencyKey" },
        { "short-idempotency-key", "idempotencyKey" },
        { "wrong-type", "contactConsent" },
        { "nul-in-text", "text" },
        { "escape-in-text", "text" },
        { "bidi-override-in-text", "text" },
        { "danger-answer-not-a-boolean", "dangerNow" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Submit_BadField_Returns400NamingFieldAndStoresNothing(string scenario, string field)
    {
        var client = _app.Admin();
        if (scenario == "revoked-token")
        {
            var revoke = await client.PostAsync($"/api/admin/locations/azc-luttelgeest/qr-tokens/{Intakes.AzcMainBuilding}/revoke", null);
            Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        }
        var body = Intakes.Body(_app);
        switch (scenario)
        {
            case "forged-token": body["locationToken"] = _app.Token(Intakes.AzcMainBuilding)[..^3] + "AAA"; break;
            case "unknown-token-id": body["locationToken"] = _app.Token("no-such-token-1"); break;
            case "missing-token": body["locationToken"] = null; break;
            case "unknown-category": body["category"] = "spaceships"; body["subcategory"] = null; break;
            case "subcategory-of-other-category": body["subcategory"] = "zorg-tolk"; break;
            case "oversize-text": body["text"] = new string('a', 2001); break;
            case "empty-text-without-subcategory": body["subcategory"] = null; body["text"] = "   "; break;
            case "contact-without-consent": body["contact"] = new { phone = "+31612345678" }; break;
            case "invalid-email": body["contact"] = new { email = "not-an-email" }; body["contactConsent"] = true; break;
            case "unknown-language": body["language"] = "xx"; break;
            case "missing-idempotency-key": body.Remove("idempotencyKey"); break;
            case "short-idempotency-key": body["idempotencyKey"] = "abc"; break;
            case "nul-in-text": body["text"] = "water\u0000 in my room"; break;
            case "escape-in-text": body["text"] = "water \u001b[31m in my room\u0007"; break;
            case "bidi-override-in-text": body["text"] = "water in my room \u202Egnp.exe"; break;
            case "danger-answer-not-a-boolean": body["dangerNow"] = "maybe"; break;
            case "wrong-type": body["contactConsent"] = "yes please"; break;
        }
        var (response, json) = await client.SubmitAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(json.GetProperty("errors").TryGetProperty(field, out _), json.ToString());
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_MalformedJson_Returns400NamingBody()
    {
        var response = await _app.CreateClient().PostAsync("/api/signals", new StringContent("{\"language\": \"ar\",", Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(json.GetProperty("errors").TryGetProperty("body", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_WrongContentType_Returns415NamingContentType()
    {
        var content = new StringContent("language=ar&category=wonen", Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        var response = await _app.CreateClient().PostAsync("/api/signals", content);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(json.GetProperty("errors").TryGetProperty("Content-Type", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_SeveralBadFields_ReportsThemAllAtOnce()
    {
        var body = Intakes.Body(_app);
        body["language"] = "xx";
        body["category"] = "nope";
        body["text"] = new string('b', 3000);
        var (_, json) = await _app.CreateClient().SubmitAsync(body);
        var errors = json.GetProperty("errors");
        Assert.True(errors.TryGetProperty("language", out _));
        Assert.True(errors.TryGetProperty("category", out _));
        Assert.True(errors.TryGetProperty("text", out _));
    }

    [Fact]
    public async Task Submit_HeaderAndFieldKeysDiffer_Returns400NamingIdempotencyKey()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals") { Content = JsonContent.Create(Intakes.Body(_app, key: "field-key-12345")) };
        request.Headers.Add("Idempotency-Key", "header-key-12345");
        var response = await _app.CreateClient().SendAsync(request);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(json.GetProperty("errors").TryGetProperty("idempotencyKey", out _));
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task Submit_BodyOver64KB_Returns413NamingBody()
    {
        var body = Intakes.Body(_app);
        body["padding"] = new string('x', 64 * 1024); // an unknown field is skipped, so only the size is wrong
        var response = await _app.CreateClient().PostAsync("/api/signals",
            new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"));
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(json.GetProperty("errors").TryGetProperty("body", out _));
        await AssertNothingStoredAsync();
    }

    private async Task AssertNothingStoredAsync()
    {
        var table = _app.Table(SignalTable.TableName);
        await table.CreateIfNotExistsAsync();
        var rows = new List<TableEntity>();
        await foreach (var e in table.QueryAsync<TableEntity>(x => true)) rows.Add(e);
        Assert.Empty(rows);
        var queue = _app.Queue(QueueNames.Intake);
        if (await queue.ExistsAsync()) Assert.Empty((await queue.PeekMessagesAsync(10)).Value);
    }
}
