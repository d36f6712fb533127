using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Workflow;

/// <summary>Generated from the one transition table: every allowed and every forbidden pair.</summary>
public sealed class SignalWorkflowTest
{
    public static TheoryData<SignalStatus, SignalStatus> Allowed()
    {
        var data = new TheoryData<SignalStatus, SignalStatus>();
        foreach (var (from, targets) in SignalWorkflow.Transitions) foreach (var to in targets) data.Add(from, to);
        return data;
    }

    public static TheoryData<SignalStatus, SignalStatus> Forbidden()
    {
        var data = new TheoryData<SignalStatus, SignalStatus>();
        foreach (var from in Enum.GetValues<SignalStatus>())
            foreach (var to in Enum.GetValues<SignalStatus>())
                if (!SignalWorkflow.Transitions[from].Contains(to)) data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void IsAllowed_TransitionInTable_IsTrue(SignalStatus from, SignalStatus to) => Assert.True(SignalWorkflow.IsAllowed(from, to));

    [Theory]
    [MemberData(nameof(Forbidden))]
    public void IsAllowed_TransitionNotInTable_IsFalse(SignalStatus from, SignalStatus to) => Assert.False(SignalWorkflow.IsAllowed(from, to));

    [Fact]
    public void Transitions_EveryStatusHasARow_AndIsReachableFromReceived()
    {
        Assert.Equal(Enum.GetValues<SignalStatus>().Length, SignalWorkflow.Transitions.Count);
        var seen = new HashSet<SignalStatus> { SignalStatus.Received };
        var frontier = new Queue<SignalStatus>(seen);
        while (frontier.TryDequeue(out var s))
            foreach (var next in SignalWorkflow.Transitions[s]) if (seen.Add(next)) frontier.Enqueue(next);
        Assert.Equal(Enum.GetValues<SignalStatus>().ToHashSet(), seen);
    }

    [Fact]
    public void Transitions_NothingLeadsBackToReceived() =>
        Assert.DoesNotContain(SignalWorkflow.Transitions.Values, targets => targets.Contains(SignalStatus.Received));

    [Fact]
    public void Closed_OnlyReopeningLeadsOut_AndEveryOtherStatusIsOpen()
    {
        foreach (var status in Enum.GetValues<SignalStatus>())
            Assert.Equal(SignalWorkflow.Transitions[status] is [SignalStatus.Reopened], !SignalWorkflow.IsOpen(status));
    }

    [Fact]
    public void StatusActions_HaveDistinctNamesAndTargets_NoneToAStatusThatNeedsMoreThanAName()
    {
        Assert.Equal(SignalWorkflow.StatusActions.Count, SignalWorkflow.StatusActions.Select(a => a.Name).Distinct().Count());
        Assert.Equal(SignalWorkflow.StatusActions.Count, SignalWorkflow.StatusActions.Select(a => a.To).Distinct().Count());
        // Routing, forwarding and merging carry an organisation or a signal: they have their own methods.
        Assert.DoesNotContain(SignalWorkflow.StatusActions, a => a.To is SignalStatus.Received or SignalStatus.Routed or SignalStatus.Forwarded or SignalStatus.Merged);
        Assert.True(SignalWorkflow.TryGetStatusAction("await-resident", out var to));
        Assert.Equal(SignalStatus.AwaitingResident, to);
        Assert.False(SignalWorkflow.TryGetStatusAction("merge", out _));
    }

    [Fact]
    public void StatusCodes_RoundTrip()
    {
        foreach (var s in Enum.GetValues<SignalStatus>()) Assert.Equal(s, SignalStatusCodes.Parse(s.ToCode()));
    }
}
