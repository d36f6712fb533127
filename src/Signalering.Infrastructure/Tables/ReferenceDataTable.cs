using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Signalering.Domain.ReferenceData;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// Reference data in the <c>referencedata</c> table: one row per main category, organisation and location
/// (PartitionKey = kind, RowKey = id, the item as JSON), the routing rules as one ordered list (order is meaning:
/// first match wins), and a <c>meta|dataset</c> row with the version of the seed files last applied.
/// </summary>
public sealed class ReferenceDataTable(TableClient table)
{
    public const string TableName = "referencedata";
    private const string Category = "category", Organisation = "organisation", Location = "location", Rules = "rules", Meta = "meta";

    public TableClient Client => table;

    /// <summary>Applies the seed files when they are newer than what the table holds. Items with the same id are replaced.</summary>
    public async Task<bool> SeedAsync(ReferenceFiles files, CancellationToken ct)
    {
        var meta = await table.GetEntityIfExistsAsync<TableEntity>(Meta, "dataset", cancellationToken: ct);
        if (meta.HasValue && (meta.Value!.GetInt32("Version") ?? 0) >= files.Version) return false;
        _ = files.ToDomain(); // refuse to seed files that do not form a consistent set
        foreach (var (c, i) in files.Categories.Select((c, i) => (c, i))) await PutCategoryAsync(c with { Order = i }, ct);
        foreach (var o in files.Organisations) await PutOrganisationAsync(o, ct);
        foreach (var l in files.Locations) await PutLocationAsync(l, ct);
        await PutRulesAsync(files.Rules, ct);
        await table.UpsertEntityAsync(new TableEntity(Meta, "dataset") { ["Version"] = files.Version }, TableUpdateMode.Replace, ct);
        return true;
    }

    public async Task<ReferenceFiles> LoadAsync(CancellationToken ct)
    {
        var categories = new List<CategoryDto>();
        var organisations = new List<OrganisationDto>();
        var locations = new List<LocationDto>();
        List<RoutingRuleDto> rules = [];
        var version = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: ct))
        {
            switch (e.PartitionKey)
            {
                case Category: categories.Add(Parse<CategoryDto>(e)); break;
                case Organisation: organisations.Add(Parse<OrganisationDto>(e)); break;
                case Location: locations.Add(Parse<LocationDto>(e)); break;
                case Rules: rules = Parse<List<RoutingRuleDto>>(e); break;
                case Meta: version = e.GetInt32("Version") ?? 0; break;
            }
        }
        return new ReferenceFiles(version, categories.OrderBy(c => c.Order).ThenBy(c => c.Code, StringComparer.Ordinal).ToList(), organisations, locations, rules);
    }

    public Task PutCategoryAsync(CategoryDto c, CancellationToken ct) => Put(Category, c.Code, c, ct);
    public Task PutOrganisationAsync(OrganisationDto o, CancellationToken ct) => Put(Organisation, o.Id, o, ct);
    public Task PutLocationAsync(LocationDto l, CancellationToken ct) => Put(Location, l.Id, l, ct);
    public Task PutRulesAsync(IReadOnlyList<RoutingRuleDto> rules, CancellationToken ct) => Put(Rules, "all", rules, ct);

    public async Task DeleteAsync(string kind, string id, CancellationToken ct)
    {
        try { await table.DeleteEntityAsync(kind, id, ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    public static string KindOf<T>() => typeof(T) == typeof(OrganisationDto) ? Organisation : typeof(T) == typeof(LocationDto) ? Location : Category;

    private Task Put<T>(string kind, string id, T item, CancellationToken ct) =>
        table.UpsertEntityAsync(new TableEntity(kind, id) { ["Json"] = JsonSerializer.Serialize(item, ReferenceFiles.Json) }, TableUpdateMode.Replace, ct);

    private static T Parse<T>(TableEntity e) => JsonSerializer.Deserialize<T>(e.GetString("Json"), ReferenceFiles.Json)!;
}
