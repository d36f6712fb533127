using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.SignIn;

/// <summary>
/// <c>GET /aanmelden</c> (sign in: to Entra ID, or the development picker), <c>POST /aanmelden</c> (the picker's
/// choice, Development only), <c>POST /uitloggen</c> (sign out), <c>GET /aanmelden/geen-toegang</c> (signed in, but
/// this page is not for your role). A thin face over <see cref="SignInService"/>.
/// </summary>
[RequireAntiforgeryToken]
public static class SignInPages
{
    public static async Task<IResult> ShowAsync([FromQuery] string? terug, SignInService signIn, PageRenderer pages, CancellationToken ct) =>
        signIn.Mode switch
        {
            SignInMode.Entra => Results.Challenge(new AuthenticationProperties { RedirectUri = SignInService.LocalOr(terug, "/inbox") },
                [OpenIdConnectDefaults.AuthenticationScheme]),
            SignInMode.Development => await pages.PageAsync<SignInPage>(new { Choices = await signIn.ChoicesAsync(ct), ReturnTo = terug }),
            _ => await pages.PageAsync<SignInPage>(new { NotConfigured = true }, StatusCodes.Status503ServiceUnavailable),
        };

    public static async Task<IResult> SignInAsync(HttpContext http, SignInService signIn, PageRenderer pages, CancellationToken ct)
    {
        if (signIn.Mode != SignInMode.Development) return Results.NotFound();
        var form = await http.Request.ReadFormAsync(ct);
        return await signIn.SignInForDevelopmentAsync(http, form["role"], form["org"], form["terug"], ct) switch
        {
            DevSignInResult.SignedIn s => Results.Redirect(s.Landing),
            DevSignInResult.Refused r => await pages.PageAsync<SignInPage>(
                new { Choices = await signIn.ChoicesAsync(ct), ReturnTo = form["terug"].ToString(), Error = r.Message, ErrorField = r.Field },
                StatusCodes.Status400BadRequest),
            _ => throw new InvalidOperationException(),
        };
    }

    public static async Task<IResult> SignOutAsync(HttpContext http, SignInService signIn)
    {
        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        // With Entra, end the account's session there too; it sends the browser back to the sign-in page.
        return signIn.Mode == SignInMode.Entra
            ? Results.SignOut(new AuthenticationProperties { RedirectUri = "/aanmelden" }, [OpenIdConnectDefaults.AuthenticationScheme])
            : Results.Redirect("/aanmelden");
    }

    [IgnoreAntiforgeryToken]
    public static Task<IResult> AccessDeniedAsync(HttpContext http, PageRenderer pages) =>
        pages.PageAsync<SignInPage>(new { Denied = true, User = http.User }, StatusCodes.Status403Forbidden);

    /// <summary>The OpenID Connect callbacks: the authentication middleware answers them before this runs.</summary>
    [IgnoreAntiforgeryToken]
    public static IResult Callback() => Results.NotFound();
}
