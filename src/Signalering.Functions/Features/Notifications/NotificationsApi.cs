using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Signalering.Functions.Features.Intake;
using Signalering.Functions.Features.Status;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Notifications;

/// <summary>
/// Telling the resident when something happens: the service worker (<c>GET /sw.js</c>), which also sends the offline
/// outbox, and Web Push subscriptions per tracking code. Thin faces over <see cref="ServiceWorkerScript"/> and the push services.
/// </summary>
public static class NotificationsApi
{
    /// <summary>
    /// The worker from the site root, so its scope is the whole site. Revalidated on every update check (no-cache):
    /// a fixed worker must reach phones at once, not after a day of caching.
    /// </summary>
    public static IResult ServiceWorker(HttpContext http)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return Results.Text(ServiceWorkerScript.Js, "text/javascript; charset=utf-8");
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    /// <summary>
    /// <c>POST /api/signals/{trackingCode}/push</c>: this phone wants "there is news" for the code. 201 when kept; 400
    /// naming the field; 404 for an unknown code, 429 past the look-up budget; 409 when the signal has as many phones
    /// as it keeps; 503 when the site has no push keys (the page then says the phone cannot get messages).
    /// </summary>
    public static async Task<IResult> SubscribeAsync(string trackingCode, HttpRequest request, PushSubscriptions push, CancellationToken ct)
    {
        RequestBodyLimit.Apply(request.HttpContext, JsonBody.MaxBytes);
        var (body, problem) = await JsonBody.ReadAsync<PushSubscriptionRequest>(request, Json, ct);
        if (problem is not null) return problem;
        switch (await push.SubscribeAsync(StatusLookup.ClientOf(request.HttpContext), trackingCode, body!, ct))
        {
            case SubscribeResult.Subscribed: return Results.StatusCode(StatusCodes.Status201Created);
            case SubscribeResult.Invalid invalid: return Problems.Fields(invalid.Errors);
            case SubscribeResult.Unavailable: return Results.Problem(title: "Push is not configured.", statusCode: StatusCodes.Status503ServiceUnavailable);
            case SubscribeResult.TooMany: return Problems.Field("endpoint", "This report already has as many phones as it keeps.", StatusCodes.Status409Conflict);
            case SubscribeResult.Blocked blocked:
                request.HttpContext.Response.Headers.RetryAfter = Math.Ceiling(blocked.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(title: "Too many lookups.", statusCode: StatusCodes.Status429TooManyRequests);
            default: return Results.Problem(title: "Not found.", statusCode: StatusCodes.Status404NotFound);
        }
    }
}
