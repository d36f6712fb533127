using Microsoft.Extensions.Options;
using Signalering.Domain.Translation;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Processing;

/// <summary>
/// The timer's safety net. Finds work still owed to signals (their to-do markers) and queues it again: a signal
/// stored but never queued, or queued and lost, is routed; a routed signal whose organisation message was never
/// confirmed sent (its route marker stays until then) is delivered; a text the translator could not handle is tried again
/// with growing pauses once a translator is configured.
/// </summary>
public sealed class SignalSweeper(
    SignalTable signals,
    SignalQueues queues,
    ITextTranslator translator,
    PipelineHealth health,
    IOptions<SignalOptions> options,
    TimeProvider time,
    ILogger<SignalSweeper> log)
{
    private static readonly TimeSpan MaxTranslationPause = TimeSpan.FromHours(6);

    public async Task<SweepResult> SweepAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        int routes = 0, translations = 0;
        TimeSpan? oldestRoute = null;
        // Translation markers are listed only while a translator is configured: without one they wait, unread.
        string[] kinds = translator.IsConfigured ? [TodoKinds.Route, TodoKinds.Translate] : [TodoKinds.Route];
        await foreach (var marker in signals.ListTodosAsync(kinds, ct))
        {
            if (marker.Kind == TodoKinds.Route && (oldestRoute is null || now - marker.CreatedAt > oldestRoute)) oldestRoute = now - marker.CreatedAt;
            var last = marker.LastEnqueuedAt ?? marker.CreatedAt;
            switch (marker.Kind)
            {
                case TodoKinds.Route when now - last >= options.Value.RequeueAfter:
                    await queues.EnqueueIntakeAsync(marker.Code, ct);
                    await signals.TouchTodoAsync(marker, now, ct);
                    routes++;
                    break;
                case TodoKinds.Translate when now - last >= TranslationPause(marker.Attempts):
                    await queues.EnqueueTranslationAsync(marker.Code, ct);
                    await signals.TouchTodoAsync(marker, now, ct);
                    translations++;
                    break;
            }
        }
        health.SweepCompleted(time.GetUtcNow(), oldestRoute);
        if (routes + translations > 0)
            log.LogInformation("Sweep queued {Routes} signal(s) for routing and {Translations} for translation", routes, translations);
        return new SweepResult(routes, translations);
    }

    // 2, 4, 8 … minutes, at most six hours: a translator outage should not turn into a retry storm.
    private TimeSpan TranslationPause(int attempts) =>
        TimeSpan.FromTicks(Math.Min(options.Value.RequeueAfter.Ticks << Math.Min(attempts, 16), MaxTranslationPause.Ticks));
}

public sealed record SweepResult(int RoutesQueued, int TranslationsQueued);
