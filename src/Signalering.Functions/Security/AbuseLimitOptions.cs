namespace Signalering.Functions.Security;

/// <summary>
/// Limits on the anonymous doors (section "AbuseLimits"). The defaults are sized for one asylum reception centre of
/// 600 residents behind one NAT address on a bad evening; the estimate is in docs/security.md.
/// </summary>
public sealed class AbuseLimitOptions
{
    public const string Section = "AbuseLimits";

    /// <summary>Reports accepted per location (its QR token's location) per <see cref="SubmitWindow"/>.</summary>
    public int SubmitsPerLocation { get; set; } = 200;

    /// <summary>Report submissions (valid or not) per client address per <see cref="SubmitWindow"/>.</summary>
    public int SubmitsPerClient { get; set; } = 200;

    public TimeSpan SubmitWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Status lookups (hits and misses) per client address per <see cref="LookupWindow"/>: the hard cap on one address's guesses.</summary>
    public int LookupsPerClient { get; set; } = 600;

    /// <summary>Unknown or malformed codes per client address per <see cref="LookupWindow"/>; past it, misses answer 429 (hits are still served).</summary>
    public int MissesPerClient { get; set; } = 20;

    /// <summary>
    /// Unknown codes per code space (the code's first symbol, one of 21) per <see cref="LookupWindow"/>, from all
    /// clients together; past it, misses in that space answer 429 (hits are still served).
    /// </summary>
    public int MissesPerCodeSpace { get; set; } = 200;

    public TimeSpan LookupWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Machine translations of resident text per location per day (Europe/Amsterdam). Past it, signals stay untranslated, marked with the reason.</summary>
    public int TranslationsPerLocationPerDay { get; set; } = 500;
}
