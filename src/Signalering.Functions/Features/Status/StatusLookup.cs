using Signalering.Domain.Signals;
using Signalering.Functions.Security;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Status;

/// <summary>The result of looking up a tracking code for a resident.</summary>
public abstract record LookupOutcome
{
    public sealed record Found(StoredSignal Stored) : LookupOutcome;
    public sealed record NotFound(bool WellFormed) : LookupOutcome;
    public sealed record Blocked(TimeSpan RetryAfter) : LookupOutcome;
}

/// <summary>
/// A resident's tracking-code lookup, shared by the API (GET /api/signals/{code}) and the status page. Budgets live in
/// storage (<see cref="AbuseGuard"/>): every lookup counts against its client's lookup budget, the hard cap on one
/// address's guesses; a miss also counts against the client's miss budget and against its code space's, shared by
/// all clients. A spent miss budget turns misses into 429 but still serves known codes, so a guesser behind a
/// reception centre's NAT cannot lock out the neighbours who hold real codes. Hit or miss costs the same storage
/// work up to the answer and the same padded time, so a guesser learns nothing from timing.
/// </summary>
public sealed class StatusLookup(SignalTable signals, LookupGuard guard, AbuseGuard abuse)
{
    // Any well-formed code serves for an equal-cost read when the given one is malformed.
    private static readonly TrackingCode Placeholder = TrackingCode.Alphabet
        .Select(check => TrackingCode.TryParse("333333333" + check, out var c) ? c : (TrackingCode?)null).First(c => c is not null)!.Value;

    public async Task<LookupOutcome> FindAsync(string client, string? trackingCode, CancellationToken ct)
    {
        var started = LookupGuard.Start();
        var wellFormed = TrackingCode.TryParse(trackingCode, out var code);
        var budget = abuse.TakeLookupAsync(client, ct);
        var stored = await signals.GetAsync(wellFormed ? code : Placeholder, ct);
        if (!wellFormed) stored = null;
        var take = await budget;
        LookupOutcome outcome;
        if (!take.Allowed) outcome = new LookupOutcome.Blocked(take.RetryAfter);
        else if (stored is not null) outcome = new LookupOutcome.Found(stored);
        else
        {
            var miss = await abuse.TakeMissAsync(client, wellFormed ? code : null, ct);
            outcome = miss.Allowed ? new LookupOutcome.NotFound(wellFormed) : new LookupOutcome.Blocked(miss.RetryAfter);
        }
        await guard.PadAsync(started, ct);
        return outcome;
    }

    public static string ClientOf(HttpContext http) => ClientAddress.Of(http);
}
