using Signalering.Domain.Categories;
using Signalering.Domain.Locations;
using Signalering.Domain.Organisations;
using Signalering.Domain.Routing;

namespace Signalering.Domain.ReferenceData;

/// <summary>
/// One consistent version of the reference data: categories, organisations, locations and routing rules. Built
/// whole and checked whole, so a half-applied admin change can never be routed against.
/// </summary>
public sealed class ReferenceSet
{
    public CategoryTree Categories { get; }
    public IReadOnlyDictionary<string, Organisation> Organisations { get; }
    public IReadOnlyDictionary<string, Location> Locations { get; }
    public IReadOnlyList<RoutingRule> Rules { get; }
    public Router Router { get; }
    private readonly Dictionary<string, (Location Location, QrTokenRecord Token)> _tokens = new(StringComparer.Ordinal);

    public ReferenceSet(CategoryTree categories, IEnumerable<Organisation> organisations, IEnumerable<Location> locations,
        IReadOnlyList<RoutingRule> rules)
    {
        Categories = categories;
        Organisations = Index(organisations, o => o.Id, "organisation");
        Locations = Index(locations, l => l.Id, "location");
        Rules = rules;
        _ = Index(rules, r => r.Id, "rule");
        foreach (var location in Locations.Values)
        {
            if (!Organisations.TryGetValue(location.OperatorId, out var op))
                throw new DomainException($"Location '{location.Id}' is run by unknown organisation '{location.OperatorId}'.", "operatorId");
            if (op.Kind == OrganisationKind.ConfidentialHandler)
                throw new DomainException("The confidential handler cannot run a location.", "operatorId");
            foreach (var token in location.QrTokens)
                if (!_tokens.TryAdd(token.Id, (location, token)))
                    throw new DomainException($"QR token '{token.Id}' is used twice.", "qrTokens");
        }
        foreach (var rule in rules)
        {
            if (rule.LocationId is not null && !Locations.ContainsKey(rule.LocationId))
                throw new DomainException($"Rule '{rule.Id}' names unknown location '{rule.LocationId}'.", "locationId");
            foreach (var c in rule.Categories)
                if (!categories.TryGet(c, out _)) throw new DomainException($"Rule '{rule.Id}' names unknown category '{c}'.", "categories");
        }
        Router = new Router(rules, Organisations.Values);
    }

    /// <summary>The location and poster a verified token id belongs to, when it exists and is not revoked.</summary>
    public bool TryResolveToken(string tokenId, out Location location, out QrTokenRecord token)
    {
        location = null!; token = null!;
        if (!_tokens.TryGetValue(tokenId, out var hit) || hit.Token.Revoked) return false;
        (location, token) = hit;
        return true;
    }

    private static Dictionary<string, T> Index<T>(IEnumerable<T> items, Func<T, string> key, string what)
    {
        var d = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (var item in items)
            if (!d.TryAdd(key(item), item)) throw new DomainException($"The {what} id '{key(item)}' appears twice.", "id");
        return d;
    }
}
