using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Hosting;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Security;

/// <summary>
/// Every HTTP function that answers without a sign-in is classified here, and none of them shows another resident's
/// signal or a count from 1 to 4. A function is public when an anonymous request is not refused (401, 403, or sent to
/// <c>/aanmelden</c>); a new public function that is not in <see cref="Public"/> fails the test.
/// </summary>
public sealed partial class PublicRoutesTest
{
    private enum Shows
    {
        /// <summary>No signal data at all: forms, reference data, sign-in, the expertpool's member pages, health.</summary>
        Nothing,
        /// <summary>The resident's own signal, found by its tracking code: allowed to show that one signal, nothing of others.</summary>
        OwnSignal,
        /// <summary>Open311: one record per public signal by design, but only public topics and groups of five or more (<c>PublicDisclosure</c>).</summary>
        PublicRecords,
    }

    // "METHOD route" → the request to make (placeholders filled from the seeded data) and what it may show.
    private static readonly Dictionary<string, (string Path, Shows Shows)> Public = new()
    {
        // The root: where a report starts, in every language; nothing of any signal.
        ["GET /"] = ("/", Shows.Nothing),
        ["POST api/signals"] = ("/api/signals", Shows.Nothing),
        ["GET api/signals/{trackingCode}"] = ("/api/signals/{own}", Shows.OwnSignal),
        ["GET s"] = ("/s?lang=ar", Shows.Nothing),
        ["GET s/{code}"] = ("/s/{own}?lang=ar", Shows.OwnSignal),
        ["POST s/{code}/answer"] = ("/s/{own}/answer", Shows.OwnSignal),
        ["POST s/{code}/reply"] = ("/s/{own}/reply", Shows.OwnSignal),
        ["POST api/signals/{trackingCode}/push"] = ("/api/signals/{own}/push", Shows.OwnSignal),
        // "My reports": only the codes this phone's own cookie names; without one, none.
        ["GET m"] = ("/m?lang=ar", Shows.Nothing),
        ["GET sw.js"] = ("/sw.js", Shows.Nothing),
        ["GET r/{token}"] = ("/r/{token}", Shows.Nothing),
        ["GET r/{token}/{lang}"] = ("/r/{token}/ar", Shows.Nothing),
        ["GET r/{token}/{lang}/{category}"] = ("/r/{token}/ar/vervoer", Shows.Nothing),
        ["GET r/{token}/{lang}/{category}/{sub}"] = ("/r/{token}/ar/vervoer/vervoer-ov", Shows.Nothing),
        ["POST r/{token}/{lang}/{category}/{sub}"] = ("/r/{token}/ar/vervoer/vervoer-ov", Shows.Nothing),
        ["GET r/{token}/{lang}/{category}/{sub}/{code}"] = ("/r/{token}/ar/vervoer/vervoer-ov/{own}", Shows.OwnSignal),
        ["GET api/reference/categories"] = ("/api/reference/categories", Shows.Nothing),
        ["GET api/reference/languages"] = ("/api/reference/languages", Shows.Nothing),
        ["GET api/health"] = ("/api/health", Shows.Nothing),
        ["GET open311/v2/discovery.json"] = ("/open311/v2/discovery.json", Shows.Nothing),
        ["GET open311/v2/services.{format}"] = ("/open311/v2/services.json", Shows.Nothing),
        ["GET open311/v2/services/{code}.{format}"] = ("/open311/v2/services/vervoer-ov.json", Shows.Nothing),
        ["GET open311/v2/requests.{format}"] = ("/open311/v2/requests.json", Shows.PublicRecords),
        ["GET open311/v2/requests/{id}.{format}"] = ("/open311/v2/requests/{open311Id}.json", Shows.PublicRecords),
        ["GET aanmelden"] = ("/aanmelden", Shows.Nothing),
        ["POST aanmelden"] = ("/aanmelden", Shows.Nothing),
        ["GET aanmelden/geen-toegang"] = ("/aanmelden/geen-toegang", Shows.Nothing),
        ["GET signin-oidc"] = ("/signin-oidc", Shows.Nothing),
        ["POST signin-oidc"] = ("/signin-oidc", Shows.Nothing),
        ["GET signout-callback-oidc"] = ("/signout-callback-oidc", Shows.Nothing),
        ["POST uitloggen"] = ("/uitloggen", Shows.Nothing),
        ["POST api/expertpool/members"] = ("/api/expertpool/members", Shows.Nothing),
        ["POST api/expertpool/members/lookup"] = ("/api/expertpool/members/lookup", Shows.Nothing),
        ["POST api/expertpool/members/withdraw"] = ("/api/expertpool/members/withdraw", Shows.Nothing),
        ["POST api/expertpool/invitations/{token}/answers"] = ("/api/expertpool/invitations/x/answers", Shows.Nothing),
        ["GET e/l/{token}"] = ("/e/l/{token}", Shows.Nothing),
        ["GET e/join"] = ("/e/join?lang=ar", Shows.Nothing),
        ["POST e/join"] = ("/e/join", Shows.Nothing),
        ["GET e/me"] = ("/e/me?lang=ar", Shows.Nothing),
        ["POST e/me"] = ("/e/me", Shows.Nothing),
        ["POST e/leave"] = ("/e/leave", Shows.Nothing),
        ["GET e/i/{token}"] = ("/e/i/x", Shows.Nothing),
        ["POST e/i/{token}"] = ("/e/i/x", Shows.Nothing),
        ["GET e/i/{token}/qr.svg"] = ("/e/i/x/qr.svg", Shows.Nothing),
        ["GET e/results/{id}"] = ("/e/results/{consultation}?lang=ar", Shows.Nothing),
    };

    private const string OwnText = "Mijn kraan lekt al drie weken in kamer 12";
    private static readonly string[] OthersTexts =
    [
        "Tweede bus naar Emmeloord reed niet", "Geen bus om half negen naar school", "Ik denk er steeds aan om er een eind aan te maken",
        "De beveiliger van de nachtdienst scheldt mij uit",
    ];

    [Fact]
    public async Task EveryPublicRoute_IsClassified_AndShowsNoOtherSignalNorACountUnderFive()
    {
        using var app = new SignaleringApp();
        var submitter = app.CreateClient();
        var own = await submitter.SubmitAcceptedAsync(Intakes.Body(app, language: "nl", text: OwnText));
        var others = new List<string>
        {
            await submitter.SubmitAcceptedAsync(Intakes.Body(app, language: "nl", text: OthersTexts[0], category: "vervoer", subcategory: "vervoer-ov")),
            await submitter.SubmitAcceptedAsync(Intakes.Body(app, language: "nl", text: OthersTexts[1], category: "vervoer", subcategory: "vervoer-ov")),
            await submitter.SubmitAcceptedAsync(Intakes.Body(app, language: "nl", text: OthersTexts[2], category: "zorg", subcategory: "zorg-zelfdoding")),
            await submitter.SubmitAcceptedAsync(Intakes.Body(app, language: "nl", text: OthersTexts[3], category: "veiligheid", subcategory: "veiligheid-medewerker")),
        };
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await app.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);
        var consultation = await Expertpool.ExpertpoolFlows.CreateConsultationAsync(app);

        // Not signed in, but with an anti-forgery token, so staff forms are refused for the sign-in, not for the token.
        var anonymous = app.Browser();
        var antiforgery = StaffSession.AntiforgeryToken(await anonymous.GetStringAsync("/aanmelden"));
        var unclassified = new List<string>();
        var ownShown = 0;
        var leaks = new List<string>();
        foreach (var f in FunctionCatalog.Functions.Where(f => f.Trigger == TriggerKind.Http))
        foreach (var method in f.Methods)
        {
            var key = $"{method} {f.Route}";
            var (path, shows) = Public.TryGetValue(key, out var known) ? known : (Fill(f.Route!), Shows.Nothing);
            path = path.Replace("{own}", own).Replace("{token}", app.Token(Intakes.AzcMainBuilding)).Replace("{consultation}", consultation)
                .Replace("{open311Id}", "20260101-000000000000");
            var response = await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)
            {
                Content = method == "GET" ? null : path.StartsWith("/api/", StringComparison.Ordinal)
                    ? new StringContent("{}", Encoding.UTF8, "application/json")
                    : new FormUrlEncodedContent(new Dictionary<string, string> { ["lang"] = "ar", ["code"] = own, ["text"] = "x", ["__af"] = antiforgery }),
            });
            if (IsRefusedForAnonymous(response)) continue;
            if (known == default) { unclassified.Add($"{key} answered {(int)response.StatusCode}"); continue; }
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            leaks.AddRange(Leaks(key, body, shows, own, others));
            if (shows == Shows.OwnSignal && body.Replace("-", "").Contains(own.Replace("-", ""))) ownShown++;
        }
        Assert.True(unclassified.Count == 0, "Public routes not classified in PublicRoutesTest.Public: " + string.Join("; ", unclassified));
        Assert.True(leaks.Count == 0, string.Join("\n", leaks));
        Assert.True(ownShown >= 2, "the status API and page show the resident's own signal: the bodies checked are the real ones");
        Assert.All(Public.Keys, key => Assert.Contains(FunctionCatalog.Functions, f => f.Methods.Any(m => $"{m} {f.Route}" == key)));
    }

    private static bool IsRefusedForAnonymous(HttpResponseMessage r) =>
        r.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
        || r.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found && r.Headers.Location is { } to
            && (to.IsAbsoluteUri ? to.PathAndQuery : to.OriginalString).StartsWith("/aanmelden?", StringComparison.Ordinal);

    private static string Fill(string route) => "/" + Placeholder().Replace(route, "x");

    private static IEnumerable<string> Leaks(string key, string body, Shows shows, string own, IReadOnlyList<string> others)
    {
        var compact = body.Replace("-", "");
        foreach (var text in OthersTexts.Where(body.Contains)) yield return $"{key}: shows another resident's text '{text}'";
        foreach (var code in others.Where(c => compact.Contains(c.Replace("-", "")))) yield return $"{key}: shows another signal's code {code}";
        if (shows != Shows.OwnSignal && (body.Contains(OwnText) || compact.Contains(own.Replace("-", ""))))
            yield return $"{key}: shows the resident's signal without being asked for it by its code";
        if (shows == Shows.PublicRecords)
            foreach (var sub in new[] { "vervoer-ov", "zorg-zelfdoding", "veiligheid-medewerker" }.Where(body.Contains))
                yield return $"{key}: lists '{sub}', a group under five or a sensitive topic";
        foreach (var count in SmallCounts(body)) yield return $"{key}: shows the count {count}";
    }

    // Counts in JSON: any number from 1 to 4 under a name that counts something.
    private static IEnumerable<string> SmallCounts(string body)
    {
        JsonDocument json;
        try { json = JsonDocument.Parse(body); }
        catch (JsonException) { yield break; }
        using (json)
            foreach (var (name, value) in Numbers(json.RootElement, ""))
                if (CountName().IsMatch(name) && value is >= 1 and <= 4) yield return $"{name}={value}";
    }

    private static IEnumerable<(string Name, decimal Value)> Numbers(JsonElement e, string name) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Numbers(p.Value, p.Name)),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(i => Numbers(i, name)),
        JsonValueKind.Number => [(name, e.GetDecimal())],
        _ => [],
    };

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("count|total|number|answers|signals|requests|open|closed|received|depth", RegexOptions.IgnoreCase)]
    private static partial Regex CountName();
}
