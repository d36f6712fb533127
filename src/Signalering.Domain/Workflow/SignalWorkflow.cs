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

    /// <summary>
    /// Closed: the handling is over and no clock runs; the only way on is <see cref="SignalStatus.Reopened"/>. The inbox
    /// leaves these out unless asked, and reports count every other status as open.
    /// </summary>
    public static readonly FrozenSet<SignalStatus> Closed = new[] { SignalStatus.Resolved, SignalStatus.Merged, SignalStatus.Cancelled }.ToFrozenSet();

    public static bool IsOpen(SignalStatus status) => !Closed.Contains(status);

    /// <summary>
    /// The status changes a coordinator makes by name, and where each leads, in the order the inbox offers them. The
    /// other steps (forward, reject, merge) change more than the status and have their own methods on the signal.
    /// </summary>
    public static readonly IReadOnlyList<StatusAction> StatusActions =
    [
        new("accept", SignalStatus.Accepted),
        new("start", SignalStatus.InProgress),
        new("await-resident", SignalStatus.AwaitingResident),
        new("resolve", SignalStatus.Resolved),
        new("reopen", SignalStatus.Reopened),
        new("cancel", SignalStatus.Cancelled),
    ];

    /// <summary>
    /// The resident's own steps on the status page, from the status that asks for them to where each leads: an
    /// answer to the organisation's question resumes the work (the resolution clock runs again); "not solved"
    /// reopens. Neither leads back to the resident.
    /// </summary>
    public static readonly IReadOnlyList<ResidentStep> ResidentSteps =
    [
        new(ResidentStep.Answer, SignalStatus.AwaitingResident, SignalStatus.InProgress),
        new(ResidentStep.NotSolved, SignalStatus.Resolved, SignalStatus.Reopened),
    ];

    public static ResidentStep GetResidentStep(string name) =>
        ResidentSteps.FirstOrDefault(s => s.Name == name) ?? throw new ArgumentOutOfRangeException(nameof(name), name, "No such resident step.");

    /// <summary>
    /// A change the resident reads as the end of their signal without a solution: the coordinator must choose a reason
    /// the resident reads (<see cref="Signals.ResidentReasons"/>). Sending a signal back as not ours (an escalation)
    /// asks for one as well; that step is not a plain status change.
    /// </summary>
    public static bool NeedsResidentReason(SignalStatus to) => to == SignalStatus.Cancelled;

    public static bool TryGetStatusAction(string? name, out SignalStatus to)
    {
        foreach (var action in StatusActions)
            if (action.Name == name) { to = action.To; return true; }
        to = default;
        return false;
    }
}

/// <summary>A named status change (<see cref="SignalWorkflow.StatusActions"/>): <see cref="Name"/> is its stable code in the inbox API.</summary>
public sealed record StatusAction(string Name, SignalStatus To);

/// <summary>A step the resident takes (<see cref="SignalWorkflow.ResidentSteps"/>): only from <see cref="From"/>, and it leads to <see cref="To"/>.</summary>
public sealed record ResidentStep(string Name, SignalStatus From, SignalStatus To)
{
    public const string Answer = "answer", NotSolved = "not-solved";
}

public sealed class InvalidTransitionException(SignalStatus from, SignalStatus to)
    : DomainException($"A signal cannot go from {from.ToCode()} to {to.ToCode()}.", "status", stateConflict: true)
{
    public SignalStatus From { get; } = from;
    public SignalStatus To { get; } = to;
}
