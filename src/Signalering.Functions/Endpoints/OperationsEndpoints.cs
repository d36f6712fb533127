using Signalering.Functions.Telemetry;
using Signalering.Storage;
using Signalering.Storage.Queues;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// Operations on the app's own queues (under /api/admin, so function folder Admin and its admin key cover it):
/// <list type="bullet">
/// <item><c>GET /api/admin/queues</c>: approximate depth of the intake and translate queues and their poison queues.</item>
/// <item><c>POST /api/admin/queues/{queue}/replay-poison?max=</c>: moves up to <c>max</c> (default 32, at most 500)
/// messages from <c>{queue}-poison</c> back onto <c>{queue}</c>, after the cause has been fixed. Each message is sent
/// before it is deleted from poison, so a failure half-way duplicates at worst; processing is idempotent.</item>
/// </list>
/// See docs/operations.md.
/// </summary>
public static class OperationsEndpoints
{
    private static readonly string[] Replayable = [QueueNames.Intake, QueueNames.Translate, Application.WebhookSender.Queue];

    public static IEndpointRouteBuilder MapOperationsEndpoints(this IEndpointRouteBuilder app)
    {
        var queues = app.MapGroup("/api/admin/queues");
        queues.MapGet("", GetDepthsAsync);
        queues.MapPost("/{queue}/replay-poison", ReplayPoisonAsync);
        return app;
    }

    private static async Task<IResult> GetDepthsAsync(QueueDepths depths, CancellationToken ct)
    {
        await depths.RefreshAsync(ct);
        return Results.Ok(depths.Current.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Value));
    }

    private static async Task<IResult> ReplayPoisonAsync(string queue, int? max, StorageClients clients, SignalQueues queues, CancellationToken ct)
    {
        if (!Replayable.Contains(queue))
            return Problems.Field("queue", $"'{queue}' is not one of the app's queues: {string.Join(", ", Replayable)}.", StatusCodes.Status404NotFound);
        if (max is < 1 or > 500)
            return Problems.Field("max", "max must be between 1 and 500.");
        // Poison messages hold the text exactly as it arrived; no re-encoding on either side.
        var poison = clients.Queue(QueueNames.Poison(queue), base64: false);
        var target = clients.Queue(queue, base64: false);
        if (!await poison.ExistsAsync(ct)) return Results.Ok(new { queue, replayed = 0 });
        await target.CreateIfNotExistsAsync(cancellationToken: ct);
        var replayed = 0;
        var limit = max ?? 32;
        while (replayed < limit)
        {
            var batch = (await poison.ReceiveMessagesAsync(Math.Min(32, limit - replayed), TimeSpan.FromMinutes(1), ct)).Value;
            if (batch.Length == 0) break;
            foreach (var message in batch)
            {
                await target.SendMessageAsync(message.MessageText, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                replayed++;
            }
        }
        queues.NotifyEnqueued(queue);
        return Results.Ok(new { queue, replayed });
    }
}
