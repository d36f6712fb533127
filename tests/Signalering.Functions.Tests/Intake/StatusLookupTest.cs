using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Intake;

public sealed class StatusLookupTest : IDisposable
{
    private readonly SignaleringApp _app = new() { Settings = { ["Signals:MaxMissesPerWindow"] = "5" } };
    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Get_KnownCode_ReturnsStatusInResidentsLanguage()
    {
        var client = _app.CreateClient();
        var code = await client.SubmitAcceptedAsync(Intakes.Body(_app, language: "uk", tokenId: Intakes.Ukrainian, text: "У кімнаті сиро"));
        var response = await client.GetAsync("/api/signals/" + code);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("received", body.GetProperty("status").GetString());
        Assert.Matches(@"\p{IsCyrillic}", body.GetProperty("statusLabel").GetString());
        Assert.DoesNotContain("сиро", body.GetRawText());
    }

    [Fact]
    public async Task Get_UnknownCode_Returns404AndMalformedReturns400NamingField()
    {
        var client = _app.CreateClient();
        var unknown = await client.GetAsync("/api/signals/333-333-333" + await ValidTailAsync());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var malformed = await client.GetAsync("/api/signals/not-a-code");
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var body = JsonDocument.Parse(await malformed.Content.ReadAsStringAsync()).RootElement;
        Assert.True(body.GetProperty("errors").TryGetProperty("trackingCode", out _));
    }

    [Fact]
    public async Task Get_TooManyMisses_IsRateLimitedEvenForKnownCodes()
    {
        var client = _app.CreateClient();
        var known = await client.SubmitAcceptedAsync(Intakes.Body(_app));
        for (var i = 0; i < 5; i++) await client.GetAsync("/api/signals/XXX-XXX-XXX" + i);
        var blocked = await client.GetAsync("/api/signals/" + known);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter);
    }

    [Fact]
    public async Task Get_HitAndMiss_BothTakeAtLeastTheFloor()
    {
        var client = _app.CreateClient();
        var known = await client.SubmitAcceptedAsync(Intakes.Body(_app));
        await client.GetAsync("/api/signals/" + known); // warm up
        var floor = TimeSpan.FromMilliseconds(50);
        foreach (var path in new[] { "/api/signals/" + known, "/api/signals/333-333-333" + await ValidTailAsync() })
        {
            var watch = Stopwatch.StartNew();
            await client.GetAsync(path);
            Assert.True(watch.Elapsed >= floor, $"{path} answered in {watch.Elapsed.TotalMilliseconds} ms, under the floor.");
        }
    }

    // The check symbol that makes "333333333?" a well-formed code.
    private static Task<string> ValidTailAsync() => Task.FromResult(Domain.Signals.TrackingCode.Alphabet
        .Select(c => c.ToString()).First(c => Domain.Signals.TrackingCode.TryParse("333333333" + c, out _)));
}
