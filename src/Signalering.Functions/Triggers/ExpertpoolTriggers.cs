using Signalering.Functions.Application;
using Signalering.Functions.Hosting;
using Signalering.Functions.Telemetry;

namespace Signalering.Functions.Triggers;

/// <summary>functions/RemindConsultations: marks reminders due for unused invitations shortly before a consultation closes.</summary>
public sealed class RemindConsultationsTrigger(ExpertpoolService expertpool, ILogger<RemindConsultationsTrigger> log) : ITimerFunction
{
    public string Name => "RemindConsultations";

    public async Task RunAsync(bool isPastDue, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(Name);
        var marked = await expertpool.MarkRemindersAsync(cancellationToken);
        if (marked > 0) log.LogInformation("{Count} expertpool reminders due", marked);
    }
}

/// <summary>functions/TranslateExpertpool: machine-translates consultation texts and open answers still pending.</summary>
public sealed class TranslateExpertpoolTrigger(ExpertpoolTranslation translation) : ITimerFunction
{
    public string Name => "TranslateExpertpool";

    public async Task RunAsync(bool isPastDue, CancellationToken cancellationToken)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity(Name);
        await translation.TranslatePendingAsync(cancellationToken);
    }
}
