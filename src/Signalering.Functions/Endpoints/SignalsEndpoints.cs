using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain.Intake;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Functions.Application;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The resident API. Routes (function folders SubmitSignal and GetSignalStatus):
/// <c>POST /api/signals</c> — submit a signal; <c>GET /api/signals/{trackingCode}</c> — what happened with it.
/// </summary>
public static class SignalsEndpoints
{
    public static IEndpointRouteBuilder MapSignalsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/signals", SubmitAsync).WithMetadata(new RequestSizeLimitAttribute(JsonBody.MaxBytes)).WithName("SubmitSignal");
        app.MapGet("/api/signals/{trackingCode}", GetStatusAsync).WithName("GetSignalStatus");
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    private static async Task<IResult> SubmitAsync(HttpRequest request, IntakeService intake, Security.IntakeGate gate, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<IntakeRequest>(request, Json, ct);
        if (problem is not null) return problem;
        if (await gate.TakeAsync(request.HttpContext, body!.LocationToken, ct) is { Allowed: false } spent)
            return Security.IntakeGate.TooMany(request.HttpContext, spent);

        var header = request.Headers["Idempotency-Key"].ToString();
        if (!string.IsNullOrEmpty(header))
        {
            if (!string.IsNullOrEmpty(body!.IdempotencyKey) && body.IdempotencyKey != header)
                return Problems.Field("idempotencyKey", "The Idempotency-Key header and the idempotencyKey field differ.");
            body = body with { IdempotencyKey = header };
        }

        switch (await intake.SubmitAsync(body!, ct))
        {
            case IntakeResult.Invalid invalid:
                return Problems.Fields(invalid.Errors);
            case IntakeResult.KeyReused:
                return Problems.Field("idempotencyKey", "This idempotency key was already used for a different report. Use a new key.",
                    StatusCodes.Status422UnprocessableEntity);
            case IntakeResult.Accepted accepted:
                var view = ResidentViews.Accepted(accepted.Signal, ResidentTexts.Default);
                if (accepted.Replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Accepted(view.StatusUrl, view);
            default:
                throw new InvalidOperationException();
        }
    }

    private static async Task<IResult> GetStatusAsync(string trackingCode, [FromQuery] string? lang, HttpContext http, StatusLookup lookup,
        ReferenceDataProvider reference, Storage.Tables.SignalTable signals, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var texts = ResidentTexts.Default;
        switch (await lookup.FindAsync(StatusLookup.ClientOf(http), trackingCode, ct))
        {
            case LookupOutcome.Blocked blocked:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(blocked.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Results.Problem(title: "Too many lookups.", detail: texts.Get(lang ?? "en", "status.tooManyAttempts"),
                    statusCode: StatusCodes.Status429TooManyRequests);
            case LookupOutcome.NotFound notFound:
                var message = texts.Get(lang ?? "en", "status.notFound");
                return notFound.WellFormed
                    ? Results.Problem(title: "Not found.", detail: message, statusCode: StatusCodes.Status404NotFound)
                    : Problems.Field("trackingCode", message);
            case LookupOutcome.Found found:
                var merged = found.Stored.Signal.MergedInto is { } into ? (await signals.GetAsync(into, ct))?.Signal : null;
                return Results.Ok(ResidentViews.Status(found.Stored.Signal, texts, await reference.GetAsync(ct), lang, merged));
            default:
                throw new InvalidOperationException();
        }
    }
}
