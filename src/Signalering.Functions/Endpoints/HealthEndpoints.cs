namespace Signalering.Functions.Endpoints;

/// <summary><c>GET /api/health</c> (function folder Health): 200 when healthy, 503 when not (see <see cref="Application.HealthCheck"/>).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync);
        return app;
    }

    private static async Task<IResult> CheckAsync(Application.HealthCheck health, CancellationToken ct)
    {
        var report = await health.CheckAsync(ct);
        return Results.Json(report.Body, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
