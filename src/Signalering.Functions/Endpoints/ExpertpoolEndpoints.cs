using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Functions.Application;
using Signalering.Storage.Tables;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The expertpool's member API (function folder Expertpool). Members are anonymous: the member code (in the body,
/// never the URL, so it stays out of logs) or a personal invitation token is the only key; no bearer token.
/// <list type="bullet">
/// <item><c>POST /api/expertpool/members</c>: join (profile and explicit consent) → 201 with the member code, shown once;</item>
/// <item><c>POST /api/expertpool/members/lookup</c> <c>{memberCode}</c>: own profile and open invitations with their links;</item>
/// <item><c>POST /api/expertpool/members/withdraw</c> <c>{memberCode}</c>: leave; personal data erased, answers stay anonymous;</item>
/// <item><c>POST /api/expertpool/invitations/{token}/answers</c> <c>{language, scores, choices, open}</c>: answer once
/// (201; 409 when already answered; 410 when not open; 404 for an unknown link).</item>
/// </list>
/// </summary>
public static class ExpertpoolEndpoints
{
    public static IEndpointRouteBuilder MapExpertpoolEndpoints(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/expertpool/members");
        members.MapPost("", JoinAsync);
        members.MapPost("/lookup", LookupAsync);
        members.MapPost("/withdraw", WithdrawAsync);
        app.MapPost("/api/expertpool/invitations/{token}/answers", AnswerAsync);
        return app;
    }

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public sealed record CodeRequest(string? MemberCode);

    public sealed record AnswerRequest(string? Language, Dictionary<string, int>? Scores, Dictionary<string, int>? Choices, Dictionary<string, string>? Open);

    private static async Task<IResult> JoinAsync(HttpRequest request, ExpertpoolService expertpool, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<JoinRequest>(request, Json, ct);
        if (problem is not null) return problem;
        try
        {
            var code = await expertpool.JoinAsync(body!, ct);
            return Results.Json(new { memberCode = code.ToString(), consentVersion = ConsentRecord.CurrentVersion }, Json, statusCode: StatusCodes.Status201Created);
        }
        catch (DomainException e)
        {
            return Problems.Field(e.Field ?? "body", e.Message);
        }
    }

    private static async Task<IResult> LookupAsync(HttpContext http, ExpertpoolService expertpool, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CodeRequest>(http.Request, Json, ct);
        if (problem is not null) return problem;
        return await expertpool.FindAsync(StatusLookup.ClientOf(http), body!.MemberCode, ct) switch
        {
            MemberLookup.Found { View: var v } => Results.Json(new
            {
                profile = v.Member,
                invitations = v.OpenInvitations.Select(i => new { consultation = i.Consultation.Id, title = i.Consultation.TextIn(v.Member.Language, "title", out _),
                    closesAt = i.Consultation.ClosesAt, link = $"/e/i/{i.Token}" }),
            }, Json),
            MemberLookup.Blocked b => TooMany(http, b.RetryAfter),
            _ => Problems.Field("memberCode", "Unknown member code.", StatusCodes.Status404NotFound),
        };
    }

    private static async Task<IResult> WithdrawAsync(HttpContext http, ExpertpoolService expertpool, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<CodeRequest>(http.Request, Json, ct);
        if (problem is not null) return problem;
        return await expertpool.FindAsync(StatusLookup.ClientOf(http), body!.MemberCode, ct) switch
        {
            MemberLookup.Found f => await expertpool.WithdrawAsync(f.Code, ct) ? Results.NoContent()
                : Problems.Field("memberCode", "Unknown member code.", StatusCodes.Status404NotFound),
            MemberLookup.Blocked b => TooMany(http, b.RetryAfter),
            _ => Problems.Field("memberCode", "Unknown member code.", StatusCodes.Status404NotFound),
        };
    }

    internal static IResult TooMany(HttpContext http, TimeSpan retryAfter)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return Problems.Field("memberCode", "Too many unknown codes; wait before trying again.", StatusCodes.Status429TooManyRequests);
    }

    private static async Task<IResult> AnswerAsync(string token, HttpRequest request, ExpertpoolService expertpool, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<AnswerRequest>(request, Json, ct);
        if (problem is not null) return problem;
        var state = await expertpool.OpenInvitationAsync(token, ct);
        if (state is not InvitationState.Open open) return InvitationProblem(state);
        try
        {
            var outcome = await expertpool.AnswerAsync(open, body!.Language ?? open.Invitation.Language, body.Scores ?? [], body.Choices ?? [], body.Open ?? [], ct);
            return outcome == AnswerOutcome.Stored ? Results.Json(new { stored = true }, Json, statusCode: StatusCodes.Status201Created)
                : InvitationProblem(new InvitationState.Used());
        }
        catch (DomainException e)
        {
            return Problems.Field(e.Field ?? "body", e.Message);
        }
    }

    private static IResult InvitationProblem(InvitationState state) => state switch
    {
        InvitationState.Used => Problems.Field("token", "This invitation has been used: one answer per invitation.", StatusCodes.Status409Conflict),
        InvitationState.NotOpen => Problems.Field("token", "This consultation is not open.", StatusCodes.Status410Gone),
        _ => Problems.Field("token", "Unknown invitation.", StatusCodes.Status404NotFound),
    };
}
