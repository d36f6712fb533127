using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.IdentityModel.JsonWebTokens;
using Signalering.Domain.Organisations;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Auth;

namespace Signalering.Functions.Features.SignIn;

/// <summary>How staff sign in here: with their organisation account (Entra ID), by choosing a role (Development only), or not at all.</summary>
public enum SignInMode { Entra, Development, NotConfigured }

/// <summary>What a development sign-in came to.</summary>
public abstract record DevSignInResult
{
    public sealed record SignedIn(string Landing) : DevSignInResult;
    public sealed record Refused(string Field, string Message) : DevSignInResult;
}

/// <summary>
/// One sign-in for every staff area (inbox, reports, expertpool, admin). In Azure: OpenID Connect against Entra ID
/// (app roles and the organisation claim come from the account). Locally: a page that lets a developer pick a role and
/// an organisation — Development only, never with Entra configured. Either way the result is the same session cookie.
/// </summary>
public sealed class SignInService(IConfiguration configuration, IHostEnvironment environment, ReferenceDataProvider reference)
{
    public SignInMode Mode =>
        !string.IsNullOrEmpty(configuration[SignaleringAuth.EntraSection + ":ClientId"]) ? SignInMode.Entra
        : environment.IsDevelopment() ? SignInMode.Development
        : SignInMode.NotConfigured;

    /// <summary>The organisations and the roles each may hold, for the development picker.</summary>
    public async Task<IReadOnlyList<(Organisation Organisation, IReadOnlyList<string> Roles)>> ChoicesAsync(CancellationToken ct) =>
        (await reference.GetAsync(ct)).Organisations.Values.OrderBy(o => o.Name, StringComparer.Ordinal)
            .Select(o => (o, (IReadOnlyList<string>)Roles.All.Where(r => OrganisationRoleBinding.Allows(r, o.Kind)).ToList()))
            .ToList();

    public async Task<DevSignInResult> SignInForDevelopmentAsync(HttpContext http, string? role, string? organisation, string? returnTo, CancellationToken ct)
    {
        if (Mode != SignInMode.Development) throw new InvalidOperationException("Development sign-in outside Development.");
        if (role is null || !Roles.All.Contains(role)) return new DevSignInResult.Refused("role", "Kies een rol.");
        if (organisation is null || !(await reference.GetAsync(ct)).Organisations.TryGetValue(organisation, out var org))
            return new DevSignInResult.Refused("org", "Kies een organisatie.");
        if (!OrganisationRoleBinding.Allows(role, org.Kind))
            return new DevSignInResult.Refused("role", $"De rol {role} hoort niet bij {org.Name}.");
        var identity = new ClaimsIdentity(
            [
                new Claim(JwtRegisteredClaimNames.Sub, $"dev-{role}-{organisation}"),
                new Claim(SignaleringClaims.Roles, role),
                new Claim(SignaleringClaims.Organisation, organisation),
            ],
            CookieAuthenticationDefaults.AuthenticationScheme, JwtRegisteredClaimNames.Sub, SignaleringClaims.Roles);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        return new DevSignInResult.SignedIn(LocalOr(returnTo, LandingFor(role)));
    }

    public static string LandingFor(string role) => role == Roles.Coordinator ? "/inbox" : role == Roles.Admin ? "/beheer" : "/rapportage";

    /// <summary>Only a path on this site is a place to return to: never another host (<c>//evil.example</c>, <c>/\evil</c>).</summary>
    public static string LocalOr(string? returnTo, string fallback) =>
        returnTo is { Length: > 1 } r && r[0] == '/' && r[1] != '/' && r[1] != '\\' && !r.Contains("://", StringComparison.Ordinal) ? r : fallback;
}
