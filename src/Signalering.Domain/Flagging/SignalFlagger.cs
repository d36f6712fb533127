namespace Signalering.Domain.Flagging;

/// <summary>
/// Flags a resident's free text as <see cref="SignalFlags.Emergency"/> and/or <see cref="SignalFlags.Sensitive"/> from the
/// original text, without translation: translation is asynchronous and may be unavailable, while a resident reporting
/// a fire or a guard who hits them must be answered (112, 113, confidential route) the moment they submit.
/// <para>
/// Every language's lexicon is checked whatever the form language, because residents often write English, Dutch or a
/// second language in any form. The lexicon is compiled once into an index by first character; flagging is one scan
/// over the word starts of the normalised text. Instances are immutable and safe to share between threads.
/// </para>
/// Recall matters more than precision here: a missed emergency is worse than a needless 112 hint.
/// </summary>
public sealed class SignalFlagger
{
    /// <summary>How many words apart the parts of a combined term ("@staff + @hurt") may be.</summary>
    public const int PartWindowWords = 12;

    private static readonly Lazy<SignalFlagger> LazyDefault = new(() => new SignalFlagger(FlagLexicon.LoadEmbedded()));

    /// <summary>The flagger over the embedded lexicon, loaded on first use.</summary>
    public static SignalFlagger Default => LazyDefault.Value;

    private readonly Dictionary<char, Literal[]> _literalsByFirstChar;
    private readonly Proclitic[] _proclitics;
    private readonly int[][] _kindsByLiteral;          // literal id → kind indexes of single-part terms
    private readonly Combination[] _combinations;
    private readonly string[] _literalLabels;          // literal id → "lang:text", for diagnostics only
    private readonly string[] _kindNames;

    public SignalFlagger(FlagLexicon lexicon)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        _kindNames = [.. FlagKinds.All];
        var literalIds = new Dictionary<(int Language, string Text), int>();
        var literals = new List<Literal>();
        var kindsByLiteral = new List<HashSet<int>>();
        var combinations = new List<Combination>();
        var proclitics = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);

        int IdOf(int language, string text)
        {
            var normalized = FlagText.Normalize(text);
            if (!literalIds.TryGetValue((language, normalized), out var id))
            {
                id = literals.Count;
                literalIds.Add((language, normalized), id);
                literals.Add(new Literal(normalized, language, id));
                kindsByLiteral.Add([]);
            }
            return id;
        }

        var languageCodes = lexicon.Languages.Keys.ToArray();
        for (var language = 0; language < languageCodes.Length; language++)
        {
            var lex = lexicon.Languages[languageCodes[language]];
            foreach (var proclitic in lex.Proclitics)
            {
                var p = FlagText.Normalize(proclitic);
                if (!proclitics.TryGetValue(p, out var owners)) proclitics.Add(p, owners = []);
                owners.Add(language);
            }
            foreach (var (kind, terms) in lex.Terms)
            {
                var kindIndex = Array.IndexOf(_kindNames, kind);
                foreach (var term in terms)
                {
                    var parts = term.Split(LanguageLexicon.PartSeparator);
                    var partIds = parts.Select(part => part.Trim() is var p && p.StartsWith('@')
                        ? lex.Groups[p[1..]].Select(member => IdOf(language, member)).Distinct().ToArray()
                        : [IdOf(language, p)]).ToArray();
                    if (partIds.Length == 1)
                        foreach (var id in partIds[0]) kindsByLiteral[id].Add(kindIndex);
                    else
                        combinations.Add(new Combination(kindIndex, partIds));
                }
            }
        }

        _literalsByFirstChar = literals.GroupBy(l => l.Text[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _proclitics = proclitics.Select(p => new Proclitic(p.Key, [.. p.Value])).ToArray();
        _kindsByLiteral = kindsByLiteral.Select(k => k.ToArray()).ToArray();
        _combinations = [.. combinations];
        _literalLabels = literals.Select(l => $"{languageCodes[l.Language]}:{l.Text}").ToArray();
    }

    /// <summary>
    /// Flags <paramref name="text"/>. <paramref name="language"/> is the form language the resident chose; any tag,
    /// also an unknown one, is accepted, because all lexicons are checked anyway. The result names kinds, never words.
    /// </summary>
    public FlagResult Flag(string? text, string language)
    {
        var hits = Scan(text);
        if (hits is null) return FlagResult.None;
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var kind in MatchedKinds(hits)) kinds.Add(_kindNames[kind]);
        if (kinds.Count == 0) return FlagResult.None;
        var flags = SignalFlags.None;
        foreach (var kind in kinds) flags |= FlagKinds.FlagOf(kind);
        return new FlagResult(flags, kinds);
    }

    /// <summary>
    /// Which lexicon literals matched, as "language:term", for tuning the lexicon in tests. Never log or store this:
    /// the terms say what the resident wrote.
    /// </summary>
    internal IReadOnlyList<string> Explain(string? text)
    {
        var hits = Scan(text);
        return hits is null ? [] : hits.Keys.Select(id => _literalLabels[id]).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Literal id → word indexes where it matched; null when nothing did.</summary>
    private Dictionary<int, List<int>>? Scan(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = FlagText.Normalize(text);
        Dictionary<int, List<int>>? hits = null;
        var word = -1;
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!FlagText.IsWordStart(normalized, i)) continue;
            word++;
            Probe(normalized, i, word, null, ref hits);
            foreach (var proclitic in _proclitics)
            {
                var next = i + proclitic.Text.Length;
                if (next < normalized.Length && string.CompareOrdinal(normalized, i, proclitic.Text, 0, proclitic.Text.Length) == 0)
                    Probe(normalized, next, word, proclitic.Languages, ref hits);
            }
        }
        return hits;
    }

    private void Probe(string text, int start, int word, int[]? onlyLanguages, ref Dictionary<int, List<int>>? hits)
    {
        if (!_literalsByFirstChar.TryGetValue(text[start], out var candidates)) return;
        var rest = text.AsSpan(start);
        foreach (var literal in candidates)
        {
            if (onlyLanguages is not null && Array.IndexOf(onlyLanguages, literal.Language) < 0) continue;
            if (!rest.StartsWith(literal.Text, StringComparison.Ordinal)) continue;
            hits ??= [];
            if (!hits.TryGetValue(literal.Id, out var words)) hits.Add(literal.Id, words = []);
            if (words.Count == 0 || words[^1] != word) words.Add(word);
        }
    }

    private IEnumerable<int> MatchedKinds(Dictionary<int, List<int>> hits)
    {
        foreach (var id in hits.Keys)
            foreach (var kind in _kindsByLiteral[id])
                yield return kind;
        foreach (var combination in _combinations)
            if (combination.Matches(hits))
                yield return combination.Kind;
    }

    private sealed record Literal(string Text, int Language, int Id);

    private sealed record Proclitic(string Text, int[] Languages);

    /// <summary>A term of several parts; each part is a set of alternative literals (a group, or one literal).</summary>
    private sealed record Combination(int Kind, int[][] Parts)
    {
        public bool Matches(Dictionary<int, List<int>> hits)
        {
            // Anchor on each occurrence of the first part; every other part must occur within the window of it.
            foreach (var anchor in WordsOf(Parts[0], hits))
            {
                var all = true;
                for (var p = 1; p < Parts.Length && all; p++)
                    all = WordsOf(Parts[p], hits).Any(w => Math.Abs(w - anchor) <= PartWindowWords);
                if (all) return true;
            }
            return false;
        }

        private static IEnumerable<int> WordsOf(int[] alternatives, Dictionary<int, List<int>> hits)
        {
            foreach (var id in alternatives)
                if (hits.TryGetValue(id, out var words))
                    foreach (var w in words) yield return w;
        }
    }
}
