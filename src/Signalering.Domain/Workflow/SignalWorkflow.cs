using System.Collections.Frozen;

namespace Signalering.Domain.Workflow;

/// <summary>
/// The one table of allowed status changes; <see cref="Signals.Signal"/> checks every change against it. Reasons for
/// each edge are in docs/workflow.md. "Routed → Routed" is a re-route: escalation to municipality triage, or an
/// organisation rejecting a signal as not theirs. Nothing leads back to the resident: there is no edge to Received.
/// </summary>
public static class SignalWorkflow
{
    public static readonly FrozenDictionary<SignalStatus, SignalStatus[]> Transitions = new Dictionary<SignalStatus, SignalStatus[]>
    {
        [SignalStatus.Received] = [SignalStatus.Routed, SignalStatus.Cancelled],
        [SignalStatus.Routed] = [SignalStatus.Accepted, SignalStatus.Routed, SignalStatus.Forwarded, SignalStatus.Merged, SignalStatus.Cancelled],
        [SignalStatus.Forwarded] = [SignalStatus.Accepted, SignalStatus.Routed, SignalStatus.Merged, SignalStatus.Cancelled],
        [SignalStatus.Accepted] = [SignalStatus.InProgress, SignalStatus.AwaitingResident, SignalStatus.Forwarded, SignalStatus.Routed,
            SignalStatus.Resolved, SignalStatus.Merged, SignalStatus.Cancelled],
        [SignalStatus.InProgress] = [SignalStatus.AwaitingResident, SignalStatus.Forwarded, SignalStatus.Resolved, SignalStatus.Merged,
            SignalStatus.Cancelled],
        [SignalStatus.AwaitingResident] = [SignalStatus.InProgress, SignalStatus.Resolved, SignalStatus.Cancelled],
        [SignalStatus.Resolved] = [SignalStatus.Reopened],
        [SignalStatus.Merged] = [SignalStatus.Reopened],
        [SignalStatus.Cancelled] = [SignalStatus.Reopened],
        [SignalStatus.Reopened] = [SignalStatus.Accepted, SignalStatus.InProgress, SignalStatus.Forwarded, SignalStatus.Routed,
            SignalStatus.Resolved, SignalStatus.Merged, SignalStatus.Cancelled],
    }.ToFrozenDictionary();

    public static bool IsAllowed(SignalStatus from, SignalStatus to) =>
        Transitions.TryGetValue(from, out var targets) && Array.IndexOf(targets, to) >= 0;
}

public sealed class InvalidTransitionException(SignalStatus from, SignalStatus to)
    : DomainException($"A signal cannot go from {from.ToCode()} to {to.ToCode()}.", "status")
{
    public SignalStatus From { get; } = from;
    public SignalStatus To { get; } = to;
}
