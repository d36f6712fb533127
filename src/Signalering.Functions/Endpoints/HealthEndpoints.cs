using Signalering.Storage.Tables;

namespace Signalering.Functions.Endpoints;

/// <summary><c>GET /api/health</c> (function folder Health): 200 when storage answers, 503 when it does not.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync);
        return app;
    }

    private static async Task<IResult> CheckAsync(SignalTable signals, CancellationToken ct)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await signals.Client.GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe", cancellationToken: timeout.Token);
            return Results.Ok(new { status = "healthy" });
        }
        catch (Exception e) when (e is Azure.RequestFailedException or OperationCanceledException)
        {
            return Results.Json(new { status = "unhealthy", reason = "storage unreachable" }, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
