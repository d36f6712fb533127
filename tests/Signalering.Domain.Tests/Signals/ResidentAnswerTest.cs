using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Signals;

/// <summary>"Is your problem solved?": asked once per resolution; "no" reopens with the resident's comment.</summary>
public sealed class ResidentAnswerTest
{
    private static readonly DateTimeOffset T0 = SignalFixtures.T0;

    private static Signal Routed() => SignalFixtures.Routed();

    private static Signal Resolved()
    {
        var s = Routed();
        s.Accept("coa-luttelgeest", T0.AddHours(1));
        s.Resolve("coa-luttelgeest", T0.AddDays(2));
        return s;
    }

    [Fact]
    public void NotSolved_Reopens_KeepsTheComment_AndAsksNoMore()
    {
        var s = Resolved();
        Assert.True(s.AwaitsResidentAnswer);
        s.AnswerSolved(false, "  ما زالت الرطوبة  ", T0.AddDays(3));
        Assert.Equal(SignalStatus.Reopened, s.Status);
        var comment = Assert.Single(s.ResidentComments);
        Assert.Equal("ما زالت الرطوبة", comment.Text);
        Assert.False(s.AwaitsResidentAnswer);
        Assert.Throws<DomainException>(() => s.AnswerSolved(true, null, T0.AddDays(3)));
        // The comment is the resident's words: never in an event's detail.
        Assert.DoesNotContain(s.Events, e => e.Detail?.Contains("الرطوبة") == true);
    }

    [Fact]
    public void Solved_KeepsResolved_AndAsksNoMore()
    {
        var s = Resolved();
        s.AnswerSolved(true, null, T0.AddDays(3));
        Assert.Equal(SignalStatus.Resolved, s.Status);
        Assert.False(s.AwaitsResidentAnswer);
        Assert.Empty(s.ResidentComments);
    }

    [Fact]
    public void AfterAReopenAndANewResolution_TheQuestionComesBack()
    {
        var s = Resolved();
        s.AnswerSolved(false, null, T0.AddDays(3));
        s.Resolve("coa-luttelgeest", T0.AddDays(4));
        Assert.True(s.AwaitsResidentAnswer);
    }

    [Fact]
    public void BeforeResolution_ThereIsNothingToAnswer()
    {
        var s = Routed();
        Assert.False(s.AwaitsResidentAnswer);
        var e = Assert.Throws<DomainException>(() => s.AnswerSolved(false, "x", T0));
        Assert.Equal("solved", e.Field);
    }

    [Fact]
    public void CommentOverTheLimit_IsRefused()
    {
        var s = Resolved();
        Assert.Throws<DomainException>(() => s.AnswerSolved(false, new string('x', Signal.MaxCommentLength + 1), T0.AddDays(3)));
        Assert.Equal(SignalStatus.Resolved, s.Status);
    }
}
