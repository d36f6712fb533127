using Microsoft.Extensions.Options;

using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Status;

/// <summary>
/// Pads every code lookup (tracking codes, expertpool member codes), hit or miss, to the same minimum time, so timing
/// does not tell a guesser that a code exists. The guessing budgets are in storage (<see cref="Security.AbuseGuard"/>).
/// </summary>
public sealed class LookupGuard(IOptions<SignalOptions> options)
{
    /// <summary>A timestamp to pass to <see cref="PadAsync"/>: real elapsed time, whatever the business clock says.</summary>
    public static long Start() => TimeProvider.System.GetTimestamp();

    /// <summary>
    /// Waits until <see cref="SignalOptions.LookupFloor"/> has passed since <paramref name="startedAt"/>. Measured on
    /// the real clock: what a guesser times is wall time, and a test's frozen business clock must not stall lookups.
    /// </summary>
    public async Task PadAsync(long startedAt, CancellationToken ct)
    {
        // Timers tick in whole milliseconds and can fire a fraction early: wait again until the floor has truly passed.
        TimeSpan left;
        while ((left = options.Value.LookupFloor - TimeProvider.System.GetElapsedTime(startedAt)) > TimeSpan.Zero)
            await Task.Delay(left + TimeSpan.FromMilliseconds(1), ct);
    }
}
