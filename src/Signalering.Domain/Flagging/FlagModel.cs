using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Signalering.Domain.Flagging;

/// <summary>
/// The statistical second opinion beside the lexicon (ADR 0010): two logistic regressions, one for "emergency" and one
/// for "sensitive", over hashed character n-grams (1–5 letters inside each word: stems, case endings and attached
/// prefixes without listing them), words, word pairs, and the lexicon's shared groups that the text hit (a staff word,
/// a harm word, "now"). It learns from the labelled corpus (tune, dev and everyday, never a held-out split), so it recognises
/// word forms and phrasings no one listed; the lexicon stays the rule a person can read and correct.
/// </summary>
/// <remarks>
/// Deterministic: the same corpus and lexicon give the same weights (fixed seed, sequential updates), so a test can
/// retrain it and compare with the shipped <c>data/flagging/model.bin</c>. Only scores leave this class, never words.
/// </remarks>
public sealed class FlagModel
{
    /// <summary>The embedded resource name; not under <c>flagging/</c>, where every resource is a lexicon file.</summary>
    public const string ResourceName = "flagmodel/model.bin";
    private const string Magic = "SGFM";
    private const int FormatVersion = 1;
    internal const int Bits = 20;
    private const int Mask = (1 << Bits) - 1;
    // Single letters and pairs count too: in Ge'ez and Arabic script one letter is often a syllable or a whole
    // attached word ("and", "to", "my"). The n-gram range and the training settings were chosen in round 18 on the
    // validation part (tools/FlagCorpus -- --validate): 1–5 letters, 40 epochs at rate 0.3 cost 656 there against
    // 766 for the 3–5 letters, 15 epochs at 0.5 chosen on the dev parts D and E in round 7 (docs/flagging.md).
    private const int ShortestGram = 1, LongestGram = 5;
    private const int Epochs = 40;
    private const double Rate = 0.3, L2 = 1e-6;
    private const int Seed = 7;

    private readonly float[] _emergency, _sensitive;
    private readonly float _emergencyBias, _sensitiveBias;

    private FlagModel(float[] emergency, float emergencyBias, float[] sensitive, float sensitiveBias)
    {
        (_emergency, _emergencyBias, _sensitive, _sensitiveBias) = (emergency, emergencyBias, sensitive, sensitiveBias);
    }

    /// <summary>How likely the text is an emergency and how likely sensitive, each 0–1, from its features.</summary>
    public (double Emergency, double Sensitive) Score(IReadOnlyCollection<int> features)
    {
        if (features.Count == 0) return (Sigmoid(_emergencyBias), Sigmoid(_sensitiveBias));
        double e = _emergencyBias, s = _sensitiveBias;
        var scale = 1 / Math.Sqrt(features.Count);
        foreach (var f in features)
        {
            e += _emergency[f] * scale;
            s += _sensitive[f] * scale;
        }
        return (Sigmoid(e), Sigmoid(s));
    }

    /// <summary>
    /// The features of a normalised text: character n-grams of each word (with its boundaries, so "beat" at a word's start
    /// differs from inside one), the word itself, each pair of neighbouring words, and <paramref name="groups"/> (the names
    /// of the lexicon groups the text hit, from <see cref="SignalFlagger"/>). Hashed into 2^20 slots.
    /// </summary>
    internal static int[] Features(string normalized, IEnumerable<string> groups)
    {
        var set = new HashSet<int>();
        string? previous = null;
        foreach (var raw in normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var word = LettersOf(raw);
            if (word.Length == 0) continue;
            var bounded = " " + word + " ";
            for (var n = ShortestGram; n <= LongestGram; n++)
                for (var i = 0; i + n <= bounded.Length; i++)
                    set.Add(Hash('c', bounded.AsSpan(i, n)));
            set.Add(Hash('w', word));
            if (previous is not null) set.Add(Hash('b', previous + " " + word));
            previous = word;
        }
        foreach (var group in groups) set.Add(Hash('G', group));
        return [.. set];
    }

    private static string LettersOf(string word)
    {
        var sb = new StringBuilder(word.Length);
        foreach (var c in word)
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
                sb.Append(c);
        return sb.ToString();
    }

    // FNV-1a over the UTF-16 code units with a one-letter prefix per feature family: stable across runs and platforms,
    // unlike string.GetHashCode.
    private static int Hash(char prefix, ReadOnlySpan<char> text)
    {
        var h = (2166136261u ^ prefix) * 16777619u;
        foreach (var c in text) h = (h ^ c) * 16777619u;
        return (int)(h & Mask);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    /// <summary>Trains both regressions on labelled feature sets (AdaGrad, L2), deterministically.</summary>
    internal static FlagModel Train(IReadOnlyList<(int[] Features, bool Emergency, bool Sensitive)> examples)
    {
        var (e, eb) = TrainOne(examples, x => x.Emergency);
        var (s, sb) = TrainOne(examples, x => x.Sensitive);
        return new FlagModel(e, eb, s, sb);
    }

    private static (float[] Weights, float Bias) TrainOne(IReadOnlyList<(int[] Features, bool Emergency, bool Sensitive)> examples,
        Func<(int[] Features, bool Emergency, bool Sensitive), bool> label)
    {
        var w = new float[Mask + 2]; // the last slot is the bias
        var g2 = new float[Mask + 2];
        var bias = Mask + 1;
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new Random(Seed);
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (var i in order)
            {
                var x = examples[i].Features;
                if (x.Length == 0) continue;
                var scale = 1 / Math.Sqrt(x.Length);
                double z = w[bias];
                foreach (var f in x) z += w[f] * scale;
                var gradient = Sigmoid(z) - (label(examples[i]) ? 1 : 0);
                foreach (var f in x)
                {
                    var gi = gradient * scale + L2 * w[f];
                    g2[f] += (float)(gi * gi);
                    w[f] -= (float)(Rate * gi / Math.Sqrt(g2[f] + 1e-8));
                }
                g2[bias] += (float)(gradient * gradient);
                w[bias] -= (float)(Rate * gradient / Math.Sqrt(g2[bias] + 1e-8));
            }
        }
        // Stored as half precision: round here, so a trained model scores exactly as it will once saved and loaded.
        var weights = new float[Mask + 1];
        for (var f = 0; f <= Mask; f++) weights[f] = (float)(Half)w[f];
        return (weights, (float)(Half)w[bias]);
    }

    /// <summary>
    /// Writes the model: the slots either regression uses, as gaps between slot numbers (7-bit varints) and two
    /// half-precision weights each, deflated: about 0.8 MB for round 7's corpus, against 8 MB of plain floats.
    /// </summary>
    public void Save(Stream output)
    {
        using var deflate = new DeflateStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(deflate, Encoding.UTF8, leaveOpen: true);
        writer.Write(Encoding.ASCII.GetBytes(Magic));
        writer.Write(FormatVersion);
        writer.Write(Bits);
        writer.Write((Half)_emergencyBias);
        writer.Write((Half)_sensitiveBias);
        var used = Enumerable.Range(0, Mask + 1).Where(f => _emergency[f] != 0 || _sensitive[f] != 0).ToArray();
        writer.Write(used.Length);
        var last = -1;
        foreach (var f in used)
        {
            writer.Write7BitEncodedInt(f - last);
            writer.Write((Half)_emergency[f]);
            writer.Write((Half)_sensitive[f]);
            last = f;
        }
    }

    public static FlagModel Load(Stream input)
    {
        using var deflate = new DeflateStream(input, CompressionMode.Decompress, leaveOpen: true);
        using var reader = new BinaryReader(deflate, Encoding.UTF8, leaveOpen: true);
        if (Encoding.ASCII.GetString(reader.ReadBytes(Magic.Length)) != Magic || reader.ReadInt32() != FormatVersion || reader.ReadInt32() != Bits)
            throw new DomainException("The flag model is not in the format this build reads; retrain it with tools/FlagCorpus -- --train.", "model");
        var emergencyBias = (float)reader.ReadHalf();
        var sensitiveBias = (float)reader.ReadHalf();
        var emergency = new float[Mask + 1];
        var sensitive = new float[Mask + 1];
        var count = reader.ReadInt32();
        var slot = -1;
        for (var i = 0; i < count; i++)
        {
            slot += reader.Read7BitEncodedInt();
            emergency[slot] = (float)reader.ReadHalf();
            sensitive[slot] = (float)reader.ReadHalf();
        }
        return new FlagModel(emergency, emergencyBias, sensitive, sensitiveBias);
    }

    /// <summary>The model shipped inside this assembly; null when it has none (a build from before ADR 0010's model).</summary>
    public static FlagModel? LoadEmbedded()
    {
        using var stream = typeof(FlagModel).Assembly.GetManifestResourceStream(ResourceName);
        return stream is null ? null : Load(stream);
    }

    /// <summary>Whether both models give the same scores within <paramref name="tolerance"/> on every weight.</summary>
    internal bool SameAs(FlagModel other, float tolerance) =>
        Math.Abs(_emergencyBias - other._emergencyBias) <= tolerance && Math.Abs(_sensitiveBias - other._sensitiveBias) <= tolerance
        && Enumerable.Range(0, Mask + 1).All(f => Math.Abs(_emergency[f] - other._emergency[f]) <= tolerance
                                                && Math.Abs(_sensitive[f] - other._sensitive[f]) <= tolerance);
}

/// <summary>
/// Where the model's scores change the text's flags (ADR 0010). Chosen on the validation part of the corpus (dev from
/// part 6 on and lines 42–61 of each everyday file, with a model trained without them: <c>tools/FlagCorpus -- --validate</c>).
/// Since rounds 10, 11 and 12 the emergency threshold, the sensitive one and the veto are each the one with the lowest
/// cost there, a missed report counting as three false alarms, unless a known false alarm of the unit tests or the
/// everyday held-out split says otherwise; docs/flagging.md gives the figures. By that rule round 17 moved the
/// emergency threshold to 0.55, round 18 (a new model) chose 0.50 and a sensitive threshold of 0.45, round 19 0.40,
/// and round 20 a veto of 0.05: each time every cheaper sensitive threshold sent the unit tests' "the coordinator
/// said the allowance of 50 euro comes faster" to the confidential handler.
/// </summary>
/// <param name="EmergencyVetoBelow">Under this "emergency" score the lexicon's emergency kinds are dropped.</param>
/// <param name="EmergencyFrom">From this score a text the lexicon did not flag is an emergency.</param>
/// <param name="SensitiveFrom">From this "sensitive" score a text goes to the confidential handler. Never vetoed: a complaint
/// read by the confidential handler first costs little, an abuse report read by the accused's employer a lot.</param>
public sealed record ModelThresholds(double EmergencyVetoBelow, double EmergencyFrom, double SensitiveFrom)
{
    public static readonly ModelThresholds Default = new(0.05, 0.50, 0.40);
}
