using Microsoft.AspNetCore.Antiforgery;

namespace Signalering.Functions.Security;

/// <summary>
/// Refuses a state-changing request to a handler marked <c>[RequireAntiforgeryToken]</c> (every staff form and the
/// sign-in) unless it carries the anti-forgery token its page handed out: a page on another site cannot sign a
/// coordinator in, out or into another organisation, nor act in their name. Minimal-API form binding would check
/// this only for <c>[FromForm]</c> parameters; our handlers read forms themselves, so the check is here, once.
/// </summary>
public sealed class AntiforgeryCheck(RequestDelegate next, IAntiforgery antiforgery)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata.GetMetadata<IAntiforgeryMetadata>();
        if (metadata is { RequiresValidation: true } && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !CarriesBearerToken(context.Request) && !await antiforgery.IsRequestValidAsync(context))
        {
            await Results.Problem(title: "This form has expired or did not come from this site.",
                detail: "Open the page again and repeat what you did.", statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { ["__af"] = ["Missing or invalid anti-forgery token."] } })
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    // A page on another site can make a browser send its cookies, never an Authorization header: a request that
    // authenticates with a bearer token cannot be forged that way.
    private static bool CarriesBearerToken(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
