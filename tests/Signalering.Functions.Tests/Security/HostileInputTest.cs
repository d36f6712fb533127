using System.Net;
using System.Text;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Security;

/// <summary>One app for the whole corpus; budgets raised so that each case meets the validation it aims at, not a 429.</summary>
public sealed class HostileInputFixture : IDisposable
{
    public SignaleringApp App { get; } = new()
    {
        Settings =
        {
            ["AbuseLimits:SubmitsPerClient"] = "100000", ["AbuseLimits:LookupsPerClient"] = "100000",
            ["AbuseLimits:MissesPerClient"] = "100000", ["AbuseLimits:MissesPerCodeSpace"] = "100000",
        },
    };

    public void Dispose() => App.Dispose();
}

/// <summary>
/// A corpus of hostile requests against every anonymous endpoint (the anonymous functions of Features/): malformed JSON, wrong
/// content types, huge bodies, deep nesting, invalid UTF-8, overlong strings, NUL bytes, SQL/OData/HTML/CSV-formula
/// injection in validated fields, path traversal in routes, header injection. (A NUL byte in the URL never reaches
/// the app: Kestrel and the test server refuse such a request line; here NUL bytes travel in bodies and headers.) Each must get a 4xx that says what is
/// wrong (problem+json, or an HTML page for the resident's HTML routes), and leave every table and queue as it was.
/// </summary>
public sealed class HostileInputTest(HostileInputFixture fixture) : IClassFixture<HostileInputFixture>
{
    public enum Answer { Problem, Html }

    public sealed record Case(string Name, HttpMethod Method, string Path, string? ContentType, byte[]? Body, Answer Answer,
        IReadOnlyDictionary<string, string>? Headers = null)
    {
        public override string ToString() => Name;
    }

    private const string Token = "{token}"; // replaced by a genuine location token of the seeded AZC
    private static readonly byte[] InvalidUtf8 = [.. "{\"language\":\"ar\",\"text\":\""u8, 0xC3, 0x28, 0xFF, 0xFE, .. "\"}"u8];

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    private static string Intake(string field, string value) =>
        $$"""{"locationToken":"{{Token}}","language":"ar","category":"wonen","subcategory":"wonen-vocht","text":"lek","idempotencyKey":"hostile-{{Guid.NewGuid():N}}","{{field}}":{{value}}}""";

    private static Case Submit(string name, string? contentType, byte[]? body, IReadOnlyDictionary<string, string>? headers = null) =>
        new("POST /api/signals: " + name, HttpMethod.Post, "/api/signals", contentType, body, Answer.Problem, headers);

    private static Case Get(string name, string path, Answer answer = Answer.Problem) => new("GET " + path + ": " + name, HttpMethod.Get, path, null, null, answer);

    private static Case Form(string name, string path, string? contentType, byte[] body, Answer answer = Answer.Html) =>
        new("POST " + path + ": " + name, HttpMethod.Post, path, contentType, body, answer);

    public static IEnumerable<object[]> Corpus()
    {
        const string json = "application/json";
        var cases = new List<Case>
        {
            Submit("malformed JSON", json, Json("{\"language\": \"ar\", ")),
            Submit("not JSON at all", json, Json("language=ar&category=wonen")),
            Submit("a JSON array", json, Json("[]")),
            Submit("JSON null", json, Json("null")),
            Submit("empty body", json, []),
            Submit("text/plain", "text/plain", Json(Intake("formalComplaint", "false"))),
            Submit("form content type", "application/x-www-form-urlencoded", Json("language=ar")),
            Submit("XML", "application/xml", Json("<signal><language>ar</language></signal>")),
            Submit("no content type", null, Json(Intake("formalComplaint", "false"))),
            Submit("huge body (1 MB)", json, Json("{\"text\":\"" + new string('a', 1024 * 1024) + "\"}")),
            Submit("deep nesting", json, Json("{\"text\":" + new string('[', 10_000) + new string(']', 10_000) + "}")),
            Submit("invalid UTF-8", json, InvalidUtf8),
            Submit("overlong text", json, Json(Intake("text", "\"" + new string('x', 20_000) + "\""))),
            Submit("NUL byte in text", json, Json(Intake("text", "\"lek\\u0000DROP\""))),
            Submit("bidi override in text", json, Json(Intake("text", "\"\\u202Egnol\""))),
            Submit("wrong type", json, Json(Intake("dangerNow", "\"yes\""))),
            Submit("SQL injection in category", json, Json(Intake("category", "\"wonen' OR '1'='1\""))),
            Submit("OData injection in subcategory", json, Json(Intake("subcategory", "\"x' or PartitionKey ne '\""))),
            Submit("OData injection in location token", json, Json(Intake("locationToken", "\"' or RowKey gt ''\""))),
            Submit("HTML in language", json, Json(Intake("language", "\"<script>alert(1)</script>\""))),
            Submit("CSV formula in category", json, Json(Intake("category", "\"=HYPERLINK(\\\"http://evil\\\")\""))),
            Submit("path traversal in idempotency key", json, Json(Intake("idempotencyKey", "\"../../../etc/passwd\""))),
            Submit("overlong idempotency key", json, Json(Intake("idempotencyKey", "\"" + new string('k', 5000) + "\""))),
            Submit("contact without consent", json, Json(Intake("contact", "{\"phone\":\"0612345678\"}"))),
            Submit("script as e-mail", json, Json(Intake("contact", "{\"email\":\"<script>@x\"}") .Replace("}", ",\"contactConsent\":true}", StringComparison.Ordinal))),
            Submit("header injection in Idempotency-Key", json, Json(Intake("formalComplaint", "false")),
                new Dictionary<string, string> { ["Idempotency-Key"] = "abc%0d%0aSet-Cookie:x=1" }),
            Submit("NUL in Idempotency-Key", json, Json(Intake("formalComplaint", "false")), new Dictionary<string, string> { ["Idempotency-Key"] = "abc\u0000defgh" }),

            Get("malformed code", "/api/signals/not-a-code"),
            Get("SQL injection", "/api/signals/" + Uri.EscapeDataString("' OR 1=1 --")),
            Get("OData injection", "/api/signals/" + Uri.EscapeDataString("x' or PartitionKey ne 'y")),
            Get("path traversal", "/api/signals/..%2F..%2Fetc%2Fpasswd"),
            Get("control characters in the language", "/api/signals/not-a-code?lang=ar%0D%0ASet-Cookie:%20x=1"),
            Get("overlong code", "/api/signals/" + new string('3', 4000)),
            Get("path traversal", "/api/reference/..%2F..%2Fappsettings.json"),
            Get("bad date", "/open311/v2/requests.json?start_date=" + Uri.EscapeDataString("' or 1=1")),
            Get("OData injection in id", "/open311/v2/requests/" + Uri.EscapeDataString("x' or RowKey ne '") + ".json"),
            Get("unknown format", "/open311/v2/services.xml"),

            Get("forged token", "/r/AAAAAAAAAAAAAAAAAAAAAAAA", Answer.Html),
            Get("script as token", "/r/" + Uri.EscapeDataString("<script>alert(1)</script>"), Answer.Html),
            Get("path traversal as token", "/r/..%2F..%2Fadmin", Answer.Html),
            Get("script in the language", "/s/%3Cscript%3E?lang=ar%22%3E%3Cscript%3Ealert(1)%3C/script%3E", Answer.Html),
            Get("unknown code", "/s/" + Uri.EscapeDataString("<img src=x onerror=alert(1)>"), Answer.Html),
            Get("OData injection", "/s/" + Uri.EscapeDataString("' or ''='"), Answer.Html),

            Form("JSON to the resident form", $"/r/{Token}/ar/wonen/wonen-vocht", json, Json("{\"text\":\"lek\"}"), Answer.Problem),
            Form("broken multipart", $"/r/{Token}/ar/wonen/wonen-vocht", "multipart/form-data; boundary=XYZ", Json("--XYZ\r\nContent-Disposition: form-data; name=\"text\"\r\n\r\nlek"), Answer.Html),
            Form("NUL in text", $"/r/{Token}/ar/wonen/-", "application/x-www-form-urlencoded", Json("idempotencyKey=form-abcdefgh12&text=lek%00DROP")),
            Form("overlong text", $"/r/{Token}/ar/wonen/-", "application/x-www-form-urlencoded", Json("idempotencyKey=form-abcdefgh12&text=" + new string('x', 20_000))),
            Form("script as phone", $"/r/{Token}/ar/wonen/wonen-vocht", "application/x-www-form-urlencoded",
                Json("idempotencyKey=form-abcdefgh13&phone=%3Cscript%3E&contactConsent=true")),
            Form("no text and no subcategory", $"/r/{Token}/ar/wonen/-", "application/x-www-form-urlencoded", Json("idempotencyKey=form-abcdefgh14")),
            Form("JSON to the status answer", "/s/AAAAAAAAAA/answer", json, Json("{\"solved\":\"no\"}"), Answer.Problem),
            Form("unknown code", "/s/" + Uri.EscapeDataString("' or 1=1") + "/answer", "application/x-www-form-urlencoded", Json("solved=no&comment=x")),

            new("POST /api/expertpool/members: malformed JSON", HttpMethod.Post, "/api/expertpool/members", json, Json("{\"language\":"), Answer.Problem),
            new("POST /api/expertpool/members: text/plain", HttpMethod.Post, "/api/expertpool/members", "text/plain", Json("{}"), Answer.Problem),
            new("POST /api/expertpool/members: deep nesting", HttpMethod.Post, "/api/expertpool/members", json, Json(new string('[', 5000) + new string(']', 5000)), Answer.Problem),
            new("POST /api/expertpool/members/lookup: OData injection", HttpMethod.Post, "/api/expertpool/members/lookup", json, Json("{\"memberCode\":\"x' or RowKey ne '\"}"), Answer.Problem),
            new("POST /api/expertpool/members/withdraw: invalid UTF-8", HttpMethod.Post, "/api/expertpool/members/withdraw", json, InvalidUtf8, Answer.Problem),
            new("POST /api/expertpool/invitations/../answers: traversal", HttpMethod.Post, "/api/expertpool/invitations/..%2F..%2Fx/answers", json, Json("{}"), Answer.Problem),
            Form("JSON to the join form", "/e/join", json, Json("{}"), Answer.Problem),
            Form("JSON to my page", "/e/me", json, Json("{}"), Answer.Problem),
            Form("unknown member code", "/e/me", "application/x-www-form-urlencoded", Json("code=%27+or+1%3D1")),
            Get("forged invitation", "/e/i/" + Uri.EscapeDataString("<script>alert(1)</script>"), Answer.Html),

            new("POST /aanmelden: JSON", HttpMethod.Post, "/aanmelden", json, Json("{}"), Answer.Problem),
            Get("no token", "/api/inbox/signals"),
            Get("forged bearer", "/api/reports/response-times"),
        };
        return cases.Select(c => new object[] { c });
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public async Task HostileRequest_Answers4xxSayingWhy_AndStoresNothing(Case hostile)
    {
        var app = fixture.App;
        var token = app.Token(Intakes.AzcMainBuilding);
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var before = await CountsAsync(app);

        var request = new HttpRequestMessage(hostile.Method, hostile.Path.Replace(Token, token, StringComparison.Ordinal));
        if (hostile.Body is not null)
        {
            // Invalid UTF-8 goes as it is; every other body gets the genuine token where the corpus has its placeholder.
            var bytes = hostile.Body.SequenceEqual(InvalidUtf8) ? hostile.Body
                : Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(hostile.Body).Replace(Token, token, StringComparison.Ordinal));
            request.Content = new ByteArrayContent(bytes);
            request.Content.Headers.ContentType = hostile.ContentType is null ? null : System.Net.Http.Headers.MediaTypeHeaderValue.Parse(hostile.ContentType);
        }
        foreach (var (name, value) in hostile.Headers ?? new Dictionary<string, string>()) request.Headers.TryAddWithoutValidation(name, value);
        if (hostile.Path.StartsWith("/api/reports", StringComparison.Ordinal)) request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.");
        var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"{hostile}: {(int)response.StatusCode} {body[..Math.Min(300, body.Length)]}");
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (hostile.Answer == Answer.Problem && (int)response.StatusCode is not (401 or 403))
            Assert.True(mediaType == "application/problem+json", $"{hostile}: {mediaType} {body[..Math.Min(300, body.Length)]}");
        if (hostile.Answer == Answer.Html)
        {
            Assert.True(mediaType == "text/html", $"{hostile}: {mediaType}");
            Assert.DoesNotContain("<script>alert", body); // whatever came in is shown escaped, if at all
            Assert.DoesNotContain("<img src=x", body);
        }
        Assert.Equal(before, await CountsAsync(app));
    }

    /// <summary>Entities per table and messages per queue; the rate-limit counters are the only thing a refused request may move.</summary>
    private static async Task<string> CountsAsync(SignaleringApp app)
    {
        var inventory = await StorageInventory.TakeAsync(app);
        return string.Join("; ", inventory.Counts.Where(c => !c.Key.EndsWith(RateLimitTable.TableName, StringComparison.Ordinal) && c.Value > 0)
            .OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}={c.Value}"));
    }
}
