using Signalering.Domain.Expertpool;
using static Signalering.Domain.Tests.Expertpool.ExpertpoolFixtures;

namespace Signalering.Domain.Tests.Expertpool;

/// <summary>Score statistics on hand-made sets whose answers are worked out on paper.</summary>
public sealed class ScoreStatisticsTest
{
    [Fact]
    public void OddCount_MeanMedianAndDistribution()
    {
        var s = ScoreSummary.Of([8, 3, 10, 7, 7]);
        Assert.Equal(5, s.Count);
        Assert.Equal(7.0, s.Mean);
        Assert.Equal(7.0, s.Median);
        Assert.Equal([0, 0, 1, 0, 0, 0, 2, 1, 0, 1], s.Distribution);
    }

    [Fact]
    public void EvenCount_MedianIsTheMeanOfTheTwoMiddleScores()
    {
        var s = ScoreSummary.Of([10, 4, 7, 1]);
        Assert.Equal(5.5, s.Median);
        Assert.Equal(5.5, s.Mean);
        Assert.Equal(6.0, ScoreSummary.Of([2, 4, 8, 9]).Median);
        Assert.Equal(4.0, ScoreSummary.Of([2, 4, 8, 9]).Distribution.Sum());
    }

    [Fact]
    public void NoScores_NoMeanNoMedian()
    {
        var s = ScoreSummary.Of([]);
        Assert.Equal(0, s.Count);
        Assert.Null(s.Mean);
        Assert.Null(s.Median);
        Assert.All(s.Distribution, n => Assert.Equal(0, n));
    }

    [Fact]
    public void ScoreOutsideOneToTen_IsRefused() => Assert.Throws<DomainException>(() => ScoreSummary.Of([0, 5]));

    [Fact]
    public void Analysis_KnownSet_TotalsAndPerGroup()
    {
        var c = Consultation();
        // Asylum seekers (6) score taal 2,4,6,8,10,10; Ukrainians (5) score 5,5,9,9,1; one asylum seeker skips werk.
        int[] azc = [2, 4, 6, 8, 10, 10];
        int[] ua = [5, 5, 9, 9, 1];
        var answers = azc.Select((s, i) => Answer(c, "a" + i, TargetGroups.AsylumSeeker, taal: s, werk: i == 0 ? null : 6, choice: i % 3))
            .Concat(ua.Select((s, i) => Answer(c, "u" + i, TargetGroups.Ukrainian, taal: s, werk: 3, choice: 1))).ToList();

        var analysis = ConsultationAnalysis.Of(c, answers);

        Assert.Equal(11, analysis.Answers);
        var taal = analysis.Indicators.Single(r => r.Indicator.Code == "taal");
        Assert.Equal(11, taal.All!.Count);
        Assert.Equal(69.0 / 11, taal.All!.Mean!.Value, 9);
        Assert.Equal(6.0, taal.All!.Median); // 1 2 4 5 5 [6] 8 9 9 10 10
        Assert.Equal([1, 1, 0, 1, 2, 1, 0, 1, 2, 2], taal.All!.Distribution);
        var azcTaal = taal.ByGroup.Single(g => g.TargetGroup == TargetGroups.AsylumSeeker);
        Assert.False(azcTaal.Suppressed);
        Assert.Equal(40.0 / 6, azcTaal.Scores!.Mean!.Value, 9);
        Assert.Equal(7.0, azcTaal.Scores.Median); // (6 + 8) / 2
        var uaTaal = taal.ByGroup.Single(g => g.TargetGroup == TargetGroups.Ukrainian);
        Assert.Equal(5.8, uaTaal.Scores!.Mean!.Value, 9);
        Assert.Equal(5.0, uaTaal.Scores.Median);

        var werk = analysis.Indicators.Single(r => r.Indicator.Code == "werk-inkomen");
        Assert.Equal(10, werk.All!.Count); // one skipped
        Assert.Equal(4.5, werk.All!.Median); // five 3s and five 6s
        var choice = Assert.Single(analysis.Choices);
        Assert.Equal([2, 7, 2], choice.Counts);
        Assert.Equal(11, choice.Answered);
    }
}
