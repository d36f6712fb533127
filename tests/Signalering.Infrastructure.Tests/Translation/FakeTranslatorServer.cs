using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Signalering.Infrastructure.Tests.Translation;

/// <summary>
/// A local stand-in for Azure AI Translator v3: a real Kestrel server on a free loopback port that speaks the documented
/// <c>POST /translate?api-version=3.0</c> contract (also under the custom-subdomain path <c>/translator/text/v3.0/translate</c>).
/// It checks what the real service checks (api-version, credentials, language codes, body shape, size), "translates"
/// deterministically to <c>[to] text</c>, reports <c>detectedLanguage</c> only when <c>from</c> is absent, records every
/// request, and can be told to fail, throttle or hang. Its error messages echo the text on purpose, so that tests
/// prove the client never passes a service message on.
/// </summary>
public sealed class FakeTranslatorServer : IAsyncDisposable
{
    public const string Key = "fake-translator-key";
    public const string Token = "fake-entra-token";

    // Translator's codes for the languages we use plus a few others; notably "ku" for Sorani and no "ckb".
    private static readonly HashSet<string> Supported =
        ["nl", "en", "ar", "ti", "am", "fa", "prs", "ps", "ku", "kmr", "tr", "so", "uk", "ru", "pl", "ro", "bg", "fr", "de"];

    private readonly WebApplication _app;
    private readonly object _gate = new();
    private int _failuresLeft;
    private HttpStatusCode _failStatus;
    private int _failCode;
    private string? _failRetryAfter;

    private FakeTranslatorServer(WebApplication app) => _app = app;

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request that reached the server, in arrival order, whatever the server answered.</summary>
    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>What detection reports when <c>from</c> is absent (a Translator code).</summary>
    public string DetectAs { get; set; } = "en";

    /// <summary>When set, every request waits this long (or until the client gives up) before being answered.</summary>
    public TimeSpan? Hang { get; set; }

    public static async Task<FakeTranslatorServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeTranslatorServer(app);
        app.MapPost("/translate", server.HandleAsync);
        app.MapPost("/translator/text/v3.0/translate", server.HandleAsync);
        await app.StartAsync();
        // Port 0 asks the OS for a free port; the bound address is known only now.
        server.BaseAddress = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>Answer the next <paramref name="times"/> requests with <paramref name="status"/> and Translator error <paramref name="errorCode"/>.</summary>
    public void FailNext(int times, HttpStatusCode status, int errorCode, string? retryAfter = null)
    {
        lock (_gate)
        {
            _failuresLeft = times;
            _failStatus = status;
            _failCode = errorCode;
            _failRetryAfter = retryAfter;
        }
    }

    /// <summary>Answer every request with <paramref name="status"/> from now on.</summary>
    public void FailAlways(HttpStatusCode status, int errorCode) => FailNext(int.MaxValue, status, errorCode);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        string body;
        using (var reader = new StreamReader(request.Body))
            body = await reader.ReadToEndAsync(context.RequestAborted);

        var received = new ReceivedRequest(
            request.Path.Value ?? "",
            request.Host.Value ?? "",
            request.Query["api-version"].ToString(),
            request.Query["to"].Select(v => v ?? "").ToList(),
            request.Query.TryGetValue("from", out var from) ? from.ToString() : null,
            Header(request, "Ocp-Apim-Subscription-Key"),
            Header(request, "Ocp-Apim-Subscription-Region"),
            Header(request, "Authorization"),
            Header(request, "X-ClientTraceId"),
            request.ContentType,
            body);
        Requests.Enqueue(received);

        if (Hang is { } hang)
        {
            try { await Task.Delay(hang, context.RequestAborted); }
            catch (OperationCanceledException) { return; }
        }

        var text = TryReadText(body);

        if (TakeFailure() is var (status, code, retryAfter))
        {
            if (retryAfter is not null) context.Response.Headers.RetryAfter = retryAfter;
            await ErrorAsync(context, status, code, $"Simulated failure while translating '{text}'.");
            return;
        }

        if (received.ApiVersion != "3.0")
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, 400021, "The API version parameter is missing or invalid.");
            return;
        }
        var keyOk = received.Key == Key;
        var tokenOk = received.Authorization == $"Bearer {Token}";
        if (!keyOk && !tokenOk)
        {
            await ErrorAsync(context, HttpStatusCode.Unauthorized, 401000, $"Credentials are missing or invalid for '{text}'.");
            return;
        }
        if (received.To.Count == 0 || received.To.Any(to => !Supported.Contains(to)))
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, 400036, "The target language is not valid.");
            return;
        }
        if (received.From is not null && !Supported.Contains(received.From))
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, 400035, "The source language is not valid.");
            return;
        }
        if (received.ContentType is null || !received.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            await ErrorAsync(context, HttpStatusCode.UnsupportedMediaType, 415000, "The Content-Type header is missing or invalid.");
            return;
        }
        if (text is null)
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, 400074, "The body of the request is not valid JSON.");
            return;
        }
        if (text.Length * received.To.Count > 50_000)
        {
            await ErrorAsync(context, HttpStatusCode.BadRequest, 400050, "The input text is too long.");
            return;
        }

        var item = new JsonObject();
        // Like the real service: detection is reported only when the caller did not name the source language.
        if (received.From is null)
            item["detectedLanguage"] = new JsonObject { ["language"] = DetectAs, ["score"] = 1.0 };
        item["translations"] = new JsonArray(received.To
            .Select(to => (JsonNode)new JsonObject { ["text"] = $"[{to}] {text}", ["to"] = to })
            .ToArray());
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(new JsonArray(item).ToJsonString(), context.RequestAborted);
    }

    private (HttpStatusCode Status, int Code, string? RetryAfter)? TakeFailure()
    {
        lock (_gate)
        {
            if (_failuresLeft <= 0) return null;
            if (_failuresLeft != int.MaxValue) _failuresLeft--;
            return (_failStatus, _failCode, _failRetryAfter);
        }
    }

    /// <summary>The one text of a body shaped <c>[{"Text":"…"}]</c>, or null when the body is not that shape.</summary>
    private static string? TryReadText(string body)
    {
        try
        {
            return JsonNode.Parse(body) is JsonArray { Count: 1 } array
                && array[0] is JsonObject element && element["Text"] is JsonValue value && value.TryGetValue<string>(out var text)
                ? text
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) ? values.ToString() : null;

    private static Task ErrorAsync(HttpContext context, HttpStatusCode status, int code, string message)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json; charset=utf-8";
        var error = new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
        return context.Response.WriteAsync(error.ToJsonString(), context.RequestAborted);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One request as the fake server received it.</summary>
public sealed record ReceivedRequest(
    string Path,
    string Host,
    string ApiVersion,
    IReadOnlyList<string> To,
    string? From,
    string? Key,
    string? Region,
    string? Authorization,
    string? ClientTraceId,
    string? ContentType,
    string Body);
