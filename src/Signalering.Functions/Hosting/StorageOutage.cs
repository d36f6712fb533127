using Azure;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain.Languages;

namespace Signalering.Functions.Hosting;

/// <summary>
/// Tells a storage outage from any other failure. The SDK retries a failed call and then throws an
/// <see cref="AggregateException"/> of its attempts (connection refused, network timeouts, 5xx), not a
/// <see cref="RequestFailedException"/>: both mean "storage is not answering now", as does a 5xx or 408 answer.
/// </summary>
public static class StorageFailures
{
    public static bool IsOutage(Exception e) => e switch
    {
        RequestFailedException r => r.Status is 0 or 408 or >= 500,
        AggregateException a => a.InnerExceptions.Count > 0 && a.InnerExceptions.All(IsOutage),
        TaskCanceledException { InnerException: TimeoutException } => true,
        TimeoutException or HttpRequestException or IOException or System.Net.Sockets.SocketException => true,
        _ => false,
    };
}

/// <summary>
/// Answers a storage outage honestly: 503 with Retry-After, as problem+json for the API, and for a resident's page
/// a page in their language that says so, keeps what they wrote and offers to send it again (the form's
/// idempotency key rides along, so a retry that did get through the first time finds the same signal).
/// </summary>
internal sealed class StorageOutageHandler(IProblemDetailsService problems, Web.PageRenderer pages, ILogger<StorageOutageHandler> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 10;

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!StorageFailures.IsOutage(exception)) return false;
        log.LogWarning(exception, "Storage unavailable: answered 503 to {Method} {Path}", context.Request.Method, context.Request.Path.Value);
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.Headers.CacheControl = "no-store";
        if (ResidentLanguage(context) is { } language)
        {
            context.Response.ContentType = "text/html; charset=utf-8";
            await context.Response.WriteAsync(await OutagePageAsync(context, language), cancellationToken);
            return true;
        }
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = "https://tools.ietf.org/html/rfc9110#section-15.6.4",
                Title = "Storage is unavailable",
                Detail = $"Nothing was lost on our side. Try again in {RetryAfterSeconds} seconds with the same idempotency key.",
            },
        });
    }

    /// <summary>The resident's language on the form (<c>/r/{token}/{lang}/…</c>) and status pages (<c>/s…?lang=</c>); null for the API.</summary>
    private static string? ResidentLanguage(HttpContext context)
    {
        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase)) return null;
        var segments = context.Request.Path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        var tag = segments switch
        {
            ["r", _, var lang, ..] => lang,
            ["r", ..] => "en",
            ["s", ..] => context.Request.Query["lang"].ToString(),
            _ => null,
        };
        if (tag is null) return null;
        return FormLanguages.TryGet(tag, out var language) ? language.Code : "en";
    }

    private Task<string> OutagePageAsync(HttpContext context, string language)
    {
        var request = context.Request;
        var fields = HttpMethods.IsPost(request.Method) && request.HasFormContentType && request.Form is { Count: > 0 } form
            ? form.Select(f => (f.Key, f.Value.ToString())).ToList()
            : null;
        return pages.RenderAsync<Web.OutagePage>(new { L = new Web.ResidentLanguage(language), Again = request.Path + request.QueryString.Value, Fields = fields });
    }
}
