using System.Text.Json;

namespace Signalering.Domain.Flagging;

/// <summary>
/// The words and phrases, per language, that make a resident's text an emergency or sensitive (see <see cref="FlagKinds"/>).
/// Shipped as one file per language, <c>data/flagging/{lang}.json</c>, embedded as <c>flagging/{lang}.json</c>, so that a
/// native speaker reviews and changes one language without touching the others. A language file:
/// <code>
/// { "proclitics": [ ... ],                                  // optional: prefixes written onto the next word
///   "groups": { "staff": [ ... ], "harm": [ ... ], ... },   // optional: named sets that combined terms refer to
///   "emergency": { "violence": [ ... ], "fire": [ ... ], "medical": [ ... ], "suicide": [ ... ], "danger": [ ... ] },
///   "sensitive": { "staff-abuse": [ ... ], "sexual": [ ... ], "child-safety": [ ... ], "domestic-abuse": [ ... ] },
///   "exclusions": [ ... ],                                  // optional: known false alarms ("fire alarm")
///   "negations": [ ... ],                                   // optional: whole words that cancel the next word ("no knife")
///   "postnegations": [ ... ] }                              // optional: whole words that cancel the word before ("bıçak yok")
/// </code>
/// <b>Terms.</b> A literal is a stem or phrase in the language's own script that must begin at a word boundary ("stab"
/// matches "stabbed"); a trailing <c>$</c> makes it a whole word ("no$" does not match "now"). A term of parts joined by
/// <c>" + "</c> matches when every part occurs within <see cref="SignalFlagger.PartWindowWords"/> words of the first; joined by
/// <c>" &amp; "</c>, when every part occurs anywhere in the text. A part <c>@name</c> is any member of group <c>name</c> in
/// <i>any</i> language: residents mix languages ("the security ضربني"), so groups are shared across the lexicon. A part
/// <c>%kind</c> is any single-literal term of that kind in any language ("@staff &amp; %violence": a staff word and any word
/// of violence, so a new violence word needs adding once, not also to every group).
/// <b>Proclitics</b> (Arabic وال, بال; Ge'ez የ, በ): a literal also matches right after one of its own language's proclitics.
/// <b>Exclusions</b> mask their span: no literal that overlaps a "fire alarm" or "smoke detector" counts.
/// <b>Negations</b> cancel an emergency literal that starts on the very next word ("no knife in the kitchen"); they never
/// cancel a sensitive one ("don't touch me" is a report of touching). <b>Postnegations</b> do the same for languages that
/// put "there is no" after the noun (Turkish "bıçak yok", Tigrinya "ካራ የለን"): they cancel the literal that ends right before.
/// The combined form <see cref="Parse(string)"/> reads (<c>{ "version": 2, "languages": { "en": { ... } } }</c>) is for
/// tests and tools.
/// </summary>
public sealed class FlagLexicon
{
    public const string ResourcePrefix = "flagging/";
    public const int SupportedVersion = 2;

    public IReadOnlyDictionary<string, LanguageLexicon> Languages { get; }

    public FlagLexicon(IReadOnlyDictionary<string, LanguageLexicon> languages)
    {
        ArgumentNullException.ThrowIfNull(languages);
        if (languages.Count == 0) throw new DomainException("A flag lexicon needs at least one language.", "languages");
        foreach (var code in languages.Keys)
            if (string.IsNullOrWhiteSpace(code)) throw new DomainException("A flag lexicon language needs a code.", "languages");
        var groupNames = languages.Values.SelectMany(l => l.Groups.Keys).ToHashSet(StringComparer.Ordinal);
        foreach (var (code, lex) in languages)
            foreach (var group in lex.GroupReferences)
                if (!groupNames.Contains(group))
                    throw new DomainException($"'{code}' refers to group '@{group}', which no language defines.", "terms");
        Languages = languages;
    }

    /// <summary>The lexicon shipped inside this assembly: every embedded <c>flagging/{lang}.json</c>.</summary>
    public static FlagLexicon LoadEmbedded()
    {
        var assembly = typeof(SignalFlagger).Assembly;
        var result = new Dictionary<string, LanguageLexicon>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order())
        {
            var code = Path.GetFileNameWithoutExtension(name[ResourcePrefix.Length..]);
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var doc = JsonDocument.Parse(stream, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            result.Add(code, ParseLanguage(code, doc.RootElement));
        }
        if (result.Count == 0) throw new DomainException($"No embedded '{ResourcePrefix}*.json' lexicon files.", "lexicon");
        return new FlagLexicon(result);
    }

    /// <summary>Every <c>{lang}.json</c> in a folder (the shipped <c>data/flagging</c>), for tools that tune the lexicon.</summary>
    public static FlagLexicon LoadFolder(string folder)
    {
        var result = new Dictionary<string, LanguageLexicon>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            var code = Path.GetFileNameWithoutExtension(file);
            using var doc = JsonDocument.Parse(File.ReadAllText(file), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
            result.Add(code, ParseLanguage(code, doc.RootElement));
        }
        if (result.Count == 0) throw new DomainException($"No lexicon files in '{folder}'.", "lexicon");
        return new FlagLexicon(result);
    }

    /// <summary>The combined form: <c>{ "version": 2, "languages": { "{lang}": { ...a language file... } } }</c>.</summary>
    public static FlagLexicon Parse(string json)
    {
        using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object) throw new DomainException("A flag lexicon is a JSON object.", "lexicon");
        if (!root.TryGetProperty("version", out var version) || !version.TryGetInt32(out var v) || v != SupportedVersion)
            throw new DomainException($"Flag lexicon version must be {SupportedVersion}.", "version");
        if (!root.TryGetProperty("languages", out var languages) || languages.ValueKind != JsonValueKind.Object)
            throw new DomainException("A flag lexicon needs a 'languages' object.", "languages");
        var result = new Dictionary<string, LanguageLexicon>(StringComparer.OrdinalIgnoreCase);
        foreach (var language in languages.EnumerateObject())
            if (!result.TryAdd(language.Name, ParseLanguage(language.Name, language.Value)))
                throw new DomainException($"Language '{language.Name}' appears twice in the flag lexicon.", "languages");
        return new FlagLexicon(result);
    }

    private static LanguageLexicon ParseLanguage(string code, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
            throw new DomainException($"Flag lexicon language '{code}' must be an object.", "languages");
        var terms = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        var groups = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        IReadOnlyList<string> proclitics = [], exclusions = [], negations = [], postnegations = [];
        foreach (var section in element.EnumerateObject())
        {
            var where = $"{code}.{section.Name}";
            switch (section.Name)
            {
                case "emergency" or "sensitive":
                    var expected = section.Name == "emergency" ? SignalFlags.Emergency : SignalFlags.Sensitive;
                    foreach (var kind in ObjectOf(section.Value, where).EnumerateObject())
                    {
                        if (FlagKinds.FlagOf(kind.Name) != expected)
                            throw new DomainException($"'{kind.Name}' is not a kind of '{section.Name}' (in '{code}').", "kinds");
                        if (!terms.TryAdd(kind.Name, StringsOf(kind.Value, $"{where}.{kind.Name}")))
                            throw new DomainException($"Kind '{kind.Name}' appears twice in '{code}'.", "kinds");
                    }
                    break;
                case "groups":
                    foreach (var group in ObjectOf(section.Value, where).EnumerateObject())
                        if (!groups.TryAdd(group.Name, StringsOf(group.Value, $"{where}.{group.Name}")))
                            throw new DomainException($"Group '{group.Name}' appears twice in '{code}'.", "groups");
                    break;
                case "proclitics": proclitics = StringsOf(section.Value, where); break;
                case "exclusions": exclusions = StringsOf(section.Value, where); break;
                case "negations": negations = StringsOf(section.Value, where); break;
                case "postnegations": postnegations = StringsOf(section.Value, where); break;
                case "comment" or "$comment": break;
                default: throw new DomainException($"Unknown flag lexicon section '{where}'.", "languages");
            }
        }
        return new LanguageLexicon(terms, groups, proclitics, exclusions, negations, postnegations);
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
/// One language's part of a <see cref="FlagLexicon"/>: terms per kind, named groups, proclitics, exclusions and
/// negations. Checked when built: only known kinds, no blank literals, a term joins its parts one way only.
/// Whether every <c>@group</c> exists is checked by the <see cref="FlagLexicon"/>, since groups are shared.
/// </summary>
public sealed class LanguageLexicon
{
    /// <summary>Parts within <see cref="SignalFlagger.PartWindowWords"/> words of each other.</summary>
    public const string NearSeparator = " + ";
    /// <summary>Parts anywhere in the same text.</summary>
    public const string AnywhereSeparator = " & ";
    /// <summary>A literal ending in this must end a word.</summary>
    public const char WholeWordMark = '$';

    public IReadOnlyDictionary<string, IReadOnlyList<string>> Terms { get; }
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Groups { get; }
    public IReadOnlyList<string> Proclitics { get; }
    public IReadOnlyList<string> Exclusions { get; }
    public IReadOnlyList<string> Negations { get; }
    public IReadOnlyList<string> PostNegations { get; }
    internal IReadOnlySet<string> GroupReferences { get; }

    public LanguageLexicon(IReadOnlyDictionary<string, IReadOnlyList<string>> terms,
        IReadOnlyDictionary<string, IReadOnlyList<string>>? groups = null, IReadOnlyList<string>? proclitics = null,
        IReadOnlyList<string>? exclusions = null, IReadOnlyList<string>? negations = null, IReadOnlyList<string>? postnegations = null)
    {
        ArgumentNullException.ThrowIfNull(terms);
        groups ??= new Dictionary<string, IReadOnlyList<string>>();
        var references = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (group, members) in groups)
        {
            if (members.Count == 0) throw new DomainException($"Group '{group}' is empty.", "groups");
            foreach (var member in members) CheckLiteral(member, $"group '{group}'");
        }
        foreach (var (kind, list) in terms)
        {
            if (FlagKinds.FlagOf(kind) == SignalFlags.None) throw new DomainException($"'{kind}' is not a flag kind.", "kinds");
            foreach (var term in list)
            {
                var (parts, _) = SplitTerm(term);
                foreach (var part in parts)
                {
                    if (part.StartsWith('@')) references.Add(part[1..]);
                    else if (part.StartsWith('%'))
                    {
                        if (FlagKinds.FlagOf(part[1..]) == SignalFlags.None) throw new DomainException($"Term '{term}' refers to unknown kind '{part}'.", "terms");
                        if (parts.Length == 1) throw new DomainException($"Term '{term}' is only a kind: combine it with another part.", "terms");
                    }
                    else CheckLiteral(part, $"kind '{kind}'");
                }
            }
        }
        foreach (var literal in exclusions ?? []) CheckLiteral(literal, "exclusions");
        foreach (var literal in negations ?? []) CheckLiteral(literal, "negations");
        foreach (var literal in postnegations ?? []) CheckLiteral(literal, "postnegations");
        foreach (var proclitic in proclitics ?? [])
            if (FlagText.Normalize(proclitic).Length == 0) throw new DomainException("A proclitic cannot be blank.", "proclitics");
        Terms = terms;
        Groups = groups;
        Proclitics = proclitics ?? [];
        Exclusions = exclusions ?? [];
        Negations = negations ?? [];
        PostNegations = postnegations ?? [];
        GroupReferences = references;
    }

    /// <summary>A term's parts, trimmed, and whether they may be anywhere in the text (else within the window).</summary>
    internal static (string[] Parts, bool Anywhere) SplitTerm(string term)
    {
        var near = term.Contains(NearSeparator, StringComparison.Ordinal);
        var anywhere = term.Contains(AnywhereSeparator, StringComparison.Ordinal);
        if (near && anywhere) throw new DomainException($"Term '{term}' mixes '+' and '&': use one.", "terms");
        var parts = term.Split(anywhere ? AnywhereSeparator : NearSeparator).Select(p => p.Trim()).ToArray();
        return (parts, anywhere);
    }

    /// <summary>A literal's normalised text and whether it must end a word.</summary>
    internal static (string Text, bool WholeWord) LiteralOf(string literal)
    {
        var trimmed = literal.Trim();
        var whole = trimmed.EndsWith(WholeWordMark);
        return (FlagText.Normalize(whole ? trimmed[..^1] : trimmed), whole);
    }

    private static void CheckLiteral(string literal, string where)
    {
        var (normalized, _) = LiteralOf(literal);
        // A literal must start a word: one that starts with punctuation or a space could never match.
        if (normalized.Length == 0 || !FlagText.IsWordStart(normalized, 0))
            throw new DomainException($"Term '{literal}' in {where} must start with a letter or digit.", "terms");
    }
}
