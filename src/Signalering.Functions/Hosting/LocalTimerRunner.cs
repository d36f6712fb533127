namespace Signalering.Functions.Hosting;

/// <summary>Runs one timer function on its NCRONTAB schedule outside the Functions host.</summary>
public sealed class LocalTimerRunner(FunctionDefinition function, ITimerFunction handler, TimeProvider time, ILogger<LocalTimerRunner> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var schedule = NCrontab.Parse(function.Schedule!);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.Next(now);
            try { await Task.Delay(next - now, time, stoppingToken); }
            catch (OperationCanceledException) { return; }
            var pastDue = time.GetUtcNow() - next > TimeSpan.FromSeconds(30);
            try { await handler.RunAsync(pastDue, stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Timer function {Function} failed", function.Name); }
        }
    }
}
