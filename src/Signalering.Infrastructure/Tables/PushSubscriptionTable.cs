using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Signalering.Domain.Signals;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// A phone's Web Push subscription for one signal: where the phone's push service takes messages for it
/// (<see cref="Endpoint"/>) and the keys that encrypt them for that phone only (RFC 8291), with the language its
/// "there is news" is said in. No name, no number: the code is the only link to the resident.
/// </summary>
public sealed record PushSubscriptionRow(TrackingCode Code, Uri Endpoint, string P256dh, string Auth, string Language, DateTimeOffset CreatedAt);

/// <summary>
/// Push subscriptions, one partition per tracking code (a signal's subscriptions are read together when there is
/// news, and erased together with the signal), one row per endpoint (a phone subscribing twice replaces its row).
/// </summary>
public sealed class PushSubscriptionTable(TableClient table)
{
    public const string TableName = "pushsubscriptions";
    private int _created;

    private async Task EnsureAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0) await table.CreateIfNotExistsAsync(ct);
    }

    // The endpoint is a long URL with characters Table keys forbid; its hash names the row.
    private static string RowOf(Uri endpoint) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(endpoint.AbsoluteUri)))[..32];

    public async Task<IReadOnlyList<PushSubscriptionRow>> ListAsync(TrackingCode code, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var rows = new List<PushSubscriptionRow>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == code.Value, cancellationToken: ct))
            if (Uri.TryCreate(e.GetString("Endpoint"), UriKind.Absolute, out var endpoint))
                rows.Add(new PushSubscriptionRow(code, endpoint, e.GetString("P256dh"), e.GetString("Auth"), e.GetString("Language"),
                    e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue));
        return rows;
    }

    public async Task PutAsync(PushSubscriptionRow row, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await table.UpsertEntityAsync(new TableEntity(row.Code.Value, RowOf(row.Endpoint))
        {
            ["Endpoint"] = row.Endpoint.AbsoluteUri, ["P256dh"] = row.P256dh, ["Auth"] = row.Auth, ["Language"] = row.Language, ["CreatedAt"] = row.CreatedAt,
        }, TableUpdateMode.Replace, ct);
    }

    public async Task DeleteAsync(TrackingCode code, Uri endpoint, CancellationToken ct)
    {
        await EnsureAsync(ct);
        try { await table.DeleteEntityAsync(code.Value, RowOf(endpoint), ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    /// <summary>The codes that have subscriptions (few: only phones that opted in), for retention.</summary>
    public async Task<IReadOnlyList<TrackingCode>> ListCodesAsync(CancellationToken ct)
    {
        await EnsureAsync(ct);
        var codes = new HashSet<TrackingCode>();
        await foreach (var e in table.QueryAsync<TableEntity>(select: ["PartitionKey"], cancellationToken: ct))
            if (TrackingCode.TryParse(e.PartitionKey, out var code)) codes.Add(code);
        return [.. codes];
    }

    /// <summary>Every subscription of the signal (retention erases them with it). Returns how many there were.</summary>
    public async Task<int> DeleteAllAsync(TrackingCode code, CancellationToken ct)
    {
        var rows = await ListAsync(code, ct);
        foreach (var row in rows) await DeleteAsync(code, row.Endpoint, ct);
        return rows.Count;
    }
}
