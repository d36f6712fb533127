namespace Signalering.Storage;

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

    public bool UsesManagedIdentity => string.IsNullOrEmpty(ConnectionString);
}
