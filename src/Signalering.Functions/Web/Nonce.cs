using Signalering.Functions.Security;

namespace Signalering.Functions.Web;

/// <summary>The CSP nonce of the response being rendered, for a layout's inline style and script (see <see cref="SecurityHeaders"/>).</summary>
public sealed class Nonce(IHttpContextAccessor accessor)
{
    /// <summary>Null outside a request (a page rendered in a test): the attribute is then left out.</summary>
    public string? Value => accessor.HttpContext is { } context ? SecurityHeaders.NonceOf(context) : null;
}
