using System.Text.Json;

namespace Signalering.Functions.Hosting;

public enum TriggerKind { Http, Queue, Timer }

/// <summary>One function folder's function.json, reduced to what the handler needs to know.</summary>
public sealed record FunctionDefinition(
    string Name,
    TriggerKind Trigger,
    string TriggerBinding,
    string? QueueName,
    string? Schedule,
    string? Route,
    IReadOnlyList<string> Methods,
    string? AuthLevel);

/// <summary>
/// The function folders beside host.json (in the deployment package) or under <c>functions/</c> (in the repository).
/// The same files drive the Functions host in Azure and the local queue and timer runners, so the two cannot drift.
/// </summary>
public sealed class FunctionManifest
{
    public string ScriptRoot { get; }
    public IReadOnlyList<FunctionDefinition> Functions { get; }
    public HostJsonSettings Host { get; }

    private FunctionManifest(string scriptRoot, IReadOnlyList<FunctionDefinition> functions, HostJsonSettings host)
    {
        ScriptRoot = scriptRoot; Functions = functions; Host = host;
    }

    public FunctionDefinition? Find(string name) =>
        Functions.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Finds host.json: the configured root, the Functions host's app root, or the nearest ancestor of <paramref name="start"/>.</summary>
    public static FunctionManifest Load(string? configuredRoot, string start)
    {
        var root = configuredRoot ?? Environment.GetEnvironmentVariable("FUNCTIONS_APP_ROOT_PATH");
        if (root is null)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "host.json"))) { root = dir.FullName; break; }
        }
        if (root is null || !File.Exists(Path.Combine(root, "host.json")))
            throw new InvalidOperationException($"host.json not found (looked from '{start}' upwards). Set Functions:ScriptRoot.");

        var folders = Directory.EnumerateDirectories(root)
            .Concat(Directory.Exists(Path.Combine(root, "functions")) ? Directory.EnumerateDirectories(Path.Combine(root, "functions")) : [])
            .Where(d => File.Exists(Path.Combine(d, "function.json")));
        var functions = folders.Select(d => Parse(Path.GetFileName(d), File.ReadAllText(Path.Combine(d, "function.json"))))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        return new FunctionManifest(root, functions, HostJsonSettings.Parse(File.ReadAllText(Path.Combine(root, "host.json"))));
    }

    internal static FunctionDefinition Parse(string name, string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        foreach (var b in doc.RootElement.GetProperty("bindings").EnumerateArray())
        {
            var type = b.GetProperty("type").GetString();
            var binding = b.TryGetProperty("name", out var n) ? n.GetString()! : "";
            switch (type)
            {
                case "httpTrigger":
                    var methods = b.TryGetProperty("methods", out var m) ? m.EnumerateArray().Select(x => x.GetString()!.ToUpperInvariant()).ToList() : [];
                    return new(name, TriggerKind.Http, binding, null, null, b.TryGetProperty("route", out var r) ? r.GetString() : name, methods,
                        b.TryGetProperty("authLevel", out var a) ? a.GetString() : "function");
                case "queueTrigger":
                    return new(name, TriggerKind.Queue, binding, b.GetProperty("queueName").GetString(), null, null, [], null);
                case "timerTrigger":
                    return new(name, TriggerKind.Timer, binding, null, b.GetProperty("schedule").GetString(), null, [], null);
            }
        }
        throw new InvalidOperationException($"Function '{name}' has no trigger binding.");
    }
}
