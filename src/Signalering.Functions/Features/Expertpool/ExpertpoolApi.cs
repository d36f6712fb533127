using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Signalering.Domain.Expertpool;
using Signalering.Functions.Features.Status;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>
/// The expertpool's member API. Members are anonymous: the member code (in the body, never the URL, so it stays out
/// of logs) or a personal invitation token is the only key; no bearer token. A thin face over <see cref="MembershipService"/>.
/// <list type="bullet">
/// <item><c>POST /api/expertpool/members</c>: join (profile and explicit consent) → 201 with the member code, shown once;</item>
/// <item><c>POST /api/expertpool/members/lookup</c> <c>{memberCode}</c>: own profile and open invitations with their links;</item>
/// <item><c>POST /api/expertpool/members/withdraw</c> <c>{memberCode}</c>: leave; personal data erased, answers stay anonymous;</item>
/// <item><c>POST /api/expertpool/invitations/{token}/answers</c> <c>{language, scores, choices, open}</c>: answer once
/// (201; 409 when already answered; 410 when not open; 404 for an unknown link).</item>
/// </list>
/// </summary>
public static class ExpertpoolApi
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record CodeRequest(string? MemberCode);

    public sealed record AnswerRequest(string? Language, Dictionary<string, int>? Scores, Dictionary<string, int>? Choices, Dictionary<string, string>? Open);

    public static async Task<IResult> JoinAsync(HttpRequest request, MembershipService members, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<JoinRequest>(request, Json, ct);
        if (problem is not null) return problem;
        return await members.JoinAsync(body!, ct) switch
        {
            JoinResult.Joined joined => Results.Json(new { memberCode = joined.Code.ToString(), consentVersion = ConsentRecord.CurrentVersion }, Json,
                statusCode: StatusCodes.Status201Created),
            JoinResult.Invalid invalid => Problems.Fields(invalid.Errors),
            _ => throw new InvalidOperationException(),
        };
    }

    public static async Task<IResult> LookupAsync(HttpContext http, MembershipService members, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CodeRequest>(http.Request, Json, ct);
        if (problem is not null) return problem;
        return await members.FindAsync(StatusLookup.ClientOf(http), body!.MemberCode, ct) switch
        {
            MemberLookup.Found { View: var v } => Results.Json(new
            {
                profile = v.Member,
                invitations = v.OpenInvitations.Select(i => new { consultation = i.Consultation.Id, title = i.Consultation.TextIn(v.Member.Language, "title", out _),
                    closesAt = i.Consultation.ClosesAt, link = $"/e/i/{i.Token}" }),
            }, Json),
            MemberLookup.Blocked b => TooMany(http, b.RetryAfter),
            _ => UnknownCode(),
        };
    }

    public static async Task<IResult> WithdrawAsync(HttpContext http, MembershipService members, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CodeRequest>(http.Request, Json, ct);
        if (problem is not null) return problem;
        return await members.WithdrawAsync(StatusLookup.ClientOf(http), body!.MemberCode, ct) switch
        {
            WithdrawResult.Withdrawn => Results.NoContent(),
            WithdrawResult.Blocked b => TooMany(http, b.RetryAfter),
            _ => UnknownCode(),
        };
    }

    private static IResult UnknownCode() => Problems.Field("memberCode", "Unknown member code.", StatusCodes.Status404NotFound);

    private static IResult TooMany(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problems.Field("memberCode", "Too many unknown codes; wait before trying again.", StatusCodes.Status429TooManyRequests);
    }

    public static async Task<IResult> AnswerAsync(string token, HttpRequest request, MembershipService members, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<AnswerRequest>(request, Json, ct);
        if (problem is not null) return problem;
        return await members.AnswerAsync(token, body!.Language, body.Scores ?? [], body.Choices ?? [], body.Open ?? [], ct) switch
        {
            AnsweringResult.Stored => Results.Json(new { stored = true }, Json, statusCode: StatusCodes.Status201Created),
            AnsweringResult.Invalid invalid => Problems.Fields([invalid.Error]),
            AnsweringResult.Refused { State: InvitationState.Used } =>
                Problems.Field("token", "This invitation has been used: one answer per invitation.", StatusCodes.Status409Conflict),
            AnsweringResult.Refused { State: InvitationState.NotOpen } => Problems.Field("token", "This consultation is not open.", StatusCodes.Status410Gone),
            _ => Problems.Field("token", "Unknown invitation.", StatusCodes.Status404NotFound),
        };
    }
}
