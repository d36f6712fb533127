using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Status;

/// <summary>
/// Protects status lookups against guessing codes. Misses (unknown or malformed codes) are counted per client; past
/// the limit the client is told to wait, whatever it asks. Every lookup, hit or miss, is padded to the same minimum
/// time, so timing does not tell a guesser that a code exists.
/// </summary>
public sealed class LookupGuard(IOptions<SignalOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, Window> _misses = new();

    private sealed class Window
    {
        public DateTimeOffset Start;
        public int Count;
    }

    public bool IsBlocked(string client, out TimeSpan retryAfter)
    {
        retryAfter = TimeSpan.Zero;
        if (!_misses.TryGetValue(client, out var w)) return false;
        lock (w)
        {
            var age = time.GetUtcNow() - w.Start;
            if (age >= options.Value.MissWindow) return false;
            if (w.Count < options.Value.MaxMissesPerWindow) return false;
            retryAfter = options.Value.MissWindow - age;
            return true;
        }
    }

    public void RecordMiss(string client)
    {
        var w = _misses.GetOrAdd(client, _ => new Window { Start = time.GetUtcNow() });
        lock (w)
        {
            if (time.GetUtcNow() - w.Start >= options.Value.MissWindow) { w.Start = time.GetUtcNow(); w.Count = 0; }
            w.Count++;
        }
        if (_misses.Count > 100_000) Prune();
    }

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

    private void Prune()
    {
        var cutoff = time.GetUtcNow() - options.Value.MissWindow;
        foreach (var (key, w) in _misses)
            if (w.Start < cutoff) _misses.TryRemove(key, out _);
    }
}
