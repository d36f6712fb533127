namespace Signalering.Functions.Web;

/// <summary>
/// The address residents reach the app at (<c>Site:PublicBaseUrl</c>), for posters, QR codes and links that leave the
/// page. Never taken from the request's Host header outside Development: a forged Host would otherwise end up printed
/// on a poster. Required outside Development (checked at start-up).
/// </summary>
public sealed class PublicSiteOptions
{
    public const string Section = "Site";
    public string? PublicBaseUrl { get; set; }
}

public sealed class PublicSite(Microsoft.Extensions.Options.IOptions<PublicSiteOptions> options)
{
    /// <summary>An absolute URL for <paramref name="path"/> (which starts with '/').</summary>
    public string Url(HttpRequest request, string path) => BaseUrl(request) + path;

    /// <summary>The configured address; in Development without one, the request's own (a laptop on the local network).</summary>
    public string BaseUrl(HttpRequest request) =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
}
