using System.Text.Json;

namespace Signalering.Functions.Hosting;

/// <summary>
/// The queue settings of host.json (extensions.queues), with the Functions host's own defaults where a value is
/// absent, so the local runner behaves as the host will in Azure.
/// </summary>
public sealed record HostJsonSettings(
    int BatchSize,
    int NewBatchThreshold,
    int MaxDequeueCount,
    TimeSpan VisibilityTimeout,
    TimeSpan MaxPollingInterval,
    bool Base64Messages)
{
    /// <summary>Reads host.json in <paramref name="directory"/> (the project folder, or the build output it is copied to).</summary>
    public static HostJsonSettings Load(string directory)
    {
        var path = Path.Combine(directory, "host.json");
        if (!File.Exists(path)) throw new InvalidOperationException($"host.json not found in '{directory}'. Set Functions:ScriptRoot.");
        return Parse(File.ReadAllText(path));
    }

    public static HostJsonSettings Parse(string hostJson)
    {
        using var doc = JsonDocument.Parse(hostJson, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var q = doc.RootElement.TryGetProperty("extensions", out var ext) && ext.TryGetProperty("queues", out var queues) ? queues : default;
        int Int(string name, int fallback) => q.ValueKind == JsonValueKind.Object && q.TryGetProperty(name, out var v) ? v.GetInt32() : fallback;
        TimeSpan Time(string name, TimeSpan fallback) =>
            q.ValueKind == JsonValueKind.Object && q.TryGetProperty(name, out var v) ? TimeSpan.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : fallback;

        var batch = Int("batchSize", 16);
        if (batch is < 1 or > 32) throw new InvalidOperationException("host.json: queues.batchSize must be 1-32.");
        var polling = Time("maxPollingInterval", TimeSpan.FromMinutes(1));
        if (polling < TimeSpan.FromMilliseconds(100)) throw new InvalidOperationException("host.json: queues.maxPollingInterval must be at least 100 ms.");
        var encoding = q.ValueKind == JsonValueKind.Object && q.TryGetProperty("messageEncoding", out var enc) ? enc.GetString() : "base64";
        return new HostJsonSettings(batch, Int("newBatchThreshold", batch / 2 * Environment.ProcessorCount), Int("maxDequeueCount", 5),
            Time("visibilityTimeout", TimeSpan.Zero), polling, !string.Equals(encoding, "none", StringComparison.OrdinalIgnoreCase));
    }
}
