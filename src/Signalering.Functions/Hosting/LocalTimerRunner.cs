using Microsoft.Azure.Functions.Worker;
using NCrontab;

namespace Signalering.Functions.Hosting;

/// <summary>
/// Runs one timer function on its six-field NCRONTAB schedule (UTC, as on Flex Consumption) outside the Functions host.
/// <c>Functions:Schedules:{name}</c> replaces a function's schedule in this composition only: a test that kills the app
/// process cannot wait two minutes for the sweep that repairs what the kill left.
/// </summary>
public sealed class LocalTimerRunner(FunctionDefinition function, IServiceProvider services, IConfiguration configuration, TimeProvider time,
    ILogger<LocalTimerRunner> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var cron = configuration[$"Functions:Schedules:{function.Name}"] ?? function.Schedule!;
        var schedule = CrontabSchedule.Parse(cron, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(DateTime.SpecifyKind(schedule.GetNextOccurrence(now.UtcDateTime), DateTimeKind.Utc));
            try { await Task.Delay(next - now, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
            var timer = new TimerInfo { IsPastDue = time.GetUtcNow() - next > TimeSpan.FromSeconds(30) };
            try
            {
                await using var scope = services.CreateAsyncScope();
                await function.InvokeAsync(scope.ServiceProvider, timer, stoppingToken);
            }
            // Any failure, a timeout's cancellation included, is logged and the timer runs again at its next occurrence.
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                log.LogError(e, "Timer function {Function} failed", function.Name);
            }
        }
    }
}
