using Signalering.Domain.Signals;
using Signalering.Storage.Tables;

namespace Signalering.Functions.Application;

/// <summary>The result of looking up a tracking code for a resident.</summary>
public abstract record LookupOutcome
{
    public sealed record Found(StoredSignal Stored) : LookupOutcome;
    public sealed record NotFound(bool WellFormed) : LookupOutcome;
    public sealed record Blocked(TimeSpan RetryAfter) : LookupOutcome;
}

/// <summary>
/// A resident's tracking-code lookup, shared by the API (GET /api/signals/{code}) and the status page: too many
/// misses from one client block it for a while, and hit or miss costs one storage read and the same padded time,
/// so a guesser learns nothing from timing.
/// </summary>
public sealed class StatusLookup(SignalTable signals, LookupGuard guard)
{
    // Any well-formed code serves for an equal-cost read when the given one is malformed.
    private static readonly TrackingCode Placeholder = TrackingCode.Alphabet
        .Select(check => TrackingCode.TryParse("333333333" + check, out var c) ? c : (TrackingCode?)null).First(c => c is not null)!.Value;

    public async Task<LookupOutcome> FindAsync(string client, string? trackingCode, CancellationToken ct)
    {
        var started = LookupGuard.Start();
        LookupOutcome outcome;
        if (guard.IsBlocked(client, out var retryAfter)) outcome = new LookupOutcome.Blocked(retryAfter);
        else
        {
            var wellFormed = TrackingCode.TryParse(trackingCode, out var code);
            var stored = await signals.GetAsync(wellFormed ? code : Placeholder, ct);
            if (!wellFormed) stored = null;
            if (stored is null) guard.RecordMiss(client);
            outcome = stored is null ? new LookupOutcome.NotFound(wellFormed) : new LookupOutcome.Found(stored);
        }
        await guard.PadAsync(started, ct);
        return outcome;
    }

    public static string ClientOf(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
