using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain.Texts;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Status;

/// <summary>The status as JSON: <c>GET /api/signals/{trackingCode}</c>, for apps and the form's script. A thin face over <see cref="StatusService"/>.</summary>
public static class StatusApi
{
    public static async Task<IResult> GetAsync(string trackingCode, [FromQuery] string? lang, HttpContext http, StatusService status, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        string Say(string key) => ResidentTexts.Default.Get(lang ?? "en", key);
        switch (await status.FindAsync(StatusLookup.ClientOf(http), trackingCode, lang, ct))
        {
            case StatusResult.Blocked blocked:
                http.Response.Headers.RetryAfter = Math.Ceiling(blocked.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
                return Results.Problem(title: "Too many lookups.", detail: Say("status.tooManyAttempts"), statusCode: StatusCodes.Status429TooManyRequests);
            case StatusResult.NotFound { WellFormed: true }:
                return Results.Problem(title: "Not found.", detail: Say("status.notFound"), statusCode: StatusCodes.Status404NotFound);
            case StatusResult.NotFound:
                return Problems.Field("trackingCode", Say("status.notFound"));
            case StatusResult.Found found:
                return Results.Ok(found.View);
            default:
                throw new InvalidOperationException();
        }
    }
}
