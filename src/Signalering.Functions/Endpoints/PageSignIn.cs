using Microsoft.AspNetCore.Authentication.JwtBearer;
using Signalering.Functions.Auth;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// Sign-in for the staff pages (inbox, reports): the bearer token rides in an HttpOnly, SameSite=Strict cookie scoped
/// to the page's path. Locally a token comes from scripts/token.sh; in Azure the sign-in in front of the app supplies it.
/// </summary>
internal static class PageSignIn
{
    public static IResult LoginPage(Func<string, string, string> page, string heading, string action, string tokenExample, string? error) =>
        Result(page("Inloggen", $"""
            <h1>{E(heading)}</h1>{(error is null ? "" : $"<div class=\"errors\" role=\"alert\"><p>{E(error)}</p></div>")}
            <form method="post" action="{E(action)}"><label for="token">Toegangstoken</label>
            <textarea id="token" name="token" required aria-describedby="token-help"></textarea>
            <p class="help" id="token-help">Lokaal: <code>./scripts/token.sh --role {E(tokenExample)}</code>. In Azure meldt u zich aan met uw organisatie-account.</p>
            <button type="submit">Inloggen</button></form>
            """), error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);

    public static Task<IResult> SignInAsync(HttpContext http, string path, Func<string, IResult> loginPage, CancellationToken ct) =>
        SignInAsync(http, path, error => Task.FromResult(loginPage(error)), ct);

    /// <summary>Checks a pasted token with the bearer scheme's own rules and keeps it in a cookie for <paramref name="path"/>.</summary>
    public static async Task<IResult> SignInAsync(HttpContext http, string path, Func<string, Task<IResult>> loginPage, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var token = form["token"].ToString().Trim();
        if (token.Length is 0 or > 8192) return await loginPage("Plak een toegangstoken.");
        // Check it before keeping it: a bad token gets an answer now, not a loop of login pages. (The scheme's result
        // for this request is already cached, so validate directly.)
        var bearer = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<JwtBearerOptions>>()
            .Get(JwtBearerDefaults.AuthenticationScheme);
        var parameters = bearer.TokenValidationParameters.Clone();
        if (bearer.ConfigurationManager is not null)
        {
            var configuration = await bearer.ConfigurationManager.GetConfigurationAsync(ct);
            parameters.IssuerSigningKeys = configuration.SigningKeys;
            parameters.ValidIssuers ??= [configuration.Issuer];
        }
        var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler().ValidateTokenAsync(token, parameters);
        if (!result.IsValid || !result.Claims.ContainsKey(SignaleringClaims.Organisation)) return await loginPage("Dit token is niet geldig of verlopen.");
        http.Response.Cookies.Append(SignaleringAuth.TokenCookie, token, new CookieOptions
        {
            HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = path, Expires = result.SecurityToken.ValidTo,
        });
        return Results.Redirect(path);
    }

    public static IResult SignOut(HttpContext http, string path)
    {
        http.Response.Cookies.Delete(SignaleringAuth.TokenCookie, new CookieOptions { Path = path });
        return Results.Redirect(path);
    }
}
