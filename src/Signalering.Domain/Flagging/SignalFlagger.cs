namespace Signalering.Domain.Flagging;

/// <summary>
/// Flags a resident's free text as <see cref="SignalFlags.Emergency"/> and/or <see cref="SignalFlags.Sensitive"/> from the
/// original text (and, once Translator answered, from the Dutch translation too): a resident reporting a fire or a guard
/// who hits them must be answered (112, 113, confidential route) the moment they submit.
/// <para>
/// Every language's lexicon is checked whatever the form language, because residents often write English, Dutch or a
/// second language in any form. The lexicon is compiled once into an index by first character; flagging is one scan
/// over the word starts of the normalised text: exclusions mask their span first ("fire alarm"), then literals are
/// probed at every unmasked word start and after each proclitic. Instances are immutable and safe to share.
/// </para>
/// Recall matters more than precision here: a missed emergency is worse than a needless 112 hint, and a complaint
/// about staff read by the confidential handler first is better than an abuse report read by the accused's employer.
/// <para>
/// With a <see cref="FlagModel"/> (ADR 0010, the shipped flagger has one) a learned reading of texts of five words or
/// more adds the flags the lexicon missed and drops a lexicon emergency the model is nearly sure is none.
/// </para>
/// </summary>
public sealed class SignalFlagger
{
    /// <summary>How many words apart the parts of a near term ("@staff + @hurt") may be.</summary>
    public const int PartWindowWords = 12;

    /// <summary>
    /// The model speaks only on texts of at least this many words. It learned from messages of a sentence or more (98%
    /// of the corpus's flagged lines); on a word or two ("Wonen", "Hałas") its score is one n-gram's accident, and a
    /// short cry for help ("brand!", "help") is the lexicon's to catch.
    /// </summary>
    public const int ModelMinWords = 5;

    private static readonly Lazy<SignalFlagger> LazyDefault = new(() => new SignalFlagger(FlagLexicon.LoadEmbedded(), FlagModel.LoadEmbedded()));

    /// <summary>The flagger over the embedded lexicon and model, loaded on first use.</summary>
    public static SignalFlagger Default => LazyDefault.Value;

    // Literals by their first two characters (a one-character literal under its character and '\0'): with some
    // 29,500 literals, the first character alone leaves hundreds to compare at every word start.
    private readonly Dictionary<(char, char), Literal[]> _literalsByStart;
    private readonly Dictionary<char, Literal[]> _exclusionsByFirstChar;
    private readonly Dictionary<char, Literal[]> _negationsByFirstChar;
    private readonly Dictionary<char, Literal[]> _postNegationsByFirstChar;
    private readonly Proclitic[] _proclitics;
    private readonly int[][] _kindsByLiteral;          // literal id → kind indexes of single-part terms
    private readonly Combination[] _combinations;
    // Literal id → the combinations whose first part it is in: only those can match a text that hit it, so a text is
    // checked against a handful of the thousands of combinations.
    private readonly int[][] _combinationsByAnchor;
    private readonly string[] _literalLabels;          // literal id → "lang:text", for diagnostics only
    private readonly int[] _literalWordCounts;         // literal id → how many words it spans
    private readonly string[] _kindNames;
    private readonly bool[] _kindIsEmergency;
    private readonly string[][] _groupsByLiteral;      // literal id → the shared groups it belongs to, the model's features
    // Set by the constructor, or on WithModel's copy and nowhere else.
    private FlagModel? _model;
    private ModelThresholds _thresholds = ModelThresholds.Default;

    /// <param name="model">The statistical second opinion (ADR 0010); without it, the lexicon alone decides.</param>
    public SignalFlagger(FlagLexicon lexicon, FlagModel? model = null)
    {
        _model = model;
        ArgumentNullException.ThrowIfNull(lexicon);
        _kindNames = [.. FlagKinds.All];
        _kindIsEmergency = _kindNames.Select(k => FlagKinds.FlagOf(k) == SignalFlags.Emergency).ToArray();
        var literalIds = new Dictionary<(int Language, string Text, bool Whole), int>();
        var literals = new List<Literal>();
        var kindsByLiteral = new List<HashSet<int>>();
        var combinations = new Dictionary<string, Combination>(StringComparer.Ordinal);
        var pendingCombinations = new List<(int Kind, bool Anywhere, string[] Parts, int Language)>();
        var proclitics = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var exclusions = new List<Literal>();
        var negations = new List<Literal>();
        var postNegations = new List<Literal>();
        var languageCodes = lexicon.Languages.Keys.ToArray();

        int IdOf(int language, string raw)
        {
            var (text, whole) = LanguageLexicon.LiteralOf(raw);
            if (!literalIds.TryGetValue((language, text, whole), out var id))
            {
                id = literals.Count;
                literalIds.Add((language, text, whole), id);
                literals.Add(new Literal(text, whole, language, id, CountWordStarts(text, 0, text.Length)));
                kindsByLiteral.Add([]);
            }
            return id;
        }

        // Groups are shared by all languages: "@staff" is a staff word in any of them.
        var groupIds = new Dictionary<string, int[]>(StringComparer.Ordinal);
        for (var language = 0; language < languageCodes.Length; language++)
            foreach (var (group, members) in lexicon.Languages[languageCodes[language]].Groups)
                groupIds[group] = [.. (groupIds.GetValueOrDefault(group) ?? []).Concat(members.Select(m => IdOf(language, m))).Distinct()];

        for (var language = 0; language < languageCodes.Length; language++)
        {
            var lex = lexicon.Languages[languageCodes[language]];
            foreach (var proclitic in lex.Proclitics)
            {
                var p = FlagText.Normalize(proclitic);
                if (!proclitics.TryGetValue(p, out var owners)) proclitics.Add(p, owners = []);
                owners.Add(language);
            }
            foreach (var raw in lex.Exclusions)
            {
                var (text, whole) = LanguageLexicon.LiteralOf(raw);
                exclusions.Add(new Literal(text, whole, language, -1, 0));
            }
            foreach (var raw in lex.Negations)
                negations.Add(new Literal(LanguageLexicon.LiteralOf(raw).Text, true, language, -1, 0));
            foreach (var raw in lex.PostNegations)
                postNegations.Add(new Literal(LanguageLexicon.LiteralOf(raw).Text, true, language, -1, 0));
            foreach (var (kind, terms) in lex.Terms)
            {
                var kindIndex = Array.IndexOf(_kindNames, kind);
                foreach (var term in terms)
                {
                    var (parts, anywhere) = LanguageLexicon.SplitTerm(term);
                    if (parts.Length == 1) kindsByLiteral[IdOf(language, parts[0])].Add(kindIndex);
                    else pendingCombinations.Add((kindIndex, anywhere, parts, language));
                }
            }
        }
        // Combinations last, so that a "%kind" part sees every single-literal term of that kind in every language.
        var kindIds = new Dictionary<string, int[]>(StringComparer.Ordinal);
        // A group's or kind's array is shared by every combination that names it, and so is its set: thousands of
        // combinations each holding their own copy of a two-thousand-word group would cost tens of megabytes.
        var partSets = new Dictionary<int[], HashSet<int>>(ReferenceEqualityComparer.Instance);
        HashSet<int> SetOf(int[] ids) => partSets.TryGetValue(ids, out var set) ? set : partSets[ids] = [.. ids];
        foreach (var (kindIndex, anywhere, parts, language) in pendingCombinations)
        {
            var partIds = parts.Select(p => p[0] switch
            {
                '@' => groupIds[p[1..]],
                '%' => kindIds.TryGetValue(p, out var ids) ? ids : kindIds[p] =
                    Enumerable.Range(0, kindsByLiteral.Count).Where(id => kindsByLiteral[id].Contains(Array.IndexOf(_kindNames, p[1..]))).ToArray(),
                _ => [IdOf(language, p)],
            }).ToArray();
            // The same "@staff & @harm" in seventeen languages is one combination.
            var key = $"{kindIndex}|{anywhere}|{string.Join('|', partIds.Select(p => string.Join(',', p)))}";
            combinations.TryAdd(key, new Combination(kindIndex, anywhere, partIds, [.. partIds.Select(SetOf)]));
        }

        _literalsByStart = literals.GroupBy(l => (l.Text[0], l.Text.Length > 1 ? l.Text[1] : '\0')).ToDictionary(g => g.Key, g => g.ToArray());
        _exclusionsByFirstChar = exclusions.GroupBy(l => l.Text[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _negationsByFirstChar = negations.GroupBy(l => l.Text[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _postNegationsByFirstChar = postNegations.GroupBy(l => l.Text[0]).ToDictionary(g => g.Key, g => g.ToArray());
        _proclitics = proclitics.Select(p => new Proclitic(p.Key, [.. p.Value])).ToArray();
        _kindsByLiteral = kindsByLiteral.Select(k => k.ToArray()).ToArray();
        _combinations = [.. combinations.Values];
        var byAnchor = new List<int>?[literals.Count];
        for (var c = 0; c < _combinations.Length; c++)
            foreach (var id in _combinations[c].Parts[0].Distinct())
                (byAnchor[id] ??= []).Add(c);
        _combinationsByAnchor = byAnchor.Select(l => l?.ToArray() ?? []).ToArray();
        _literalWordCounts = literals.Select(l => Math.Max(1, l.WordCount)).ToArray();
        _literalLabels = literals.Select(l => $"{languageCodes[l.Language]}:{l.Text}{(l.WholeWord ? "$" : "")}").ToArray();
        var groupsByLiteral = new SortedSet<string>?[literals.Count];
        foreach (var (group, ids) in groupIds)
            foreach (var id in ids)
                (groupsByLiteral[id] ??= new SortedSet<string>(StringComparer.Ordinal)).Add(group);
        _groupsByLiteral = groupsByLiteral.Select(g => g?.ToArray() ?? []).ToArray();
    }

    /// <summary>This lexicon with <paramref name="model"/> (null: the lexicon alone), for tools and tests that compare.</summary>
    public SignalFlagger WithModel(FlagModel? model, ModelThresholds? thresholds = null)
    {
        // A shallow copy shares the lexicon's index (immutable once built) instead of rebuilding it.
        var copy = (SignalFlagger)MemberwiseClone();
        copy._model = model;
        copy._thresholds = thresholds ?? ModelThresholds.Default;
        return copy;
    }

    /// <summary>
    /// Flags <paramref name="text"/>. <paramref name="language"/> is the form language the resident chose; any tag,
    /// also an unknown one, is accepted, because all lexicons are checked anyway. The result names kinds, never words.
    /// </summary>
    public FlagResult Flag(string? text, string language)
    {
        if (string.IsNullOrWhiteSpace(text)) return FlagResult.None;
        var normalized = FlagText.Normalize(text);
        var hits = Scan(normalized);
        var kinds = new HashSet<string>(StringComparer.Ordinal);
        if (hits is not null)
            foreach (var kind in MatchedKinds(hits)) kinds.Add(_kindNames[kind]);
        if (_model is not null && LongEnough(normalized)) Consult(_model, normalized, hits, kinds);
        if (kinds.Count == 0) return FlagResult.None;
        var flags = SignalFlags.None;
        foreach (var kind in kinds) flags |= FlagKinds.FlagOf(kind);
        return new FlagResult(flags, kinds);
    }

    /// <summary>
    /// The model's part (ADR 0010): it adds a flag the lexicon missed when it is confident, and drops the lexicon's
    /// emergency kinds when it is nearly sure the text is not one ("the smoke alarm beeps all night", "this heat kills
    /// us"). Sensitive kinds are never dropped.
    /// </summary>
    private void Consult(FlagModel model, string normalized, Dictionary<int, List<Occurrence>>? hits, HashSet<string> kinds)
    {
        var (emergency, sensitive) = model.Score(ModelFeatures(normalized, hits));
        ApplyScores(kinds, emergency, sensitive, _thresholds);
    }

    /// <summary>The rule of ADR 0010 on the lexicon's <paramref name="kinds"/>; the corpus tool sweeps thresholds with it.</summary>
    internal static void ApplyScores(HashSet<string> kinds, double emergency, double sensitive, ModelThresholds thresholds)
    {
        var lexiconEmergency = kinds.Any(k => FlagKinds.FlagOf(k) == SignalFlags.Emergency);
        if (lexiconEmergency && emergency < thresholds.EmergencyVetoBelow) kinds.RemoveWhere(k => FlagKinds.FlagOf(k) == SignalFlags.Emergency);
        else if (!lexiconEmergency && emergency >= thresholds.EmergencyFrom) kinds.Add(FlagKinds.LikelyEmergency);
        if (sensitive >= thresholds.SensitiveFrom && !kinds.Any(k => FlagKinds.FlagOf(k) == SignalFlags.Sensitive)) kinds.Add(FlagKinds.LikelySensitive);
    }

    /// <summary>Whether the model is consulted on <paramref name="text"/> at all: only on texts of <see cref="ModelMinWords"/> or more.</summary>
    internal static bool LongEnoughForModel(string? text) => !string.IsNullOrWhiteSpace(text) && LongEnough(FlagText.Normalize(text));

    private static bool LongEnough(string normalized) => normalized.Count(c => c == ' ') + 1 >= ModelMinWords;

    /// <summary>The model's features of a text: its n-grams and words, and the shared groups of every literal it hit
    /// that no negation cancelled.</summary>
    internal int[] ModelFeatures(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return [];
        var normalized = FlagText.Normalize(text);
        return ModelFeatures(normalized, Scan(normalized));
    }

    private int[] ModelFeatures(string normalized, Dictionary<int, List<Occurrence>>? hits) =>
        FlagModel.Features(normalized, hits is null ? [] : hits
            .Where(h => h.Value.Any(o => !o.Negated))
            .SelectMany(h => _groupsByLiteral[h.Key]));

    /// <summary>
    /// Which lexicon literals matched, as "language:term" ("!" before a negated one), for tuning the lexicon in tests and
    /// the corpus tool. Never log or store this: the terms say what the resident wrote.
    /// </summary>
    internal IReadOnlyList<string> Explain(string? text)
    {
        var hits = string.IsNullOrWhiteSpace(text) ? null : Scan(FlagText.Normalize(text));
        return hits is null ? [] : hits
            .Select(h => (h.Value.Any(o => !o.Negated) ? "" : "!") + _literalLabels[h.Key])
            .Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Literal id → where it matched (word index, negated or not); null when nothing did.</summary>
    private Dictionary<int, List<Occurrence>>? Scan(string normalized)
    {
        var masked = MaskExclusions(normalized);
        Dictionary<int, List<Occurrence>>? hits = null;
        HashSet<int>? postNegated = null;   // words that a postnegation follows
        var word = -1;
        var negatedWord = -1;   // the word right after a negation
        for (var i = 0; i < normalized.Length; i++)
        {
            if (!FlagText.IsWordStart(normalized, i)) continue;
            word++;
            if (masked is not null && masked[i]) continue;
            var negated = word == negatedWord;
            if (MatchNegation(_negationsByFirstChar, normalized, i) is { } length) negatedWord = word + CountWordStarts(normalized, i, length);
            if (word > 0 && MatchNegation(_postNegationsByFirstChar, normalized, i) is not null) (postNegated ??= []).Add(word - 1);
            Probe(normalized, masked, i, word, negated, null, ref hits);
            foreach (var proclitic in _proclitics)
            {
                var next = i + proclitic.Text.Length;
                if (next < normalized.Length && string.CompareOrdinal(normalized, i, proclitic.Text, 0, proclitic.Text.Length) == 0)
                    Probe(normalized, masked, next, word, negated, proclitic.Languages, ref hits);
            }
        }
        if (hits is not null && postNegated is not null)
            foreach (var (id, occurrences) in hits)
                for (var o = 0; o < occurrences.Count; o++)
                    if (postNegated.Contains(occurrences[o].Word + _literalWordCounts[id] - 1))
                        occurrences[o] = occurrences[o] with { Negated = true };
        return hits;
    }

    /// <summary>Marks the characters of every exclusion ("fire alarm") so that no literal overlapping them counts.</summary>
    private bool[]? MaskExclusions(string text)
    {
        bool[]? masked = null;
        for (var i = 0; i < text.Length; i++)
        {
            if (!FlagText.IsWordStart(text, i) || !_exclusionsByFirstChar.TryGetValue(text[i], out var candidates)) continue;
            foreach (var exclusion in candidates)
                if (Matches(text, i, exclusion))
                {
                    masked ??= new bool[text.Length];
                    Array.Fill(masked, true, i, exclusion.Text.Length);
                }
        }
        return masked;
    }

    private static int? MatchNegation(Dictionary<char, Literal[]> negations, string text, int start)
    {
        if (!negations.TryGetValue(text[start], out var candidates)) return null;
        int? longest = null;
        foreach (var negation in candidates)
            if (Matches(text, start, negation) && negation.Text.Length > (longest ?? 0)) longest = negation.Text.Length;
        return longest;
    }

    private static int CountWordStarts(string text, int start, int length)
    {
        var count = 0;
        for (var i = start; i < start + length; i++)
            if (FlagText.IsWordStart(text, i)) count++;
        return count;
    }

    private static bool Matches(string text, int start, Literal literal) =>
        text.AsSpan(start).StartsWith(literal.Text, StringComparison.Ordinal)
        && (!literal.WholeWord || start + literal.Text.Length == text.Length || !FlagText.IsWordChar(text, start + literal.Text.Length));

    private void Probe(string text, bool[]? masked, int start, int word, bool negated, int[]? onlyLanguages,
        ref Dictionary<int, List<Occurrence>>? hits)
    {
        if (_literalsByStart.TryGetValue((text[start], '\0'), out var single)) Probe(text, masked, start, word, negated, onlyLanguages, single, ref hits);
        if (start + 1 < text.Length && _literalsByStart.TryGetValue((text[start], text[start + 1]), out var candidates))
            Probe(text, masked, start, word, negated, onlyLanguages, candidates, ref hits);
    }

    private static void Probe(string text, bool[]? masked, int start, int word, bool negated, int[]? onlyLanguages, Literal[] candidates,
        ref Dictionary<int, List<Occurrence>>? hits)
    {
        foreach (var literal in candidates)
        {
            if (onlyLanguages is not null && Array.IndexOf(onlyLanguages, literal.Language) < 0) continue;
            if (!Matches(text, start, literal)) continue;
            if (masked is not null && Array.IndexOf(masked, true, start, literal.Text.Length) >= 0) continue;
            hits ??= [];
            if (!hits.TryGetValue(literal.Id, out var occurrences)) hits.Add(literal.Id, occurrences = []);
            if (occurrences.Count == 0 || occurrences[^1].Word != word) occurrences.Add(new Occurrence(word, negated));
            else if (!negated) occurrences[^1] = new Occurrence(word, false);
        }
    }

    private IEnumerable<int> MatchedKinds(Dictionary<int, List<Occurrence>> hits)
    {
        foreach (var (id, occurrences) in hits)
            foreach (var kind in _kindsByLiteral[id])
                if (!_kindIsEmergency[kind] || occurrences.Any(o => !o.Negated))
                    yield return kind;
        var checkedCombinations = new HashSet<int>();
        foreach (var id in hits.Keys)
            foreach (var c in _combinationsByAnchor[id])
                if (checkedCombinations.Add(c) && _combinations[c].Matches(hits, ignoreNegated: _kindIsEmergency[_combinations[c].Kind]))
                    yield return _combinations[c].Kind;
    }

    private sealed record Literal(string Text, bool WholeWord, int Language, int Id, int WordCount);

    private sealed record Proclitic(string Text, int[] Languages);

    private readonly record struct Occurrence(int Word, bool Negated);

    /// <summary>A term of several parts; each part is a set of alternative literals (a group, or one literal).</summary>
    /// <remarks>
    /// A "%violence" or "@harm" part has thousands of alternatives and a text hits a few dozen literals: walking the
    /// hits and asking the part's set (<paramref name="PartSets"/>) is what keeps flagging fast as the shared groups grow.
    /// </remarks>
    private sealed record Combination(int Kind, bool Anywhere, int[][] Parts, HashSet<int>[] PartSets)
    {

        public bool Matches(Dictionary<int, List<Occurrence>> hits, bool ignoreNegated)
        {
            // Anchor on each occurrence of the first part; every other part must occur within the window of it.
            foreach (var anchor in WordsOf(0, hits, ignoreNegated))
            {
                var all = true;
                for (var p = 1; p < Parts.Length && all; p++)
                    all = WordsOf(p, hits, ignoreNegated).Any(w => Anywhere || Math.Abs(w - anchor) <= PartWindowWords);
                if (all) return true;
            }
            return false;
        }

        private IEnumerable<int> WordsOf(int part, Dictionary<int, List<Occurrence>> hits, bool ignoreNegated)
        {
            if (hits.Count < Parts[part].Length)
            {
                foreach (var (id, occurrences) in hits)
                    if (PartSets[part].Contains(id))
                        foreach (var o in occurrences)
                            if (!ignoreNegated || !o.Negated) yield return o.Word;
                yield break;
            }
            foreach (var id in Parts[part])
                if (hits.TryGetValue(id, out var occurrences))
                    foreach (var o in occurrences)
                        if (!ignoreNegated || !o.Negated) yield return o.Word;
        }
    }
}
