using System.Text.Json;
using Signalering.Domain.Signals;
using Signalering.Functions.Application;
using Signalering.Functions.Hosting;
using Signalering.Functions.Telemetry;
using Signalering.Storage.Queues;

namespace Signalering.Functions.Triggers;

/// <summary>functions/ProcessSignal: routes a signal from the <c>signals-intake</c> queue.</summary>
public sealed class ProcessSignalTrigger(SignalProcessor processor) : IQueueFunction
{
    public string Name => "ProcessSignal";

    public async Task RunAsync(string message, QueueMessageContext context, CancellationToken cancellationToken)
    {
        var work = WorkMessage.Parse(message);
        using var activity = SignaleringTelemetry.StartConsumer(Name, work.TraceParent, work.Code);
        await processor.ProcessAsync(work.Code, cancellationToken);
    }
}

/// <summary>functions/TranslateSignal: translates a signal from the <c>signals-translate</c> queue.</summary>
public sealed class TranslateSignalTrigger(SignalTranslationWorker worker) : IQueueFunction
{
    public string Name => "TranslateSignal";

    public async Task RunAsync(string message, QueueMessageContext context, CancellationToken cancellationToken)
    {
        var work = WorkMessage.Parse(message);
        using var activity = SignaleringTelemetry.StartConsumer(Name, work.TraceParent, work.Code);
        await worker.TranslateAsync(work.Code, cancellationToken);
    }
}

/// <summary>functions/DeliverWebhook: posts one webhook delivery from the <c>webhooks</c> queue (see <see cref="WebhookSender"/>).</summary>
public sealed class DeliverWebhookTrigger(WebhookSender sender) : IQueueFunction
{
    public string Name => "DeliverWebhook";

    public Task RunAsync(string message, QueueMessageContext context, CancellationToken cancellationToken)
    {
        WebhookDelivery? delivery;
        try { delivery = JsonSerializer.Deserialize<WebhookDelivery>(message, JsonSerializerOptions.Web); }
        catch (JsonException) { throw new PoisonMessageException("The message is not a webhook delivery."); }
        if (delivery?.Message is null || string.IsNullOrEmpty(delivery.OrganisationId)) throw new PoisonMessageException("The message is not a webhook delivery.");
        return sender.DeliverAsync(delivery, cancellationToken);
    }
}

/// <summary>functions/SweepSignals: the timer that re-queues owed work (see <see cref="SignalSweeper"/>).</summary>
public sealed class SweepSignalsTrigger(SignalSweeper sweeper, QueueDepths depths, HandlingClocks clocks) : ITimerFunction
{
    public string Name => "SweepSignals";

    public async Task RunAsync(bool isPastDue, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(Name);
        await sweeper.SweepAsync(cancellationToken);
        await depths.RefreshAsync(cancellationToken);
        await clocks.SweepAsync(cancellationToken);
    }
}

internal sealed record ParsedWork(TrackingCode Code, string? TraceParent);

internal static class WorkMessage
{
    public static ParsedWork Parse(string message)
    {
        SignalWorkMessage? work;
        try { work = JsonSerializer.Deserialize<SignalWorkMessage>(message, JsonSerializerOptions.Web); }
        catch (JsonException) { throw new PoisonMessageException("The message is not a signal work message."); }
        if (work is null || !TrackingCode.TryParse(work.TrackingCode, out var code))
            throw new PoisonMessageException("The message has no valid tracking code.");
        return new ParsedWork(code, work.TraceParent);
    }
}

/// <summary>Timer (function folder UpdateReports): takes changed signals into the reports' aggregates.</summary>
public sealed class UpdateReportsTrigger(ReportAggregates aggregates) : ITimerFunction
{
    public string Name => "UpdateReports";

    public async Task RunAsync(bool isPastDue, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(Name);
        await aggregates.UpdateAsync(cancellationToken);
    }
}
