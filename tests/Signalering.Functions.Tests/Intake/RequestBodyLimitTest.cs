using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Signalering.Functions.Tests.Browser;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Intake;

/// <summary>
/// Over a real server (Kestrel; the test server has no body limits): a body sent without a length still stops at the
/// API's 64 KB, while it is read, and leaves nothing behind.
/// </summary>
public sealed class RequestBodyLimitTest : IDisposable
{
    private readonly (SignaleringApp App, string BaseUrl) _server = KestrelApp.Start();
    public void Dispose() => _server.App.Dispose();

    [Fact]
    public async Task Submit_ChunkedBodyOver64KB_Returns413_AndStoresNothing()
    {
        var body = Intakes.Body(_server.App);
        body["padding"] = new string('x', 100 * 1024); // an unknown field is skipped, so only the size is wrong
        using var client = new HttpClient { BaseAddress = new Uri(_server.BaseUrl) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/signals")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(body)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.TransferEncodingChunked = true;

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("body", out _));
        Assert.Equal(0, await _server.App.CountSignalsAsync());
    }
}
