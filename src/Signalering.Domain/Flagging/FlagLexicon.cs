using System.Text.Json;

namespace Signalering.Domain.Flagging;

/// <summary>
/// The words and phrases, per language, that make a resident's text an emergency or sensitive (see <see cref="FlagKinds"/>).
/// Shipped as <c>data/reference/flag-lexicon.json</c>, embedded as <c>reference/flag-lexicon.json</c>. Shape:
/// <code>
/// { "version": 1,
///   "languages": {
///     "en": { "proclitics": [ ... ],                       // optional
///             "groups": { "staff": [ ... ], ... },         // optional
///             "emergency": { "violence": [ ... ], "fire": [ ... ], "medical": [ ... ], "suicide": [ ... ], "danger": [ ... ] },
///             "sensitive": { "staff-abuse": [ ... ], "sexual": [ ... ], "child-safety": [ ... ] } } } }
/// </code>
/// A term is a stem or phrase in the language's own script that must begin at a word boundary ("stab" matches
/// "stabbed"). A term made of parts joined by <c>" + "</c> matches when every part occurs within a few words of the
/// first ("@staff + @hurt": a staff word near a word for hitting); a part starting with <c>@</c> is any term of that
/// language's group. Groups exist because "the security man, he hit me" cannot be listed as fixed phrases.
/// Proclitics are prefixes written onto the next word (Arabic وال, بال; Amharic የ, በ): a term also matches right
/// after one of its own language's proclitics ("والحريق" for "حريق").
/// </summary>
public sealed class FlagLexicon
{
    public const string ResourceName = "reference/flag-lexicon.json";
    public const int SupportedVersion = 1;

    public IReadOnlyDictionary<string, LanguageLexicon> Languages { get; }

    public FlagLexicon(IReadOnlyDictionary<string, LanguageLexicon> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        if (languages.Count == 0) throw new DomainException("A flag lexicon needs at least one language.", "languages");
        foreach (var code in languages.Keys)
            if (string.IsNullOrWhiteSpace(code)) throw new DomainException("A flag lexicon language needs a code.", "languages");
        Languages = languages;
    }

    /// <summary>The lexicon shipped inside this assembly.</summary>
    public static FlagLexicon LoadEmbedded()
    {
        using var stream = typeof(SignalFlagger).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new DomainException($"Embedded resource '{ResourceName}' is missing.", "lexicon");
        return Parse(stream);
    }

    public static FlagLexicon Parse(Stream json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return Parse(doc.RootElement);
    }

    public static FlagLexicon Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        return Parse(doc.RootElement);
    }

    private static FlagLexicon Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) throw new DomainException("A flag lexicon is a JSON object.", "lexicon");
        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var v) || v != SupportedVersion)
            throw new DomainException($"Flag lexicon version must be {SupportedVersion}.", "version");
        if (!root.TryGetProperty("languages", out var languages) || languages.ValueKind != JsonValueKind.Object)
            throw new DomainException("A flag lexicon needs a 'languages' object.", "languages");

        var result = new Dictionary<string, LanguageLexicon>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in languages.EnumerateObject())
        {
            if (language.Value.ValueKind != JsonValueKind.Object)
                throw new DomainException($"Flag lexicon language '{language.Name}' must be an object.", "languages");
            var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            IReadOnlyList<string> proclitics = [];
            foreach (var section in language.Value.EnumerateObject())
            {
                var where = $"{language.Name}.{section.Name}";
                switch (section.Name)
                {
                    case "emergency" or "sensitive":
                        var expected = section.Name == "emergency" ? SignalFlags.Emergency : SignalFlags.Sensitive;
                        foreach (var kind in ObjectOf(section.Value, where).EnumerateObject())
                        {
                            if (FlagKinds.FlagOf(kind.Name) != expected)
                                throw new DomainException($"'{kind.Name}' is not a kind of '{section.Name}' (in '{language.Name}').", "kinds");
                            if (!terms.TryAdd(kind.Name, StringsOf(kind.Value, $"{where}.{kind.Name}")))
                                throw new DomainException($"Kind '{kind.Name}' appears twice in '{language.Name}'.", "kinds");
                        }
                        break;
                    case "groups":
                        foreach (var group in ObjectOf(section.Value, where).EnumerateObject())
                            if (!groups.TryAdd(group.Name, StringsOf(group.Value, $"{where}.{group.Name}")))
                                throw new DomainException($"Group '{group.Name}' appears twice in '{language.Name}'.", "groups");
                        break;
                    case "proclitics":
                        proclitics = StringsOf(section.Value, where);
                        break;
                    default:
                        throw new DomainException($"Unknown flag lexicon section '{where}'.", "languages");
                }
            }
            if (!result.TryAdd(language.Name, new LanguageLexicon(terms, groups, proclitics)))
                throw new DomainException($"Language '{language.Name}' appears twice in the flag lexicon.", "languages");
        }
        return new FlagLexicon(result);
    }

    private static JsonElement ObjectOf(JsonElement element, string where) =>
        element.ValueKind == JsonValueKind.Object ? element
            : throw new DomainException($"Flag lexicon '{where}' must be an object.", "languages");

    private static IReadOnlyList<string> StringsOf(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Array) throw new DomainException($"Flag lexicon '{where}' must be an array of strings.", "languages");
        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()!
                : throw new DomainException($"Flag lexicon '{where}' must contain only strings.", "languages"));
        return list;
    }
}

/// <summary>
/// One language's part of a <see cref="FlagLexicon"/>: terms per kind, named groups that combined terms refer to, and
/// proclitics. Checked when built: only known kinds, no blank terms, every <c>@group</c> defined.
/// </summary>
public sealed class LanguageLexicon
{
    public const string PartSeparator = " + ";

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; }
    public IReadOnlyList<string> Proclitics { get; }

    public LanguageLexicon(IReadOnlyDictionary<string, IReadOnlyList<string>> terms,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? groups = null, IReadOnlyList<string>? proclitics = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        groups ??= new Dictionary<string, IReadOnlyList<string>>();
        proclitics ??= [];
        foreach (var (group, members) in groups)
        {
            if (members.Count == 0) throw new DomainException($"Group '{group}' is empty.", "groups");
            foreach (var member in members) CheckLiteral(member, $"group '{group}'");
        }
        foreach (var (kind, list) in terms)
        {
            if (FlagKinds.FlagOf(kind) == SignalFlags.None) throw new DomainException($"'{kind}' is not a flag kind.", "kinds");
            foreach (var term in list)
                foreach (var part in term.Split(PartSeparator))
                {
                    var p = part.Trim();
                    if (p.StartsWith('@'))
                    {
                        if (!groups.ContainsKey(p[1..])) throw new DomainException($"Term '{term}' ({kind}) refers to unknown group '{p}'.", "terms");
                    }
                    else CheckLiteral(p, $"kind '{kind}'");
                }
        }
        foreach (var proclitic in proclitics)
            if (FlagText.Normalize(proclitic).Length == 0) throw new DomainException("A proclitic cannot be blank.", "proclitics");
        Terms = terms;
        Groups = groups;
        Proclitics = proclitics;
    }

    private static void CheckLiteral(string literal, string where)
    {
        var normalized = FlagText.Normalize(literal);
        // A term must start a word: one that starts with punctuation or a space could never match.
        if (normalized.Length == 0 || !FlagText.IsWordStart(normalized, 0))
            throw new DomainException($"Term '{literal}' in {where} must start with a letter or digit.", "terms");
    }
}
