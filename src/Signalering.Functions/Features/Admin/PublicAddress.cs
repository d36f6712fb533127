namespace Signalering.Functions.Features.Admin;

/// <summary>The address residents reach the app at, for what is printed: posters' QR codes, invitation links.</summary>
public static class PublicAddress
{
    /// <summary>In Azure the public address (a custom domain) is configured; locally the request's own host serves.</summary>
    public static string BaseUrl(HttpRequest request, IConfiguration config) =>
        config["Resident:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";
}
