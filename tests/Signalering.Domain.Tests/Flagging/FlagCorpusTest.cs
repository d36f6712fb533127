using System.Globalization;
using System.Text;
using Signalering.Domain.Flagging;
using Signalering.Domain.Languages;
using Xunit.Abstractions;

namespace Signalering.Domain.Tests.Flagging;

/// <summary>
/// Recall and precision of the shipped lexicon and model (ADR 0010) on the labelled corpus, per language and overall,
/// against floors.
/// The tune and dev splits (both tuned on) must meet the product's floors; the held-out split (never tuned on) has the
/// floors stated in docs/flagging.md, set from its measured figures. The figures table is printed to the test output:
/// <c>dotnet test tests/Signalering.Domain.Tests --filter FullyQualifiedName~FlagCorpusTest --logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class FlagCorpusTest(ITestOutputHelper output)
{
    // The product's floors (issue 11): recall of emergencies and sensitive reports, false alarms on ordinary complaints.
    public const double RecallFloor = 0.95;
    public const double FalseAlarmCeiling = 0.10;
    // Held-out floors, overall: a little under what the lexicon and model measured on messages neither was tuned or
    // trained on, so that a change that loses ground fails. Regression guards, not the product's floors above, which
    // the held-out split meets overall but not in every language (docs/flagging.md says where). Since round 14 the
    // held-out split is a set of 60 lines a language written to be hard (as shipped: set N in round 14, 0.92, 0.91,
    // 0.04; set O in round 15, 0.94, 0.92, 0.03; set P in round 16, 0.93, 0.95, 0.03; set Q in round 17, 0.96, 0.95,
    // 0.02; set R in round 18, 0.96, 0.95, 0.03; set S in round 19, 0.97, 0.97, 0.01; set T since round 20, 0.95, 0.97,
    // 0.02); the floors were 0.90 and 0.89 in rounds 14–17, 0.93 and 0.92 in round 18.
    public const double HeldOutEmergencyRecallFloor = 0.94;
    public const double HeldOutSensitiveRecallFloor = 0.94;
    public const double HeldOutFalseAlarmCeiling = 0.05;
    // Everyday complaints never learned from (docs/flagging.md): a little over the measured rate (13 of 425 in round 14,
    // 11–14 of 425 in rounds 12–13, 7–12 in rounds 16–20).
    public const double EverydayHeldOutFalseAlarmCeiling = 0.035;

    private static readonly SignalFlagger Flagger = SignalFlagger.Default;

    [Fact]
    public void Corpus_HasAtLeastFortyLinesPerLanguage_HalfPositive_WithGlosses()
    {
        var all = FlagCorpus.Load(FlagCorpus.Tune).Concat(FlagCorpus.Load(FlagCorpus.Dev)).Concat(FlagCorpus.Load(FlagCorpus.HeldOut)).ToList();
        foreach (var language in FormLanguages.All)
        {
            var lines = all.Where(l => l.Language == language.Code).ToList();
            Assert.True(lines.Count >= 40, $"{language.Code}: {lines.Count} lines, want at least 40");
            var positive = lines.Count(l => !l.Ordinary);
            Assert.True(positive * 10 >= lines.Count * 4 && positive * 10 <= lines.Count * 6,
                $"{language.Code}: {positive} of {lines.Count} positive, want about half");
            Assert.True(lines.Any(l => l.Split == FlagCorpus.HeldOut), $"{language.Code}: no held-out lines");
        }
    }

    [Fact]
    public void TuneSplit_MeetsTheFloors_PerLanguage()
    {
        var failures = Check(FlagCorpus.Tune, RecallFloor, FalseAlarmCeiling, showTexts: true);
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public void DevSplit_MeetsTheFloors_PerLanguage()
    {
        var failures = Check(FlagCorpus.Dev, RecallFloor, FalseAlarmCeiling, showTexts: true);
        Assert.True(failures.Length == 0, failures);
    }

    [Fact]
    public void HeldOutSplit_MeetsItsFloors_PerLanguage()
    {
        // Texts of held-out misses are not shown: whoever tunes the lexicon should not read them.
        Check(FlagCorpus.HeldOut, 0, 1, showTexts: false); // prints the per-language table
        var all = FlagCorpus.Score(FlagCorpus.Load(FlagCorpus.HeldOut), Flagger);
        Assert.True(all.Lines >= 17 * 20, $"held-out has {all.Lines} lines");
        Assert.True(all.EmergencyRecall >= HeldOutEmergencyRecallFloor, $"held-out emergency recall {all.EmergencyRecall:0.00}");
        Assert.True(all.SensitiveRecall >= HeldOutSensitiveRecallFloor, $"held-out sensitive recall {all.SensitiveRecall:0.00}");
        Assert.True(all.FalseAlarmRate <= HeldOutFalseAlarmCeiling, $"held-out false alarms {all.FalseAlarmRate:0.00}");
    }

    [Fact]
    public void EverydayComplaints_AreRarelyFlagged()
    {
        // Learned from: every language within the product's ceiling.
        var failures = Check(FlagCorpus.Everyday, 0, FalseAlarmCeiling, showTexts: true);
        Assert.True(failures.Length == 0, failures);
        // Never learned from: how many everyday messages the text flags at all.
        Check(FlagCorpus.EverydayHeldOut, 0, 1, showTexts: false);
        var heldOut = FlagCorpus.Score(FlagCorpus.Load(FlagCorpus.EverydayHeldOut), Flagger);
        Assert.True(heldOut.FalseAlarmRate <= EverydayHeldOutFalseAlarmCeiling, $"everyday held-out false alarms {heldOut.FalseAlarmRate:0.00}");
    }

    private string Check(string split, double recallFloor, double falseAlarmCeiling, bool showTexts)
    {
        var lines = FlagCorpus.Load(split);
        Assert.True(lines.Count >= 17 * 20, $"{split}: only {lines.Count} lines found in {FlagCorpus.Folder}");
        var failures = new StringBuilder();
        var table = new StringBuilder(FlagCorpus.Header(split)).AppendLine();
        foreach (var group in lines.GroupBy(l => l.Language).OrderBy(g => g.Key, StringComparer.Ordinal).Append(null))
        {
            var name = group?.Key ?? "all";
            var score = FlagCorpus.Score(group ?? (IEnumerable<CorpusLine>)lines, Flagger);
            table.AppendLine(FlagCorpus.Row(name, score));
            if (score.EmergencyRecall < recallFloor || score.SensitiveRecall < recallFloor || score.FalseAlarmRate > falseAlarmCeiling)
            {
                failures.AppendLine(CultureInfo.InvariantCulture,
                    $"{split}/{name}: emergency recall {score.EmergencyRecall:0.00}, sensitive recall {score.SensitiveRecall:0.00}, false alarms {score.FalseAlarmRate:0.00}");
                if (group is not null && showTexts)
                    foreach (var (line, got) in score.Misses)
                        failures.AppendLine(CultureInfo.InvariantCulture,
                            $"  {line.Language}.tsv:{line.LineNumber} want {Label(line.Emergency, line.Sensitive)} got {Label(got.IsEmergency, got.IsSensitive)}: {line.Text} | {line.Gloss} | matched {string.Join(", ", Flagger.Explain(line.Text))}");
            }
        }
        output.WriteLine(table.ToString());
        return failures.ToString();
    }

    private static string Label(bool emergency, bool sensitive) => (emergency, sensitive) switch
    {
        (true, true) => "ES",
        (true, false) => "E",
        (false, true) => "S",
        _ => "-",
    };
}
