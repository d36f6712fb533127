using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Options;

namespace Signalering.Infrastructure;

/// <summary>
/// Builds the Table and Queue clients from <see cref="StorageOptions"/>: a connection string when one is configured,
/// otherwise the account name with <see cref="DefaultAzureCredential"/> (the Function App's managed identity).
/// One code path; configuration chooses. Every registered <see cref="HttpPipelinePolicy"/> joins every client's pipeline
/// (per retry): the benchmark counts storage calls with one, tests inject faults with another.
/// </summary>
public sealed class StorageClients
{
    private readonly StorageOptions _options;
    private readonly TokenCredential? _credential;
    private readonly HttpPipelinePolicy[] _policies;

    public StorageClients(IOptions<StorageOptions> options, IEnumerable<HttpPipelinePolicy>? policies = null)
    {
        _options = options.Value;
        _policies = policies?.ToArray() ?? [];
        if (_options.UsesManagedIdentity)
        {
            if (string.IsNullOrEmpty(_options.AccountName))
                throw new InvalidOperationException("Configure Storage:ConnectionString (local) or Storage:AccountName (managed identity).");
            _credential = new DefaultAzureCredential();
        }
        var tableOptions = With(new TableClientOptions());
        Tables = _credential is null
            ? new TableServiceClient(_options.ConnectionString, tableOptions)
            : new TableServiceClient(new Uri($"https://{_options.AccountName}.table.core.windows.net"), _credential, tableOptions);
    }

    public string Prefix => _options.Prefix;

    public TableServiceClient Tables { get; }

    /// <summary>A blob container (lowercase, prefixed like the tables and queues).</summary>
    public BlobContainerClient Container(string name)
    {
        var fullName = _options.Prefix + name;
        var blobOptions = With(new BlobClientOptions());
        return _credential is null
            ? new BlobContainerClient(_options.ConnectionString, fullName, blobOptions)
            : new BlobContainerClient(new Uri($"https://{_options.AccountName}.blob.core.windows.net/{fullName}"), _credential, blobOptions);
    }

    public TableClient Table(string name) => Tables.GetTableClient(_options.Prefix.Replace("-", "") + name);

    /// <summary>
    /// A queue client. <paramref name="base64"/>: messages are base64 on the wire, as the Functions host expects
    /// (a non-base64 message goes straight to poison there). The raw client is for the pump, which decodes itself.
    /// </summary>
    public QueueClient Queue(string name, bool base64 = true)
    {
        var options = With(new QueueClientOptions { MessageEncoding = base64 ? QueueMessageEncoding.Base64 : QueueMessageEncoding.None });
        var fullName = _options.Prefix + name;
        return _credential is null
            ? new QueueClient(_options.ConnectionString, fullName, options)
            : new QueueClient(new Uri($"https://{_options.AccountName}.queue.core.windows.net/{fullName}"), _credential, options);
    }

    private T With<T>(T options) where T : ClientOptions
    {
        // The SDK's defaults (3 retries from 0.8 s, 100 s per try) keep a request waiting for minutes on a dead
        // endpoint; the queue's own redelivery and the sweep retry later, so a call gives up within a few seconds.
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = _options.MaxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(200);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(1);
        options.Retry.NetworkTimeout = _options.NetworkTimeout;
        foreach (var policy in _policies) options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return options;
    }
}
