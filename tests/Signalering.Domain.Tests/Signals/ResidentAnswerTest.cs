using Signalering.Domain.Categories;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Signals;

/// <summary>"Is your problem solved?": asked once per resolution; "no" reopens with the resident's comment.</summary>
public sealed class ResidentAnswerTest
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static Signal Routed()
    {
        var code = TrackingCode.Derive(new byte[32], "answer-test", 0);
        var snapshot = new SignalSnapshot(code, "azc-luttelgeest", null, "ti", "wonen", "wonen-vocht", "ማይ ኣብ ክፍለይ ይኣቱ", null,
            SignalFlagsInfo.None, new HandlingPromise(16, 10), T0, SignalStatus.Received, null, null, [], null, TranslationState.Pending, null, null);
        var signal = Signal.Restore(snapshot, [new SignalEvent(1, SignalEventKinds.Received, T0, "resident")]);
        signal.Route(new RoutingDecision("coa-luttelgeest", RoutingReason.Rule, "r1", []), T0);
        return signal;
    }

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
