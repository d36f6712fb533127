using Signalering.Domain.Locations;
using Signalering.Domain.Organisations;

namespace Signalering.Domain.Routing;

/// <summary>
/// Decides who handles a signal. Sensitive signals (abuse by staff, sexual harassment, child safety) go to the
/// independent confidential handler and never to the location's operator, and get no copies: a copy would leak them.
/// Otherwise the rules are tried in order and the first match wins; when none matches, municipality triage.
/// </summary>
public sealed class Router
{
    private readonly IReadOnlyList<RoutingRule> _rules;
    private readonly Organisation _triage;
    private readonly Organisation _confidential;

    public Router(IReadOnlyList<RoutingRule> rules, IEnumerable<Organisation> organisations)
    {
        var orgs = organisations.ToDictionary(o => o.Id);
        _triage = orgs.Values.FirstOrDefault(o => o.IsTriage)
            ?? throw new DomainException("Routing needs a municipality triage organisation.", "organisations");
        _confidential = orgs.Values.FirstOrDefault(o => o.Kind == OrganisationKind.ConfidentialHandler)
            ?? throw new DomainException("Routing needs an independent confidential handler.", "organisations");
        foreach (var rule in rules)
        {
            if (!orgs.ContainsKey(rule.OrganisationId))
                throw new DomainException($"Rule '{rule.Id}' routes to unknown organisation '{rule.OrganisationId}'.", "organisationId");
            foreach (var copy in rule.CopyTo)
                if (!orgs.ContainsKey(copy)) throw new DomainException($"Rule '{rule.Id}' copies to unknown organisation '{copy}'.", "copyTo");
        }
        _rules = rules;
    }

    public RoutingDecision Route(Location location, string category, string? subcategory, bool sensitive)
    {
        if (sensitive)
        {
            if (_confidential.Id == location.OperatorId)
                throw new DomainException("The confidential handler cannot be the operator of the location.", "operatorId");
            return Confidential;
        }
        foreach (var rule in _rules)
            if (rule.Matches(location, category, subcategory))
                return new RoutingDecision(rule.OrganisationId, RoutingReason.Rule, rule.Id, rule.CopyTo);
        return Triage;
    }

    /// <summary>For a signal whose location no longer exists: triage, or the confidential handler when sensitive.</summary>
    public RoutingDecision Fallback(bool sensitive) => sensitive ? Confidential : Triage;

    private RoutingDecision Confidential => new(_confidential.Id, RoutingReason.Confidential, null, []);
    private RoutingDecision Triage => new(_triage.Id, RoutingReason.Fallback, null, []);
}
