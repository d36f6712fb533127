using System.Security.Cryptography;

namespace Signalering.Functions.Security;

/// <summary>
/// The headers every response carries, set before anything else runs so errors carry them too:
/// a strict Content-Security-Policy (no <c>unsafe-inline</c>: a page's one inline style and script carry this
/// response's nonce), no framing, no sniffing, no referrer — a status page's address holds the resident's tracking
/// code, so it must never travel to another site — and HSTS over HTTPS.
/// </summary>
public static class SecurityHeaders
{
    private const string NonceItem = "signalering.csp-nonce";

    /// <summary>This response's CSP nonce (made on first use): the layouts put it on their inline style and script.</summary>
    public static string NonceOf(HttpContext context)
    {
        if (context.Items[NonceItem] is string nonce) return nonce;
        nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)); // hex: nothing for HTML to encode
        context.Items[NonceItem] = nonce;
        return nonce;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var nonce = NonceOf(context);
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            $"default-src 'none'; style-src 'nonce-{nonce}'; script-src 'nonce-{nonce}'; img-src 'self' data:; connect-src 'self'; " +
            "manifest-src 'self'; worker-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
        if (context.Request.IsHttps) headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        return next(context);
    });
}
