using System.Text.Json;
using Signalering.Domain.Signals;
using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;
using Signalering.Functions.Telemetry;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Features.Processing;

/// <summary>ProcessSignal: routes a signal from the <c>signals-intake</c> queue.</summary>
public sealed class ProcessSignalTrigger(SignalProcessor processor)
{
    [Function(nameof(ProcessSignal))]
    public async Task ProcessSignal([QueueTrigger(QueueNames.Intake, Connection = TriggerSettings.Storage)] string message, CancellationToken cancellationToken)
    {
        var work = WorkMessage.Parse(message);
        using var activity = SignaleringTelemetry.StartConsumer(nameof(ProcessSignal), work.TraceParent, work.Code);
        await processor.ProcessAsync(work.Code, cancellationToken);
    }
}

/// <summary>TranslateSignal: translates a signal from the <c>signals-translate</c> queue.</summary>
public sealed class TranslateSignalTrigger(SignalTranslationWorker worker)
{
    [Function(nameof(TranslateSignal))]
    public async Task TranslateSignal([QueueTrigger(QueueNames.Translate, Connection = TriggerSettings.Storage)] string message, CancellationToken cancellationToken)
    {
        var work = WorkMessage.Parse(message);
        using var activity = SignaleringTelemetry.StartConsumer(nameof(TranslateSignal), work.TraceParent, work.Code);
        await worker.TranslateAsync(work.Code, cancellationToken);
    }
}

/// <summary>DeliverWebhook: posts one webhook delivery from the <c>webhooks</c> queue (see <see cref="WebhookSender"/>).</summary>
public sealed class DeliverWebhookTrigger(WebhookSender sender)
{
    [Function(nameof(DeliverWebhook))]
    public Task DeliverWebhook([QueueTrigger(WebhookSender.Queue, Connection = TriggerSettings.Storage)] string message, CancellationToken cancellationToken)
    {
        WebhookDelivery? delivery;
        try { delivery = JsonSerializer.Deserialize<WebhookDelivery>(message, JsonSerializerOptions.Web); }
        catch (JsonException) { throw new PoisonMessageException("The message is not a webhook delivery."); }
        if (delivery?.Message is null || string.IsNullOrEmpty(delivery.OrganisationId)) throw new PoisonMessageException("The message is not a webhook delivery.");
        return sender.DeliverAsync(delivery, cancellationToken);
    }
}

/// <summary>SweepSignals: the timer that re-queues owed work (see <see cref="SignalSweeper"/>), every two minutes.</summary>
public sealed class SweepSignalsTrigger(SignalSweeper sweeper, QueueDepths depths, HandlingClocks clocks)
{
    [Function(nameof(SweepSignals))]
    public async Task SweepSignals([TimerTrigger("0 */2 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(nameof(SweepSignals));
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

/// <summary>UpdateReports: takes changed signals into the reports' aggregates, every minute at :30.</summary>
public sealed class UpdateReportsTrigger(ReportAggregates aggregates)
{
    [Function(nameof(UpdateReports))]
    public async Task UpdateReports([TimerTrigger("30 * * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(nameof(UpdateReports));
        await aggregates.UpdateAsync(cancellationToken);
    }
}

/// <summary>What the triggers share.</summary>
internal static class TriggerSettings
{
    /// <summary>The queue triggers' connection: app settings AzureWebJobsStorage (local) or AzureWebJobsStorage__accountName (managed identity).</summary>
    public const string Storage = "AzureWebJobsStorage";
}
