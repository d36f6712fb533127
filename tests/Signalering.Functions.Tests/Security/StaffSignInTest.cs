using System.Net;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Signalering.Functions.Auth;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Security;

/// <summary>
/// One staff sign-in for every area: the development picker (Development only, anti-forgery checked), Entra ID
/// (OpenID Connect) where configured, roles bound to kinds of organisation, and the headers every page carries.
/// </summary>
public sealed class StaffSignInTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task DevelopmentPicker_SignsInWithASessionCookie_AndSignsOut()
    {
        var browser = _app.Browser();
        var page = await browser.GetStringAsync("/aanmelden");
        Assert.Contains("name=\"role\"", page);
        Assert.Contains("value=\"coa-luttelgeest\"", page);
        Assert.DoesNotContain("Toegangstoken", page); // no pasting

        var response = await browser.SignInAsync(Roles.Coordinator, "coa-luttelgeest", "/inbox");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/inbox", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(SignaleringAuth.SessionCookie + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);

        var inbox = await browser.GetAsync("/inbox");
        Assert.Equal(HttpStatusCode.OK, inbox.StatusCode);
        Assert.DoesNotContain("Toegangstoken", await inbox.Content.ReadAsStringAsync());

        var signOutPage = await (await browser.GetAsync("/aanmelden/geen-toegang")).Content.ReadAsStringAsync();
        var signOut = await browser.PostAsync("/uitloggen", new FormUrlEncodedContent(new Dictionary<string, string> { ["__af"] = StaffSession.AntiforgeryToken(signOutPage) }));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SignaleringAuth.SessionCookie + "=;", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused_SoAnotherSiteCannotSignACoordinatorIn()
    {
        var browser = _app.Browser();
        var response = await browser.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["role"] = Roles.Coordinator, ["org"] = "nidos",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(SignaleringAuth.SessionCookie, StringComparison.Ordinal));

        // Nor with another session's token.
        var other = _app.Browser();
        var token = StaffSession.AntiforgeryToken(await other.GetStringAsync("/aanmelden"));
        var forged = await browser.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = token, ["role"] = Roles.Coordinator, ["org"] = "nidos",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Theory]
    [InlineData(Roles.Municipality, "coa-luttelgeest")]
    [InlineData(Roles.Admin, "nidos")]
    public async Task ARoleIsRefused_ForAKindOfOrganisationThatMayNotHoldIt(string role, string organisation)
    {
        var response = await _app.Browser().SignInAsync(role, organisation);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hoort niet bij", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ATokenClaimingMunicipality_ForCoa_ReadsNoReports()
    {
        var key = _app.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>()["Auth:DevSigningKey"]!;
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", SignaleringAuth.CreateDevToken(key, Roles.Municipality, "coa-luttelgeest", "t", TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/reports/response-times")).StatusCode);
        client.DefaultRequestHeaders.Authorization = new("Bearer", SignaleringAuth.CreateDevToken(key, Roles.Municipality, "gemeente-regie", "t", TimeSpan.FromMinutes(5)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/reports/response-times")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/x")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task ReturnAddress_IsNeverAnotherSite(string returnTo)
    {
        var response = await _app.Browser().SignInAsync(Roles.Coordinator, "nidos", returnTo);
        Assert.Equal("/inbox", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task OutsideDevelopment_WithoutEntra_ThereIsNoPicker()
    {
        using var production = new SignaleringApp { Environment = "Production" };
        var browser = production.Browser();
        var page = await browser.GetAsync("/aanmelden");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.DoesNotContain("name=\"role\"", await page.Content.ReadAsStringAsync());
        var post = await browser.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string> { ["role"] = Roles.Admin, ["org"] = "gemeente-regie" }));
        Assert.True(post.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, post.StatusCode.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/inbox")).StatusCode);
    }

    [Fact]
    public async Task WithEntra_SignInGoesToTheOrganisationAccount()
    {
        using var entra = new SignaleringApp
        {
            Environment = "Production",
            ExtraServices = s => s.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                // The tenant's discovery document, as Entra publishes it (no network here).
                o.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0",
                    AuthorizationEndpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/authorize",
                    EndSessionEndpoint = "https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/logout",
                };
                o.ConfigurationManager = new Microsoft.IdentityModel.Protocols.StaticConfigurationManager<OpenIdConnectConfiguration>(o.Configuration);
            }),
        };
        entra.Settings["Auth:Entra:Instance"] = "https://login.microsoftonline.com/";
        entra.Settings["Auth:Entra:TenantId"] = "00000000-0000-0000-0000-000000000001";
        entra.Settings["Auth:Entra:ClientId"] = "11111111-1111-1111-1111-111111111111";
        entra.Settings["Auth:Entra:CallbackPath"] = "/signin-oidc";
        var browser = entra.Browser();

        var inbox = await browser.GetAsync("/api/inbox");
        Assert.Equal(HttpStatusCode.Unauthorized, inbox.StatusCode);
        var signIn = await browser.GetAsync("/aanmelden?terug=/rapportage");
        Assert.True(HttpStatusCode.Redirect == signIn.StatusCode, await signIn.Content.ReadAsStringAsync());
        var to = signIn.Headers.Location!.ToString();
        Assert.StartsWith("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/oauth2/v2.0/authorize", to);
        Assert.Contains("client_id=11111111-1111-1111-1111-111111111111", to);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("http://localhost/signin-oidc"), to);
        Assert.Contains("nonce=", to);
    }

    [Theory]
    [InlineData("/aanmelden")]
    [InlineData("/s")]
    [InlineData("/api/signals/ABC")]
    public async Task EveryResponse_CarriesTheSecurityHeaders_WithAStrictPolicy(string path)
    {
        var response = await _app.Browser().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("default-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        if (response.Content.Headers.ContentType?.MediaType == "text/html")
        {
            // The page's inline style carries this response's nonce, and only that nonce is allowed.
            var nonce = System.Text.RegularExpressions.Regex.Match(csp, "style-src 'nonce-([^']+)'").Groups[1].Value;
            Assert.NotEmpty(nonce);
            Assert.Contains($"<style nonce=\"{nonce}\">", await response.Content.ReadAsStringAsync());
        }
    }
}
