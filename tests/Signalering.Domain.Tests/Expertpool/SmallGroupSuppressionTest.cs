using Signalering.Domain.Expertpool;
using static Signalering.Domain.Tests.Expertpool.ExpertpoolFixtures;

namespace Signalering.Domain.Tests.Expertpool;

/// <summary>A target group with fewer than 5 answer sets is never shown on its own.</summary>
public sealed class SmallGroupSuppressionTest
{
    private static readonly Consultation C = Consultation();

    private static List<AnswerSet> Answers(int asylumSeekers, int ukrainians) =>
        Enumerable.Range(0, asylumSeekers).Select(i => Answer(C, "a" + i, TargetGroups.AsylumSeeker, taal: 8, open: $"azc {i}"))
            .Concat(Enumerable.Range(0, ukrainians).Select(i => Answer(C, "u" + i, TargetGroups.Ukrainian, taal: 2, open: $"ua {i}"))).ToList();

    [Fact]
    public void GroupOfFour_IsSuppressed_ButCountsInTheTotal()
    {
        var analysis = ConsultationAnalysis.Of(C, Answers(5, 4));
        var taal = analysis.Indicators.Single(r => r.Indicator.Code == "taal");
        var ua = taal.ByGroup.Single(g => g.TargetGroup == TargetGroups.Ukrainian);
        Assert.True(ua.Suppressed);
        Assert.Null(ua.Scores);
        Assert.Null(analysis.AnswersByGroup[TargetGroups.Ukrainian]);
        Assert.Equal(5, analysis.AnswersByGroup[TargetGroups.AsylumSeeker]);
        Assert.False(taal.ByGroup.Single(g => g.TargetGroup == TargetGroups.AsylumSeeker).Suppressed);
        Assert.Equal(9, taal.All.Count);
    }

    [Fact]
    public void GroupOfFive_IsShown()
    {
        var analysis = ConsultationAnalysis.Of(C, Answers(5, 5));
        Assert.All(analysis.Indicators.SelectMany(r => r.ByGroup), g => Assert.False(g.Suppressed));
    }

    [Fact]
    public void QuotesFromASmallGroup_CarryNoGroupLabel_OthersOnlyTheirGroup()
    {
        var analysis = ConsultationAnalysis.Of(C, Answers(5, 1));
        Assert.Equal(ConsultationAnalysis.UnnamedGroup, analysis.Quotes.Single(q => q.Text == "ua 0").Label);
        Assert.All(analysis.Quotes.Where(q => q.Text.StartsWith("azc", StringComparison.Ordinal)), q => Assert.Equal("Asielzoekers", q.Label));
    }

    [Fact]
    public void InvitedGroupWithoutAnswers_IsSuppressedToo()
    {
        var analysis = ConsultationAnalysis.Of(C, Answers(6, 0));
        Assert.True(analysis.Indicators[0].ByGroup.Single(g => g.TargetGroup == TargetGroups.Ukrainian).Suppressed);
    }
}
