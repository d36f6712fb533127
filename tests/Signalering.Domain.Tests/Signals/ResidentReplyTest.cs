using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Signals;

/// <summary>The organisation asks (await-resident); the resident answers on the status page; the work resumes.</summary>
public sealed class ResidentReplyTest
{
    private static readonly DateTimeOffset T0 = SignalFixtures.T0;

    private static Signal Asked()
    {
        var s = SignalFixtures.Routed();
        s.Accept("coa-luttelgeest", T0.AddHours(1));
        s.AwaitResident("coa-luttelgeest", T0.AddHours(2));
        return s;
    }

    [Fact]
    public void ReplyToQuestion_WhileAsked_KeepsTheWords_AndResumesAsTheWorkflowSays()
    {
        var s = Asked();
        Assert.True(s.AwaitsResidentReply);
        s.ReplyToQuestion("  Kamer 12, tweede verdieping  ", T0.AddHours(3));
        Assert.Equal(SignalWorkflow.GetResidentStep(ResidentStep.Answer).To, s.Status);
        Assert.Equal(SignalStatus.InProgress, s.Status);
        Assert.Equal("Kamer 12, tweede verdieping", Assert.Single(s.ResidentComments).Text);
        var replied = s.Events.Single(e => e.Kind == SignalEventKinds.ResidentReplied);
        Assert.Equal("resident", replied.Actor);
        Assert.Null(replied.Detail); // the words stay on the signal, never in the history
        Assert.False(s.AwaitsResidentReply);
    }

    [Fact]
    public void ReplyToQuestion_NotAsked_ThrowsStateConflict()
    {
        var s = SignalFixtures.Routed();
        var e = Assert.Throws<DomainException>(() => s.ReplyToQuestion("hallo", T0));
        Assert.True(e.StateConflict);
        Assert.Empty(s.ResidentComments);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void ReplyToQuestion_Empty_ThrowsOnTheAnswerField_ChangesNothing(string? text)
    {
        var s = Asked();
        var events = s.Events.Count;
        var e = Assert.Throws<DomainException>(() => s.ReplyToQuestion(text, T0.AddHours(3)));
        Assert.Equal("answer", e.Field);
        Assert.False(e.StateConflict);
        Assert.Equal(events, s.Events.Count);
        Assert.Equal(SignalStatus.AwaitingResident, s.Status);
    }

    [Fact]
    public void ReplyToQuestion_TooLong_Throws()
    {
        var e = Assert.Throws<DomainException>(() => Asked().ReplyToQuestion(new string('x', Signal.MaxCommentLength + 1), T0.AddHours(3)));
        Assert.Equal("answer", e.Field);
    }

    [Fact]
    public void ResidentSteps_AreAllowedTransitions_AndStartFromAnOpenOrResolvedStatus()
    {
        foreach (var step in SignalWorkflow.ResidentSteps)
            Assert.True(SignalWorkflow.IsAllowed(step.From, step.To), $"{step.Name}: {step.From} → {step.To}");
    }

    [Fact]
    public void ResidentNews_CoordinatorsStepsAreNews_TheResidentsOwnAreNot()
    {
        var s = SignalFixtures.Routed();
        var routed = s.Events[^1].Sequence;
        s.AddNote("coa-luttelgeest", "intern", T0.AddHours(1));
        Assert.False(ResidentNews.Since(s, routed));
        s.Accept("coa-luttelgeest", T0.AddHours(1));
        Assert.True(ResidentNews.Since(s, routed));
        s.AwaitResident("coa-luttelgeest", T0.AddHours(2));
        var asked = s.Events[^1].Sequence;
        s.ReplyToQuestion("antwoord", T0.AddHours(3));
        Assert.False(ResidentNews.Since(s, asked));
    }
}
