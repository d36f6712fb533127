using System.Text.Json;
using System.Text.Json.Serialization;
using Signalering.Domain.Categories;
using Signalering.Domain.Locations;
using Signalering.Domain.Organisations;
using Signalering.Domain.Routing;

namespace Signalering.Domain.ReferenceData;

// The wire and file shapes of reference data. Domain constructors do the checking; these only carry values.

public sealed record PromiseDto(int AcknowledgeWithinWorkingHours, int ResolveWithinWorkingDays)
{
    public HandlingPromise ToDomain() => new(AcknowledgeWithinWorkingHours, ResolveWithinWorkingDays);
    public static PromiseDto From(HandlingPromise p) => new(p.AcknowledgeWithinWorkingHours, p.ResolveWithinWorkingDays);
}

public sealed record SubcategoryDto(string Code, Dictionary<string, string> Names, PromiseDto? Promise = null,
    bool Sensitive = false, bool Emergency = false, string? Pictogram = null);

/// <summary>A main category with its subcategories: the unit the admin API reads and writes.</summary>
public sealed record CategoryDto(string Code, string? Pictogram, PromiseDto? Promise, Dictionary<string, string> Names,
    List<SubcategoryDto>? Subcategories, bool Sensitive = false, bool Emergency = false, int Order = 0)
{
    public IEnumerable<Category> ToDomain()
    {
        if (Promise is null) throw new DomainException($"Main category '{Code}' needs a promise.", "promise");
        var promise = Promise.ToDomain();
        yield return new Category(Code, null, Names, promise, Sensitive, Emergency, Pictogram);
        foreach (var s in Subcategories ?? [])
            yield return new Category(s.Code, Code, s.Names, s.Promise?.ToDomain() ?? promise, s.Sensitive, s.Emergency, s.Pictogram);
    }

    public static CategoryDto From(Category main, IEnumerable<Category> subs, int order) => new(main.Code, main.Pictogram,
        PromiseDto.From(main.Promise), new(main.Names), subs.Select(s => new SubcategoryDto(s.Code, new(s.Names),
            s.Promise == main.Promise ? null : PromiseDto.From(s.Promise), s.Sensitive, s.Emergency, s.Pictogram)).ToList(), main.Sensitive, main.Emergency, order);
}

public sealed record OrganisationDto(string Id, string Name, OrganisationKind Kind, string Inbox, bool IsTriage = false)
{
    public Organisation ToDomain() => new(Id, Name, Kind, Inbox, IsTriage);
    public static OrganisationDto From(Organisation o) => new(o.Id, o.Name, o.Kind, o.Inbox, o.IsTriage);
}

public sealed record QrTokenDto(string Id, string? Wing = null, bool Revoked = false);

public sealed record LocationDto(string Id, string Name, LocationType Type, string OperatorId, string Municipality,
    List<string> MainLanguages, List<QrTokenDto>? QrTokens)
{
    public Location ToDomain() => new(Id, Name, Type, OperatorId, Municipality, MainLanguages,
        (QrTokens ?? []).Select(t => new QrTokenRecord(t.Id, t.Wing, t.Revoked)).ToList());
    public static LocationDto From(Location l) => new(l.Id, l.Name, l.Type, l.OperatorId, l.Municipality, l.MainLanguages.ToList(),
        l.QrTokens.Select(t => new QrTokenDto(t.Id, t.Wing, t.Revoked)).ToList());
}

public sealed record RoutingRuleDto(string Id, string? LocationId, LocationType? LocationType, List<string>? Categories,
    string OrganisationId, List<string>? CopyTo)
{
    public RoutingRule ToDomain() => new(Id, LocationId, LocationType, Categories ?? [], OrganisationId, CopyTo ?? []);
    public static RoutingRuleDto From(RoutingRule r) =>
        new(r.Id, r.LocationId, r.LocationType, r.Categories.ToList(), r.OrganisationId, r.CopyTo.ToList());
}

/// <summary>The seed files in data/reference, embedded in this assembly. Each carries a version number.</summary>
public sealed record ReferenceFiles(int Version, List<CategoryDto> Categories, List<OrganisationDto> Organisations,
    List<LocationDto> Locations, List<RoutingRuleDto> Rules)
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static ReferenceFiles LoadEmbedded()
    {
        var c = Read<CategoriesFile>("categories.json");
        var o = Read<OrganisationsFile>("organisations.json");
        var l = Read<LocationsFile>("locations.json");
        var r = Read<RoutingFile>("routing.json");
        return new ReferenceFiles(new[] { c.Version, o.Version, l.Version, r.Version }.Max(), c.Categories, o.Organisations, l.Locations, r.Rules);
    }

    public ReferenceSet ToDomain() => Build(Categories, Organisations, Locations, Rules);

    public static ReferenceSet Build(IEnumerable<CategoryDto> categories, IEnumerable<OrganisationDto> organisations,
        IEnumerable<LocationDto> locations, IEnumerable<RoutingRuleDto> rules) =>
        new(new CategoryTree(categories.SelectMany(c => c.ToDomain())), organisations.Select(o => o.ToDomain()),
            locations.Select(l => l.ToDomain()), rules.Select(r => r.ToDomain()).ToList());

    internal static T Read<T>(string name)
    {
        using var stream = typeof(ReferenceFiles).Assembly.GetManifestResourceStream("reference/" + name)
            ?? throw new InvalidOperationException($"Embedded reference file '{name}' is missing.");
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidOperationException($"'{name}' is empty.");
    }

    private sealed record CategoriesFile(int Version, List<CategoryDto> Categories);
    private sealed record OrganisationsFile(int Version, List<OrganisationDto> Organisations);
    private sealed record LocationsFile(int Version, List<LocationDto> Locations);
    private sealed record RoutingFile(int Version, List<RoutingRuleDto> Rules);
}
