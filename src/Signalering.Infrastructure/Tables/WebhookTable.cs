using Azure.Data.Tables;

namespace Signalering.Infrastructure.Tables;

/// <summary>An organisation's webhook: where new and escalated signals are posted, and the key that signs them.</summary>
public sealed record WebhookRegistration(string OrganisationId, Uri Url, string Secret);

/// <summary>
/// Webhook registrations, one row per organisation. The signing secret is generated here and shown once to the
/// administrator who registers the hook; reads are behind the managed identity (shared keys are off in Azure).
/// </summary>
public sealed class WebhookTable(TableClient table)
{
    public const string TableName = "webhooks";
    private const string Partition = "webhook";
    private int _created;

    private async Task EnsureAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _created, 1) == 0) await table.CreateIfNotExistsAsync(ct);
    }

    public async Task<WebhookRegistration?> GetAsync(string organisationId, CancellationToken ct)
    {
        await EnsureAsync(ct);
        var e = await table.GetEntityIfExistsAsync<TableEntity>(Partition, organisationId, cancellationToken: ct);
        return e.HasValue && Uri.TryCreate(e.Value!.GetString("Url"), UriKind.Absolute, out var url)
            ? new WebhookRegistration(organisationId, url, e.Value.GetString("Secret"))
            : null;
    }

    public async Task PutAsync(WebhookRegistration hook, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await table.UpsertEntityAsync(new TableEntity(Partition, hook.OrganisationId) { ["Url"] = hook.Url.ToString(), ["Secret"] = hook.Secret },
            TableUpdateMode.Replace, ct);
    }

    public async Task DeleteAsync(string organisationId, CancellationToken ct)
    {
        await EnsureAsync(ct);
        await table.DeleteEntityAsync(Partition, organisationId, cancellationToken: ct);
    }
}
