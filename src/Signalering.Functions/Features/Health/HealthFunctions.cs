using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Health;

/// <summary><c>GET /api/health</c>: 200 when every dependency and routing are healthy, 503 naming what is not (<see cref="HealthCheck"/>).</summary>
public sealed class HealthFunctions(SignaleringHttp http)
{
    [Function("Health")]
    public IResult Health([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/health")] HttpRequest req) => http.Run(req, CheckAsync);

    public static async Task<IResult> CheckAsync(HealthCheck health, CancellationToken ct)
    {
        var report = await health.CheckAsync(ct);
        return Results.Json(report.Body, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
