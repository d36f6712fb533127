using Signalering.Domain.Locations;
using Signalering.Domain.Organisations;

namespace Signalering.Domain.Routing;

/// <summary>
/// One line of the routing table: "signals of these categories at this location (or type of location) go to this
/// organisation". Empty <see cref="Categories"/> means any category; a listed main category also covers its
/// subcategories. <see cref="CopyTo"/> receive a copy for information (a labour-migrant signal copied to the
/// municipality, because the agency is employer, landlord and care contact at once).
/// </summary>
public sealed record RoutingRule
{
    public string Id { get; }
    public string? LocationId { get; }
    public LocationType? LocationType { get; }
    public IReadOnlyList<string> Categories { get; }
    public string OrganisationId { get; }
    public IReadOnlyList<string> CopyTo { get; }

    public RoutingRule(string id, string? locationId, LocationType? locationType, IReadOnlyList<string> categories,
        string organisationId, IReadOnlyList<string>? copyTo = null)
    {
        if (!Organisation.IsValidId(id)) throw new DomainException($"Rule id '{id}' must be lowercase letters, digits and hyphens.", "id");
        if (locationId is not null && locationType is not null)
            throw new DomainException("A rule names a location or a location type, not both.", "locationId");
        if (!Organisation.IsValidId(organisationId)) throw new DomainException("Organisation must be an organisation id.", "organisationId");
        foreach (var c in categories)
            if (!Signalering.Domain.Categories.Category.IsValidCode(c)) throw new DomainException($"'{c}' is not a category code.", "categories");
        copyTo ??= [];
        if (copyTo.Contains(organisationId)) throw new DomainException("A rule cannot copy to its own organisation.", "copyTo");
        Id = id; LocationId = locationId; LocationType = locationType; Categories = categories;
        OrganisationId = organisationId; CopyTo = copyTo;
    }

    public bool Matches(Location location, string category, string? subcategory) =>
        (LocationId is null || LocationId == location.Id)
        && (LocationType is null || LocationType == location.Type)
        && (Categories.Count == 0 || Categories.Contains(category) || (subcategory is not null && Categories.Contains(subcategory)));
}
