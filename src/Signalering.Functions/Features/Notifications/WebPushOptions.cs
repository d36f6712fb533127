namespace Signalering.Functions.Features.Notifications;

/// <summary>
/// Web Push (section "WebPush"): the VAPID key pair the push services know this site by (RFC 8292; base64url, P-256,
/// from Key Vault in Azure) and the contact they may write to. Without keys push is off: the status page says the
/// phone cannot get messages and to keep the code.
/// </summary>
public sealed class WebPushOptions
{
    public const string Section = "WebPush";

    /// <summary>The application server's public key (uncompressed P-256 point, base64url): the page subscribes with it.</summary>
    public string? PublicKey { get; set; }
    public string? PrivateKey { get; set; }
    /// <summary>A <c>mailto:</c> or <c>https:</c> contact for push services' operators.</summary>
    public string Subject { get; set; } = "mailto:meldpunt@example.invalid";

    /// <summary>
    /// The push services a subscription may point at (the host or a parent domain). A subscription names the URL this
    /// server will POST to; only the browsers' own push services are accepted, so no one can point it at another host.
    /// </summary>
    public List<string> AllowedHosts { get; set; } =
        ["fcm.googleapis.com", "push.services.mozilla.com", "notify.windows.com", "push.apple.com"];

    /// <summary>Plain http endpoints are refused unless this is set (a local fake push service in tests).</summary>
    public bool AllowHttp { get; set; }

    /// <summary>Subscriptions one signal keeps (a resident's phones); more replace nothing and are refused.</summary>
    public int MaxPerSignal { get; set; } = 5;

    /// <summary>How long a push service keeps a message for a phone that is off (TTL): a day, then the page says it anyway.</summary>
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(24);

    public bool Enabled => !string.IsNullOrEmpty(PublicKey) && !string.IsNullOrEmpty(PrivateKey);

    public bool IsAllowedEndpoint(Uri endpoint) =>
        (endpoint.Scheme == Uri.UriSchemeHttps || AllowHttp && endpoint.Scheme == Uri.UriSchemeHttp)
        && AllowedHosts.Any(h => endpoint.Host.Equals(h, StringComparison.OrdinalIgnoreCase) || endpoint.Host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));
}
