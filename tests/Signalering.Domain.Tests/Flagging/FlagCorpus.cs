using Signalering.Domain.Flagging;

namespace Signalering.Domain.Tests.Flagging;

/// <summary>
/// The labelled corpus of resident messages (docs/flagging.md): <c>Corpus/{split}/{lang}.tsv</c>, one message a line,
/// <c>label TAB text TAB English gloss [TAB tags]</c>. Labels: <c>E</c> emergency, <c>S</c> sensitive, <c>ES</c> both,
/// <c>-</c> an ordinary complaint. Tags (comma-separated, optional) say what a line tests: <c>staff</c> (names staff),
/// <c>false-alarm</c> (a known false alarm such as a fire alarm), <c>translit</c> (Arabic or Persian in Latin letters),
/// <c>misspelt</c>, <c>third-person</c>, <c>mixed</c> (two languages). Lines starting with # are comments.
/// The <c>tune</c> split is what the lexicon is tuned on; <c>dev</c> was written separately as a held-out set, measured
/// once, and then used to find the kinds of gaps; the <c>heldout</c> split was written separately again and the lexicon
/// is not tuned on it, so its figures say how the lexicon does on messages it has never seen.
/// </summary>
public sealed record CorpusLine(string Split, string Language, int LineNumber, bool Emergency, bool Sensitive, string Text, string Gloss, IReadOnlySet<string> Tags)
{
    public bool Ordinary => !Emergency && !Sensitive;
}

public static class FlagCorpus
{
    public const string Tune = "tune";
    /// <summary>Written as a held-out set in round 1, then used to find the kinds of gaps the lexicon had (round 2).</summary>
    public const string Dev = "dev";
    public const string HeldOut = "heldout";
    /// <summary>
    /// Everyday complaints only (round 7): short, mundane messages as most residents send them, written without reading
    /// the lexicon or any corpus file. The model learns from this split; <see cref="EverydayHeldOut"/>, written with it
    /// but about other situations, measures how many everyday messages are flagged at all.
    /// </summary>
    public const string Everyday = "everyday";
    public const string EverydayHeldOut = "everyday-heldout";

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Flagging", "Corpus");

    public static IReadOnlyList<CorpusLine> Load(string split) => LoadFrom(Folder, split);

    public static IReadOnlyList<CorpusLine> LoadFrom(string folder, string split)
    {
        var lines = new List<CorpusLine>();
        var splitFolder = Path.Combine(folder, split);
        if (!Directory.Exists(splitFolder)) return lines;
        foreach (var file in Directory.GetFiles(splitFolder, "*.tsv").Order(StringComparer.Ordinal))
        {
            var language = Path.GetFileNameWithoutExtension(file);
            var number = 0;
            foreach (var raw in File.ReadLines(file))
            {
                number++;
                if (raw.Length == 0 || raw.StartsWith('#')) continue;
                var cols = raw.Split('\t');
                if (cols.Length < 3 || cols[1].Trim().Length == 0 || cols[2].Trim().Length == 0)
                    throw new InvalidDataException($"{split}/{language}.tsv:{number}: expected 'label<TAB>text<TAB>gloss[<TAB>tags]'");
                var (emergency, sensitive) = cols[0].Trim() switch
                {
                    "E" => (true, false),
                    "S" => (false, true),
                    "ES" or "SE" => (true, true),
                    "-" => (false, false),
                    var other => throw new InvalidDataException($"{split}/{language}.tsv:{number}: unknown label '{other}'"),
                };
                var tags = cols.Length > 3
                    ? cols[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
                    : new HashSet<string>(StringComparer.Ordinal);
                lines.Add(new CorpusLine(split, language, number, emergency, sensitive, cols[1], cols[2], tags));
            }
        }
        return lines;
    }

    /// <summary>The figures for one set of lines: recall and precision per flag, false alarms on ordinary complaints.</summary>
    public static CorpusScore Score(IEnumerable<CorpusLine> lines, SignalFlagger flagger)
    {
        var s = new CorpusScore();
        foreach (var line in lines)
        {
            var result = flagger.Flag(line.Text, line.Language);
            s.Lines++;
            Count(line.Emergency, result.IsEmergency, ref s.EmergencyPositives, ref s.EmergencyHits, ref s.EmergencyFalse);
            Count(line.Sensitive, result.IsSensitive, ref s.SensitivePositives, ref s.SensitiveHits, ref s.SensitiveFalse);
            if (line.Ordinary)
            {
                s.Ordinary++;
                if (result.Flags != SignalFlags.None) s.OrdinaryFlagged++;
                if (result.IsSensitive) s.OrdinaryMovedFromOperator++;
                if (line.Tags.Contains("staff"))
                {
                    s.OrdinaryNamingStaff++;
                    if (result.IsSensitive) s.OrdinaryNamingStaffMoved++;
                }
            }
            if (line.Emergency != result.IsEmergency || line.Sensitive != result.IsSensitive) s.Misses.Add((line, result));
        }
        return s;
    }

    /// <summary>The figures table's header and rows, one format for the test's output and the tool's.</summary>
    public static string Header(string split) =>
        $"{split}: language | lines | emergency recall | emergency precision | sensitive recall | sensitive precision | false alarms | ordinary naming staff sent to confidential";

    public static string Row(string name, CorpusScore s) => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{name} | {s.Lines} | {s.EmergencyRecall:0.00} ({s.EmergencyHits}/{s.EmergencyPositives}) | {s.EmergencyPrecision:0.00} | {s.SensitiveRecall:0.00} ({s.SensitiveHits}/{s.SensitivePositives}) | {s.SensitivePrecision:0.00} | {s.FalseAlarmRate:0.00} ({s.OrdinaryFlagged}/{s.Ordinary}) | {s.OrdinaryNamingStaffMoved}/{s.OrdinaryNamingStaff}");

    private static void Count(bool expected, bool got, ref int positives, ref int hits, ref int falseHits)
    {
        if (expected) positives++;
        if (expected && got) hits++;
        if (!expected && got) falseHits++;
    }
}

public sealed class CorpusScore
{
    public int Lines, Ordinary, OrdinaryFlagged, OrdinaryMovedFromOperator, OrdinaryNamingStaff, OrdinaryNamingStaffMoved;
    public int EmergencyPositives, EmergencyHits, EmergencyFalse;
    public int SensitivePositives, SensitiveHits, SensitiveFalse;
    public List<(CorpusLine Line, FlagResult Got)> Misses { get; } = [];

    public double EmergencyRecall => Ratio(EmergencyHits, EmergencyPositives);
    public double SensitiveRecall => Ratio(SensitiveHits, SensitivePositives);
    public double EmergencyPrecision => Ratio(EmergencyHits, EmergencyHits + EmergencyFalse);
    public double SensitivePrecision => Ratio(SensitiveHits, SensitiveHits + SensitiveFalse);
    /// <summary>Share of ordinary complaints that got any flag (a needless 112 hint or a needless confidential route).</summary>
    public double FalseAlarmRate => Ordinary == 0 ? 0 : (double)OrdinaryFlagged / Ordinary;

    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
}
