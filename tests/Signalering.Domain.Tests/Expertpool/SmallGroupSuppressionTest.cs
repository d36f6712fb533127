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
        Assert.Equal(9, taal.All!.Count);
    }

    [Fact]
    public void OneSuppressedGroup_HidesTheNextSmallestToo_SoTheTotalMinusTheShownGroupsIsNotItsScores()
    {
        // 5 asylum seekers, 1 Ukrainian: shown, "all groups" minus "asylum seekers" would be the Ukrainian's exact score.
        var analysis = ConsultationAnalysis.Of(C, Answers(5, 1));
        var taal = analysis.Indicators.Single(r => r.Indicator.Code == "taal");
        Assert.True(taal.ByGroup.Single(g => g.TargetGroup == TargetGroups.Ukrainian).Suppressed);
        var azc = taal.ByGroup.Single(g => g.TargetGroup == TargetGroups.AsylumSeeker);
        Assert.True(azc.Suppressed && azc.Complementary && azc.Scores is null);
        Assert.Equal(6, taal.All!.Count);
        // Every shown figure summed is never the total less than five people.
        Assert.All(analysis.Indicators, r => Assert.True(
            r.All is null || r.All.Count - r.ByGroup.Where(g => !g.Suppressed).Sum(g => g.Scores!.Count) is 0 or >= ConsultationAnalysis.MinimumGroupSize));
    }

    [Fact]
    public void TwoSmallGroupsTogetherFiveOrMore_NeedNoSecondarySuppression()
    {
        var c = Consultation();
        var answers = Enumerable.Range(0, 6).Select(i => Answer(c, "a" + i, TargetGroups.AsylumSeeker, taal: 8))
            .Concat(Enumerable.Range(0, 3).Select(i => Answer(c, "u" + i, TargetGroups.Ukrainian, taal: 2)))
            .Concat(Enumerable.Range(0, 2).Select(i => Answer(c, "l" + i, TargetGroups.LabourMigrant, taal: 5))).ToList();
        var taal = ConsultationAnalysis.Of(c, answers).Indicators.Single(r => r.Indicator.Code == "taal");
        Assert.False(taal.ByGroup.Single(g => g.TargetGroup == TargetGroups.AsylumSeeker).Suppressed);
        Assert.Equal(11, taal.All!.Count); // 11 − 6 = the 5 scores of two hidden groups together, no single person's
    }

    [Fact]
    public void NoGroupLeftToHide_HidesTheTotal()
    {
        var taal = ConsultationAnalysis.Of(C, Answers(0, 3)).Indicators.Single(r => r.Indicator.Code == "taal");
        Assert.Null(taal.All);
        Assert.All(taal.ByGroup, g => Assert.True(g.Suppressed));
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
