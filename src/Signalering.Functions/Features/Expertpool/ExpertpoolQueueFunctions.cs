using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Telemetry;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>RemindConsultations: hourly, marks reminders due for unused invitations shortly before a consultation closes.</summary>
public sealed class RemindConsultationsTrigger(ExpertpoolService expertpool, ILogger<RemindConsultationsTrigger> log)
{
    [Function(nameof(RemindConsultations))]
    public async Task RemindConsultations([TimerTrigger("0 0 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(nameof(RemindConsultations));
        var marked = await expertpool.MarkRemindersAsync(cancellationToken);
        if (marked > 0) log.LogInformation("{Count} expertpool reminders due", marked);
    }
}

/// <summary>TranslateExpertpool: every five minutes, machine-translates consultation texts and open answers still pending.</summary>
public sealed class TranslateExpertpoolTrigger(ExpertpoolTranslation translation)
{
    [Function(nameof(TranslateExpertpool))]
    public async Task TranslateExpertpool([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(nameof(TranslateExpertpool));
        await translation.TranslatePendingAsync(cancellationToken);
    }
}
