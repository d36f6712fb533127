using Microsoft.Extensions.Options;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Signals;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Security;

/// <summary>
/// The storage-backed budgets of the anonymous doors (<see cref="RateLimitTable"/>): they hold across instances and
/// restarts. Each instance takes a budget's units in leases of a twentieth of it (<see cref="RateLimitLeases"/>), so a
/// request rarely waits for storage and all instances together never allow more than the limit (ADR 0009).
/// When storage cannot be reached the budget is not enforced (logged): intake then fails on storage anyway,
/// with its own answer, and a broken counter must not turn residents away when the signals table still works.
/// </summary>
public sealed class AbuseGuard(RateLimitLeases buckets, IOptions<AbuseLimitOptions> options, TimeProvider time, ILogger<AbuseGuard> log)
{
    // A lease of 1/20 of a budget keeps what stranded leases can withhold small (ADR 0009).
    private const int LeasesPerBudget = 20;

    private AbuseLimitOptions O => options.Value;

    /// <summary>One submission from <paramref name="client"/>, counted before anything is validated.</summary>
    public Task<BucketTake> TakeSubmitByClientAsync(string client, CancellationToken ct) =>
        TakeAsync("submit|client|" + client, O.SubmitsPerClient, O.SubmitWindow, ct);

    /// <summary>One report for <paramref name="locationId"/>, counted once its token is known to be valid.</summary>
    public Task<BucketTake> TakeSubmitByLocationAsync(string locationId, CancellationToken ct) =>
        TakeAsync("submit|location|" + locationId, O.SubmitsPerLocation, O.SubmitWindow, ct);

    /// <summary>One status lookup, hit or miss, from <paramref name="client"/>.</summary>
    public Task<BucketTake> TakeLookupAsync(string client, CancellationToken ct) =>
        TakeAsync("lookup|client|" + client, O.LookupsPerClient, O.LookupWindow, ct);

    /// <summary>A miss on a tracking code: see <see cref="TakeMissAsync(string, string, string, CancellationToken)"/>.</summary>
    public Task<BucketTake> TakeMissAsync(string client, TrackingCode? code, CancellationToken ct) =>
        TakeMissAsync("miss", client, code is { } c ? c.Shard.ToString() : "malformed", ct);

    /// <summary>One expertpool member-code lookup, hit or miss, from <paramref name="client"/>: its own budget, as large as the status lookups'.</summary>
    public Task<BucketTake> TakeMemberLookupAsync(string client, CancellationToken ct) =>
        TakeAsync("member-lookup|client|" + client, O.LookupsPerClient, O.LookupWindow, ct);

    /// <summary>A miss on a member code; its code space is the code's first symbol, apart from the tracking codes' spaces.</summary>
    public Task<BucketTake> TakeMemberMissAsync(string client, MemberCode? code, CancellationToken ct) =>
        TakeMissAsync("member-miss", client, code is { } c ? c.Value[..1] : "malformed", ct);

    /// <summary>
    /// A miss: counted against the client, then against the code space it fell in (the first symbol of a well-formed
    /// code, or "malformed"), which all clients share. Not allowed when either is spent.
    /// </summary>
    private async Task<BucketTake> TakeMissAsync(string door, string client, string space, CancellationToken ct)
    {
        var byClient = await TakeAsync($"{door}|client|{client}", O.MissesPerClient, O.LookupWindow, ct);
        // A client already over its own budget does not also spend its neighbours' share of the code space.
        if (!byClient.Allowed) return byClient;
        var bySpace = await TakeAsync($"{door}|space|{space}", O.MissesPerCodeSpace, O.LookupWindow, ct);
        if (!bySpace.Allowed) log.LogWarning("Code space {Door} {Space} has used its miss budget: misses there answer 429", door, space);
        return bySpace;
    }

    /// <summary>One paid machine translation for <paramref name="locationId"/> today (the Dutch calendar day).</summary>
    public Task<BucketTake> TakeTranslationAsync(string locationId, CancellationToken ct)
    {
        var today = TimeZoneInfo.ConvertTime(time.GetUtcNow(), Domain.Clocks.WorkingTime.DutchZone).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        // Counted one by one: a day's lease would be stranded by every instance that scales in, and each unit buys a
        // paid call slower than the storage write.
        return TakeAsync($"translate|{locationId}|{today}", O.TranslationsPerLocationPerDay, TimeSpan.FromDays(1), ct, lease: 1);
    }

    private async Task<BucketTake> TakeAsync(string bucket, int limit, TimeSpan window, CancellationToken ct, int? lease = null)
    {
        try
        {
            return await buckets.TakeAsync(bucket, limit, window, lease ?? Math.Max(1, limit / LeasesPerBudget), time.GetUtcNow(), ct);
        }
        catch (Azure.RequestFailedException e)
        {
            log.LogWarning(e, "Rate-limit bucket {Kind} unreadable; not enforced this time", bucket[..bucket.IndexOf('|')]);
            return new BucketTake(true, TimeSpan.Zero);
        }
    }

    /// <summary>Seconds for a Retry-After header: whole, at least one.</summary>
    public static string RetryAfterSeconds(TimeSpan wait) =>
        Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
