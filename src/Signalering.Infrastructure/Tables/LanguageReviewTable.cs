using Azure;
using Azure.Data.Tables;

namespace Signalering.Infrastructure.Tables;

/// <summary>Who checked a form language's resident texts, and when (one row per language code).</summary>
public sealed record LanguageReview(string Language, bool Reviewed, string? Reviewer, DateTimeOffset At);

/// <summary>
/// Review status of the resident texts per language, set by a native speaker through the admin pages. Overrides the
/// <c>meta.reviewed</c> flag shipped in data/texts (which says what was checked when the texts were written).
/// </summary>
public sealed class LanguageReviewTable(TableClient table)
{
    public const string TableName = "languagereviews";
    private const string Partition = "review";

    public TableClient Client => table;

    public async Task<IReadOnlyDictionary<string, LanguageReview>> GetAllAsync(CancellationToken ct)
    {
        await table.CreateIfNotExistsAsync(ct);
        var result = new Dictionary<string, LanguageReview>(StringComparer.Ordinal);
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: ct))
            result[e.RowKey] = new LanguageReview(e.RowKey, e.GetBoolean("Reviewed") ?? false, e.GetString("Reviewer"), e.GetDateTimeOffset("At") ?? default);
        return result;
    }

    public async Task SetAsync(LanguageReview review, CancellationToken ct)
    {
        await table.CreateIfNotExistsAsync(ct);
        await table.UpsertEntityAsync(new TableEntity(Partition, review.Language)
        {
            ["Reviewed"] = review.Reviewed, ["Reviewer"] = review.Reviewer, ["At"] = review.At,
        }, TableUpdateMode.Replace, ct);
    }
}
