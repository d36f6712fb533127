using System.Collections.Frozen;
using System.Text.Json;
using Signalering.Domain.Languages;

namespace Signalering.Domain.Texts;

/// <summary>
/// Everything a resident reads, per form language, from data/texts/resident.{code}.json. Every file has every key
/// (a test checks it); a missing key falls back to English rather than showing a key name. Placeholders are
/// <c>{name}</c>. <see cref="IsReviewed"/> tells whether a native speaker has checked the language.
/// </summary>
public sealed class ResidentTexts
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byLanguage;
    private readonly FrozenDictionary<string, bool> _reviewed;

    public static ResidentTexts Default { get; } = LoadEmbedded();

    private ResidentTexts(Dictionary<string, FrozenDictionary<string, string>> byLanguage, Dictionary<string, bool> reviewed)
    {
        _byLanguage = byLanguage.ToFrozenDictionary();
        _reviewed = reviewed.ToFrozenDictionary();
    }

    public IReadOnlyCollection<string> Languages => _byLanguage.Keys;

    public IReadOnlyCollection<string> KeysOf(string language) =>
        _byLanguage.TryGetValue(language, out var t) ? t.Keys : [];

    public bool IsReviewed(string language) => _reviewed.GetValueOrDefault(language);

    public string Get(string language, string key, params (string Name, string Value)[] args)
    {
        var text = _byLanguage.TryGetValue(language, out var t) && t.TryGetValue(key, out var v) ? v
            : _byLanguage.TryGetValue("en", out var en) && en.TryGetValue(key, out var e) ? e
            : throw new KeyNotFoundException($"No resident text '{key}'.");
        foreach (var (name, value) in args) text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>
    /// A text with a count: the form of <paramref name="key"/> that <paramref name="count"/> takes under the
    /// language's plural rules (<c>{key}.one</c>, <c>{key}.few</c>, …; see <see cref="PluralRules"/>), with
    /// <c>{n}</c> filled in. A language without that form uses <c>{key}.other</c>.
    /// </summary>
    public string Plural(string language, string key, long count, params (string Name, string Value)[] args)
    {
        var form = $"{key}.{PluralRules.KeySuffix(PluralRules.For(language, count))}";
        var chosen = _byLanguage.TryGetValue(language, out var t) && t.ContainsKey(form) ? form : key + ".other";
        return Get(language, chosen, [("n", count.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. args]);
    }

    private static ResidentTexts LoadEmbedded()
    {
        var byLanguage = new Dictionary<string, FrozenDictionary<string, string>>();
        var reviewed = new Dictionary<string, bool>();
        var assembly = typeof(ResidentTexts).Assembly;
        foreach (var language in FormLanguages.All)
        {
            using var stream = assembly.GetManifestResourceStream($"texts/resident.{language.Code}.json");
            if (stream is null) continue;
            using var doc = JsonDocument.Parse(stream);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                if (p.Value.ValueKind == JsonValueKind.String) texts[p.Name] = p.Value.GetString()!;
                else if (p.Name == "meta.reviewed") reviewed[language.Code] = p.Value.GetBoolean();
            }
            byLanguage[language.Code] = texts.ToFrozenDictionary();
        }
        return new ResidentTexts(byLanguage, reviewed);
    }
}
