using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Signalering.Domain.Signals;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Security;

/// <summary>
/// Storage-backed budgets on intake and lookups: per location and per client, shared by every instance and kept over
/// a restart; a spent budget answers 429 with Retry-After (problem+json for the API, a page in the resident's
/// language for the form) and stores nothing.
/// </summary>
public sealed class AbuseLimitTest
{
    private static SignaleringApp App(string? prefix = null, params (string Key, string Value)[] settings)
    {
        var app = prefix is null ? new SignaleringApp { ExtraServices = TestPeer.Register } : new SignaleringApp { Prefix = prefix, ExtraServices = TestPeer.Register };
        foreach (var (k, v) in settings) app.Settings[k] = v;
        return app;
    }

    private static async Task AssertTooManyProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After in seconds");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, body.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Submit_OverLocationBudget_Answers429WithRetryAfter_AndStoresNothing()
    {
        using var app = App(null, ("AbuseLimits:SubmitsPerLocation", "2"));
        // Two residents on different addresses at one location: the location's budget is theirs together.
        await TestPeer.Client(app, "203.0.113.1").SubmitAcceptedAsync(Intakes.Body(app));
        await TestPeer.Client(app, "203.0.113.2").SubmitAcceptedAsync(Intakes.Body(app));
        var (third, _) = await TestPeer.Client(app, "203.0.113.3").SubmitAsync(Intakes.Body(app));
        await AssertTooManyProblemAsync(third);
        Assert.Equal(2, await app.CountSignalsAsync());
        // Another location is not affected.
        await TestPeer.Client(app, "203.0.113.3").SubmitAcceptedAsync(Intakes.Body(app, tokenId: Intakes.Ukrainian, language: "uk", text: "Холодно"));
    }

    [Fact]
    public async Task Submit_OverClientBudget_Answers429_EvenWithAForgedToken()
    {
        using var app = App(null, ("AbuseLimits:SubmitsPerClient", "2"));
        var client = TestPeer.Client(app, "198.51.100.7");
        var forged = Intakes.Body(app);
        forged["locationToken"] = "AAAAAAAAAAAAAAAAAAAAAAAA";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SubmitAsync(forged)).Response.StatusCode);
        await client.SubmitAcceptedAsync(Intakes.Body(app));
        await AssertTooManyProblemAsync((await client.SubmitAsync(Intakes.Body(app))).Response);
        await TestPeer.Client(app, "198.51.100.8").SubmitAcceptedAsync(Intakes.Body(app)); // a neighbour on another address
        Assert.Equal(2, await app.CountSignalsAsync());
    }

    [Fact]
    public async Task Budget_IsSharedByInstances_AndSurvivesARestart()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var limit = ("AbuseLimits:SubmitsPerLocation", "2");
        using (var first = App(prefix, limit))
        using (var second = App(prefix, limit))
        {
            await first.CreateClient().SubmitAcceptedAsync(Intakes.Body(first));
            await second.CreateClient().SubmitAcceptedAsync(Intakes.Body(second));
            await AssertTooManyProblemAsync((await first.CreateClient().SubmitAsync(Intakes.Body(first))).Response);
        }
        using var restarted = App(prefix, limit);
        await AssertTooManyProblemAsync((await restarted.CreateClient().SubmitAsync(Intakes.Body(restarted))).Response);
        Assert.Equal(2, await restarted.CountSignalsAsync());
    }

    [Fact]
    public async Task ResidentForm_OverBudget_ShowsThePageInTheResidentsLanguage_KeepingTheirText()
    {
        using var app = App(null, ("AbuseLimits:SubmitsPerClient", "1"));
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestPeer.Header, "203.0.113.9");
        var path = $"/r/{app.Token(Intakes.AzcMainBuilding)}/ar/wonen/wonen-vocht";
        HttpContent Form(string text) => new MultipartFormDataContent { { new StringContent(text), "text" }, { new StringContent("form-" + Guid.NewGuid().ToString("N")), "idempotencyKey" } };
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(path, Form("الماء يدخل غرفتي"))).StatusCode);
        var response = await client.PostAsync(path, Form("الحمام مكسور"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.Contains("lang=\"ar\"", html);
        Assert.Contains(Texts("ar")["error.busy"], System.Net.WebUtility.HtmlDecode(html));
        Assert.Contains("الحمام مكسور", html); // what they wrote is still in the form
        Assert.Equal(1, await app.CountSignalsAsync());
    }

    private static Dictionary<string, string> Texts(string lang) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoRoot.Find(), "data", "texts", $"resident.{lang}.json"))).RootElement
            .EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Fact]
    public async Task Lookup_ClientMissBudgetSpent_MissesAnswer429_ButAKnownCodeIsStillServed()
    {
        using var app = App(null, ("AbuseLimits:MissesPerClient", "3"));
        var neighbour = await TestPeer.Client(app, "203.0.113.20").SubmitAcceptedAsync(Intakes.Body(app));
        var nat = TestPeer.Client(app, "203.0.113.20"); // the guesser and the neighbour share the reception centre's address
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.NotFound, (await nat.GetAsync("/api/signals/" + UnknownCode(i))).StatusCode);

        var guess = await nat.GetAsync("/api/signals/" + UnknownCode(4));
        await AssertTooManyProblemAsync(guess);
        Assert.Equal(HttpStatusCode.OK, (await nat.GetAsync("/api/signals/" + neighbour)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nat.GetAsync("/s/" + neighbour)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TestPeer.Client(app, "203.0.113.21").GetAsync("/api/signals/" + UnknownCode(5))).StatusCode);
    }

    [Fact]
    public async Task Lookup_CodeSpaceBudgetSpentByManyAddresses_LimitsMissesThere_NotElsewhere_AndServesKnownCodes()
    {
        using var app = App(null, ("AbuseLimits:MissesPerCodeSpace", "3"));
        var known = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        // A distributed guesser: every miss from another address, all in code space '3'.
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await TestPeer.Client(app, $"192.0.2.{i + 1}").GetAsync("/api/signals/" + UnknownCode(i, '3'))).StatusCode);
        await AssertTooManyProblemAsync(await TestPeer.Client(app, "192.0.2.50").GetAsync("/api/signals/" + UnknownCode(7, '3')));
        var otherSpace = Domain.Signals.TrackingCode.Alphabet.First(c => c != '3' && c != known[0]);
        Assert.Equal(HttpStatusCode.NotFound, (await TestPeer.Client(app, "192.0.2.51").GetAsync("/api/signals/" + UnknownCode(8, otherSpace))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestPeer.Client(app, "192.0.2.52").GetAsync("/api/signals/" + known)).StatusCode);
    }

    [Fact]
    public async Task Lookup_OverClientLookupBudget_Answers429EvenForAKnownCode()
    {
        using var app = App(null, ("AbuseLimits:LookupsPerClient", "2"));
        var known = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        var client = TestPeer.Client(app, "203.0.113.30");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/signals/" + known)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/signals/" + known)).StatusCode);
        await AssertTooManyProblemAsync(await client.GetAsync("/api/signals/" + known));
        var page = await client.GetAsync($"/s/{known}?lang=tr");
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.Contains(Texts("tr")["status.tooManyAttempts"], System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task MemberLookup_ClientMissBudgetSpent_MissesAnswer429_ButAKnownCodeIsStillServed()
    {
        using var app = App(null, ("AbuseLimits:MissesPerClient", "3"));
        var neighbour = await Expertpool.ExpertpoolFlows.JoinAsync(app);
        var nat = TestPeer.Client(app, "203.0.113.70");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await nat.PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = UnknownMemberCode(i) })).StatusCode);

        var guess = await nat.PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = UnknownMemberCode(4) });
        await AssertTooManyProblemAsync(guess);
        Assert.Contains("memberCode", await guess.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await nat.PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = neighbour })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await nat.PostAsync("/e/me", MemberForm(neighbour, "ti"))).StatusCode);
        // The member page answers in the member's language, with a Retry-After.
        var page = await nat.PostAsync("/e/me", MemberForm(UnknownMemberCode(5), "ti"));
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
        Assert.True(page.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Contains(Texts("ti")["status.tooManyAttempts"], System.Net.WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        // Tracking-code lookups from the same address keep their own budget.
        Assert.Equal(HttpStatusCode.NotFound, (await nat.GetAsync("/api/signals/" + UnknownCode(1))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TestPeer.Client(app, "203.0.113.71").PostAsJsonAsync("/api/expertpool/members/lookup",
            new { memberCode = UnknownMemberCode(6) })).StatusCode);
    }

    [Fact]
    public async Task MemberLookup_CodeSpaceBudget_IsSharedByAddressesAndInstances_AndSurvivesARestart()
    {
        var prefix = "t" + Guid.NewGuid().ToString("N")[..10];
        var limit = ("AbuseLimits:MissesPerCodeSpace", "3");
        string known;
        using (var first = App(prefix, limit))
        using (var second = App(prefix, limit))
        {
            known = await Expertpool.ExpertpoolFlows.JoinAsync(first);
            for (var i = 0; i < 3; i++)
                Assert.Equal(HttpStatusCode.NotFound, (await TestPeer.Client(i % 2 == 0 ? first : second, $"192.0.2.{i + 1}")
                    .PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = UnknownMemberCode(i, 'K') })).StatusCode);
            await AssertTooManyProblemAsync(await TestPeer.Client(second, "192.0.2.60")
                .PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = UnknownMemberCode(7, 'K') }));
        }
        using var restarted = App(prefix, limit);
        await AssertTooManyProblemAsync(await TestPeer.Client(restarted, "192.0.2.61")
            .PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = UnknownMemberCode(8, 'K') }));
        var otherSpace = TrackingCode.Alphabet.First(c => c != 'K');
        Assert.Equal(HttpStatusCode.NotFound, (await TestPeer.Client(restarted, "192.0.2.62")
            .PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = UnknownMemberCode(9, otherSpace) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await TestPeer.Client(restarted, "192.0.2.63")
            .PostAsJsonAsync("/api/expertpool/members/lookup", new { memberCode = known })).StatusCode);
    }

    private static FormUrlEncodedContent MemberForm(string code, string lang) => new(new Dictionary<string, string> { ["code"] = code, ["lang"] = lang });

    // A well-formed member code in the given code space that no member has (codes are random: a run of one symbol is practically never drawn).
    private static string UnknownMemberCode(int n, char space = 'K')
    {
        var data = space + new string(TrackingCode.Alphabet[n % TrackingCode.Alphabet.Length], Domain.Expertpool.MemberCode.DataLength - 1);
        return TrackingCode.Alphabet.Select(c => data + c).First(candidate => Domain.Expertpool.MemberCode.TryParse(candidate, out _));
    }

    [Fact]
    public async Task ForwardedFor_IsBelievedOnlyFromAConfiguredProxy()
    {
        using var app = App(null, ("AbuseLimits:SubmitsPerClient", "1"), ("ForwardedHeaders:KnownProxies:0", "10.0.0.5"));
        HttpClient Via(string peer, string forwardedFor)
        {
            var c = TestPeer.Client(app, peer);
            c.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
            return c;
        }
        // Through the proxy: each forwarded address is its own client.
        await Via("10.0.0.5", "203.0.113.40").SubmitAcceptedAsync(Intakes.Body(app));
        await Via("10.0.0.5", "203.0.113.41").SubmitAcceptedAsync(Intakes.Body(app));
        await AssertTooManyProblemAsync((await Via("10.0.0.5", "203.0.113.40").SubmitAsync(Intakes.Body(app))).Response);
        // Straight from the internet: a forged header changes nothing, the connection's address counts.
        await Via("198.51.100.60", "203.0.113.42").SubmitAcceptedAsync(Intakes.Body(app));
        await AssertTooManyProblemAsync((await Via("198.51.100.60", "203.0.113.43").SubmitAsync(Intakes.Body(app))).Response);
    }

    // A well-formed code in the given code space (first symbol) that no signal has: the check symbol is computed.
    private static string UnknownCode(int n, char space = '3')
    {
        var data = space + new string(TrackingCode.Alphabet[n % TrackingCode.Alphabet.Length], 7) + "4";
        return TrackingCode.Alphabet.Select(c => data + c).First(candidate => TrackingCode.TryParse(candidate, out _));
    }
}
