using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// A local server that speaks the documented Translator v3 contract (POST /translate?api-version=3.0&amp;to=…,
/// body [{"Text"}], key header; answers [{detectedLanguage?, translations:[{text,to}]}]). "Translates" by
/// prefixing the target code, so tests can see what came back, or as <see cref="Dutch"/> says. <see cref="Failing"/>
/// makes it answer 503; <see cref="Delay"/> makes it slow.
/// </summary>
public sealed class TranslatorStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    public volatile bool Failing;
    /// <summary>Original text → the Dutch the service answers (else "[nl] original").</summary>
    public Dictionary<string, string> Dutch { get; } = [];
    public TimeSpan Delay { get; set; }
    public int Requests;
    public string Url { get; }
    public const string Key = "stub-key";

    private TranslatorStub(WebApplication app, string url) => (_app, Url) = (app, url);

    public static async Task<TranslatorStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        TranslatorStub? stub = null;
        app.MapPost("/translate", async (HttpContext http) =>
        {
            Interlocked.Increment(ref stub!.Requests);
            if (stub.Delay > TimeSpan.Zero) await Task.Delay(stub.Delay, http.RequestAborted);
            if (stub.Failing) return Results.Json(new { error = new { code = 503000, message = "Service unavailable" } }, statusCode: 503);
            if (http.Request.Query["api-version"] != "3.0") return Results.Json(new { error = new { code = 400021, message = "api-version" } }, statusCode: 400);
            if (http.Request.Headers["Ocp-Apim-Subscription-Key"] != Key) return Results.Json(new { error = new { code = 401000, message = "key" } }, statusCode: 401);
            var body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body);
            var text = body[0].GetProperty("Text").GetString();
            var from = http.Request.Query["from"].ToString();
            return Results.Json(new[]
            {
                new
                {
                    detectedLanguage = string.IsNullOrEmpty(from) ? new { language = "ar", score = 1.0 } : null,
                    translations = http.Request.Query["to"].Select(to => new
                    {
                        text = to == "nl" && stub.Dutch.TryGetValue(text!, out var dutch) ? dutch : $"[{to}] {text}",
                        to,
                    }).ToArray(),
                },
            });
        });
        await app.StartAsync();
        var url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub = new TranslatorStub(app, url);
        return stub;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
