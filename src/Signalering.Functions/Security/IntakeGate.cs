using Signalering.Domain.Locations;
using Signalering.Functions.Features.Admin;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Security;

/// <summary>
/// The budgets a report passes before intake looks at it, for the API and the resident form alike: its client's
/// (every submission, valid or not) and, when its QR token is genuine, its location's. A replay of the same report
/// counts too: the limits are far above what a resident's retries add.
/// </summary>
public sealed class IntakeGate(AbuseGuard abuse, ReferenceDataProvider reference, LocationTokens tokens)
{
    public async Task<BucketTake> TakeAsync(HttpContext http, string? locationToken, CancellationToken ct)
    {
        var byClient = await abuse.TakeSubmitByClientAsync(ClientAddress.Of(http), ct);
        if (!byClient.Allowed) return byClient;
        var set = await reference.GetAsync(ct);
        if (!tokens.TryVerify(locationToken?.Trim(), out var tokenId) || !set.TryResolveToken(tokenId, out var location, out _)) return byClient;
        return await abuse.TakeSubmitByLocationAsync(location.Id, ct);
    }

    /// <summary>The API's answer when a budget is spent: 429 problem+json with Retry-After.</summary>
    public static IResult TooMany(HttpContext http, BucketTake take)
    {
        http.Response.Headers.RetryAfter = AbuseGuard.RetryAfterSeconds(take.RetryAfter);
        return Results.Problem(title: "Too many reports.",
            detail: "Too many reports were sent from this address or for this location in a short time. Wait and send again; in an emergency call 112.",
            statusCode: StatusCodes.Status429TooManyRequests, type: "https://signalering.example/problems/rate-limited",
            extensions: new Dictionary<string, object?> { ["retryAfterSeconds"] = int.Parse(AbuseGuard.RetryAfterSeconds(take.RetryAfter), System.Globalization.CultureInfo.InvariantCulture) });
    }
}
