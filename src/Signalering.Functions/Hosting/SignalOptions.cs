namespace Signalering.Functions.Hosting;

/// <summary>Settings for intake and lookups (section "Signals").</summary>
public sealed class SignalOptions
{
    public const string Section = "Signals";

    /// <summary>Secret that turns an idempotency key into a tracking code (base64, at least 32 bytes).</summary>
    public string TrackingCodeSecret { get; set; } = "";

    /// <summary>Every status lookup takes at least this long, so a miss cannot be told from a hit by its timing.</summary>
    public TimeSpan LookupFloor { get; set; } = TimeSpan.FromMilliseconds(120);

    /// <summary>A route marker this old means the intake message was lost: the sweep enqueues it again.</summary>
    public TimeSpan RequeueAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long a worker's claim to send a signal's organisation message lasts. Shorter than <see cref="RequeueAfter"/>,
    /// so when the worker dies the sweep's re-drive finds the claim run out; far longer than a send takes.
    /// </summary>
    public TimeSpan DeliveryLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Where no translator is configured, route and deliver a signal in the request that stores it (4 storage calls
    /// instead of 9 through the intake queue; docs/benchmarks.md). With a translator this has no effect: routing
    /// waits for the translation, in ProcessSignal.
    /// </summary>
    public bool RouteAtIntake { get; set; } = true;

    /// <summary>/api/health turns unhealthy when deliveries have failed without a success for this long.</summary>
    public TimeSpan RoutingUnhealthyAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long routing waits for the Dutch translation, so that its words can raise the flags before the route is
    /// chosen. Past it (or on any failure) the signal is routed on its original words and translated afterwards.
    /// </summary>
    public TimeSpan TranslateBeforeRoutingTimeout { get; set; } = TimeSpan.FromSeconds(3);
}

/// <summary>The HMAC keys for QR location tokens (section "QrTokens"). Old keys stay while their posters hang.</summary>
public sealed class QrTokenOptions
{
    public const string Section = "QrTokens";

    public string ActiveKeyId { get; set; } = "";
    /// <summary>Key id → base64 secret of at least 32 bytes.</summary>
    public Dictionary<string, string> Keys { get; set; } = [];
}
