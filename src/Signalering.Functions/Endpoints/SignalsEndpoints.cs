using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain.Intake;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Functions.Application;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The resident API: <c>POST /api/signals</c> — submit a signal.
/// </summary>
public static class SignalsEndpoints
{
    public static IEndpointRouteBuilder MapSignalsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/signals", SubmitAsync).WithMetadata(new RequestSizeLimitAttribute(JsonBody.MaxBytes)).WithName("SubmitSignal");
        return app;
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip };

    private static async Task<IResult> SubmitAsync(HttpRequest request, IntakeService intake, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<IntakeRequest>(request, Json, ct);
        if (problem is not null) return problem;

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
}
