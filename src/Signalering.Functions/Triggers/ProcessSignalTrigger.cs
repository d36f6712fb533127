using System.Text.Json;
using Signalering.Domain.Signals;
using Signalering.Functions.Application;
using Signalering.Functions.Hosting;
using Signalering.Storage.Queues;

namespace Signalering.Functions.Triggers;

/// <summary>functions/ProcessSignal: routes a signal from the <c>signals-intake</c> queue.</summary>
public sealed class ProcessSignalTrigger(SignalProcessor processor) : IQueueFunction
{
    public string Name => "ProcessSignal";

    public Task RunAsync(string message, QueueMessageContext context, CancellationToken cancellationToken) =>
        processor.ProcessAsync(WorkMessage.Parse(message), cancellationToken);
}

/// <summary>functions/TranslateSignal: translates a signal from the <c>signals-translate</c> queue.</summary>
public sealed class TranslateSignalTrigger(SignalTranslationWorker worker) : IQueueFunction
{
    public string Name => "TranslateSignal";

    public Task RunAsync(string message, QueueMessageContext context, CancellationToken cancellationToken) =>
        worker.TranslateAsync(WorkMessage.Parse(message), cancellationToken);
}

/// <summary>functions/SweepSignals: the timer that re-queues owed work (see <see cref="SignalSweeper"/>).</summary>
public sealed class SweepSignalsTrigger(SignalSweeper sweeper) : ITimerFunction
{
    public string Name => "SweepSignals";

    public Task RunAsync(bool isPastDue, CancellationToken cancellationToken) => sweeper.SweepAsync(cancellationToken);
}

internal static class WorkMessage
{
    public static TrackingCode Parse(string message)
    {
        SignalWorkMessage? work;
        try { work = JsonSerializer.Deserialize<SignalWorkMessage>(message, JsonSerializerOptions.Web); }
        catch (JsonException) { throw new PoisonMessageException("The message is not a signal work message."); }
        if (work is null || !TrackingCode.TryParse(work.TrackingCode, out var code))
            throw new PoisonMessageException("The message has no valid tracking code.");
        return code;
    }
}
