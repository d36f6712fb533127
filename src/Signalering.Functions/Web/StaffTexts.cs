using System.Collections.Frozen;
using System.Text.Json;

namespace Signalering.Functions.Web;

/// <summary>
/// Every text staff read, in Dutch, from data/texts/staff.nl.json (one block per feature). A missing key is a bug,
/// not a fallback: a test renders every staff page, so it fails there rather than showing a key to a coordinator.
/// </summary>
public static class StaffTexts
{
    private static readonly FrozenDictionary<string, string> Texts = Load();

    public static string T(string key, params (string Name, string Value)[] args)
    {
        var text = Texts.TryGetValue(key, out var t) ? t : throw new KeyNotFoundException($"No staff text '{key}'.");
        foreach (var (name, value) in args) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    public static IReadOnlyCollection<string> Keys => Texts.Keys;

    private static FrozenDictionary<string, string> Load()
    {
        using var stream = typeof(StaffTexts).Assembly.GetManifestResourceStream("texts/staff.nl.json")
            ?? throw new InvalidOperationException("texts/staff.nl.json is not embedded.");
        using var doc = JsonDocument.Parse(stream);
        return doc.RootElement.EnumerateObject().Where(p => !p.Name.StartsWith('_'))
            .ToFrozenDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
    }
}
