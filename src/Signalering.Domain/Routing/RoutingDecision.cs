namespace Signalering.Domain.Routing;

public enum RoutingReason
{
    /// <summary>A rule matched; <see cref="RoutingDecision.RuleId"/> says which.</summary>
    Rule,
    /// <summary>Sensitive signals go to the confidential handler, whatever the rules say.</summary>
    Confidential,
    /// <summary>No rule matched: the municipality's triage desk decides.</summary>
    Fallback,
}

public sealed record RoutingDecision(string OrganisationId, RoutingReason Reason, string? RuleId, IReadOnlyList<string> CopyTo);
