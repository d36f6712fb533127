namespace Signalering.Infrastructure.Translation;

/// <summary>
/// Settings for Azure AI Translator v3, bound from the configuration section <c>Translator</c>.
/// Authentication is either a subscription <see cref="Key"/> or, with <see cref="UseManagedIdentity"/>, an Entra ID
/// token; with neither the translator is not configured and signals stay untranslated, honestly marked.
/// The timing settings bound one translation call; a failed call is retried later by the queue anyway,
/// so they are deliberately short.
/// </summary>
public sealed class TranslatorOptions
{
    public const string SectionName = "Translator";

    /// <summary>The global endpoint; it routes to the nearest region.</summary>
    public const string GlobalEndpoint = "https://api.cognitive.microsofttranslator.com";

    /// <summary>Host suffix of a resource's own (custom) subdomain, the only endpoint that accepts a bare Entra ID token.</summary>
    public const string CustomSubdomainSuffix = ".cognitiveservices.azure.com";

    /// <summary>
    /// Base address: the global endpoint, a regional one, or a custom subdomain <c>https://&lt;name&gt;.cognitiveservices.azure.com</c>
    /// (whose translate path is <c>/translator/text/v3.0/translate</c> rather than <c>/translate</c>).
    /// An address that already carries a path gets <c>/translate</c> appended to that path.
    /// </summary>
    public string Endpoint { get; set; } = GlobalEndpoint;

    /// <summary>Subscription key, sent as <c>Ocp-Apim-Subscription-Key</c>. A secret: comes from Key Vault or app settings, never from source.</summary>
    public string? Key { get; set; }

    /// <summary>Resource region (e.g. <c>westeurope</c>), sent as <c>Ocp-Apim-Subscription-Region</c>; required for regional and multi-service resources.</summary>
    public string? Region { get; set; }

    /// <summary>
    /// Authenticate with an Entra ID bearer token (managed identity in Azure) instead of <see cref="Key"/>.
    /// Requires a custom-subdomain <see cref="Endpoint"/> and the role Cognitive Services User on the resource.
    /// </summary>
    public bool UseManagedIdentity { get; set; }

    /// <summary>Upper bound in seconds for one translation including all retries and the waits between them.</summary>
    public double TimeoutSeconds { get; set; } = 10;

    /// <summary>Upper bound in seconds for a single HTTP attempt; a slow attempt is abandoned and retried while time remains.</summary>
    public double AttemptTimeoutSeconds { get; set; } = 4;

    /// <summary>Retries after the first attempt, on 408/429/5xx, network errors and attempt timeouts.</summary>
    public int MaxRetryAttempts { get; set; } = 2;

    /// <summary>Base delay in seconds of the exponential back-off between retries; a <c>Retry-After</c> header from the service takes precedence.</summary>
    public double RetryDelaySeconds { get; set; } = 0.5;

    /// <summary>True when there is a credential to call the service with.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Key) || UseManagedIdentity;

    /// <summary>True when <see cref="Endpoint"/> is a resource's custom subdomain rather than the global or a regional endpoint.</summary>
    public bool IsCustomSubdomain =>
        Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri)
        && uri.Host.EndsWith(CustomSubdomainSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The address of the translate operation, without query.</summary>
    /// <exception cref="InvalidOperationException"><see cref="Endpoint"/> is not an absolute http(s) address.</exception>
    public Uri TranslateUri()
    {
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            throw new InvalidOperationException($"{SectionName}:{nameof(Endpoint)} must be an absolute http(s) address.");
        var path = baseUri.AbsolutePath.TrimEnd('/');
        // An explicit path wins so that an address copied with its path, or a gateway in front of the service, works as given.
        if (path.Length == 0 && IsCustomSubdomain) path = "/translator/text/v3.0";
        return new UriBuilder(baseUri) { Path = path + "/translate", Query = string.Empty }.Uri;
    }
}
