namespace Signalering.Infrastructure;

/// <summary>
/// Where the app's tables and queues live. Locally and in tests: <see cref="ConnectionString"/> (Azurite). In Azure:
/// <see cref="AccountName"/> with the managed identity, and no key anywhere. <see cref="Prefix"/> keeps parallel test
/// runs apart on one emulator.
/// </summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }
    public string? AccountName { get; set; }
    public string Prefix { get; set; } = "";

    /// <summary>
    /// How long one storage call may take before it is abandoned and retried. Short, so that during an outage a
    /// request fails within seconds (and answers 503) instead of hanging: Table and Queue calls take milliseconds.
    /// </summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Retries of a failed call after the first attempt, 0.2 s apart and doubling (at most 1 s).</summary>
    public int MaxRetries { get; set; } = 2;

    public bool UsesManagedIdentity => string.IsNullOrEmpty(ConnectionString);
}
