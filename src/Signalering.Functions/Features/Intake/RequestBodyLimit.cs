using Microsoft.AspNetCore.Http.Features;

namespace Signalering.Functions.Features.Intake;

/// <summary>
/// The most a request body may carry, set before it is read. Routing applies a minimal-API endpoint's
/// <c>[RequestSizeLimit]</c>; a function's handler runs without routing (<see cref="Hosting.SignaleringHttp"/>), so an
/// intake handler that reads a body sets its own limit: a body past it fails while it is read, before it is buffered.
/// </summary>
internal static class RequestBodyLimit
{
    public static void Apply(HttpContext http, long maxBytes)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = maxBytes;
    }
}
