using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Signals;

/// <summary>A coordinator's named status changes and responses, as the signal checks them.</summary>
public sealed class SignalStatusChangeTest
{
    private static readonly DateTimeOffset T0 = SignalFixtures.T0;

    private static Signal Routed() => SignalFixtures.Routed("status-change-test");

    [Fact]
    public void ChangeStatus_AllowedStep_RecordsTheStatusAndWho()
    {
        var s = Routed();
        s.ChangeStatus(SignalStatus.Accepted, "coa-luttelgeest", T0.AddHours(1));
        Assert.Equal(SignalStatus.Accepted, s.Status);
        Assert.Equal((SignalEventKinds.StatusChanged, "coa-luttelgeest", "accepted"), (s.Events[^1].Kind, s.Events[^1].Actor, s.Events[^1].Detail));
    }

    [Fact]
    public void ChangeStatus_NotInTheWorkflow_ThrowsAStateConflict()
    {
        var s = Routed();
        var e = Assert.Throws<InvalidTransitionException>(() => s.ChangeStatus(SignalStatus.Resolved, "coa-luttelgeest", T0));
        Assert.True(e.StateConflict);
        Assert.Equal(SignalStatus.Routed, s.Status);
    }

    [Theory]
    [InlineData(SignalStatus.Forwarded)]
    [InlineData(SignalStatus.Merged)]
    [InlineData(SignalStatus.Routed)]
    public void ChangeStatus_ToAStatusWithItsOwnStep_Throws(SignalStatus to)
    {
        var s = Routed();
        var e = Assert.Throws<DomainException>(() => s.ChangeStatus(to, "coa-luttelgeest", T0));
        Assert.False(e.StateConflict);
        Assert.Equal(SignalStatus.Routed, s.Status);
    }

    [Fact]
    public void Respond_UnknownStandardReply_IsAnInvalidInput()
    {
        var s = Routed();
        var e = Assert.Throws<DomainException>(() => s.Respond(new ResidentResponse(0, T0, "coa-luttelgeest", "ti", null, null, false, "whatever"), T0));
        Assert.Equal("standardReply", e.Field);
        Assert.False(e.StateConflict);
        Assert.Empty(s.Responses);
    }

    [Fact]
    public void StandardReplies_EachHasAReviewedTextInEveryFormLanguage()
    {
        foreach (var language in ResidentTexts.Default.Languages)
            foreach (var reply in StandardReplies.All)
                Assert.Contains("reply." + reply, ResidentTexts.Default.KeysOf(language));
    }
}
