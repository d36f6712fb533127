using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Signalering.Functions.Auth;

/// <summary>
/// Who may use the coordinators' API. In Azure: Entra ID tokens (<c>Auth:Authority</c>, <c>Auth:Audience</c>) with app
/// roles in <c>roles</c> and the organisation in an <c>org</c> claim. Locally and in tests: tokens signed with
/// <c>Auth:DevSigningKey</c> (Development settings only), made with <c>scripts/token.sh</c>.
/// </summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";
    public const string DevIssuer = "signalering-dev";
    public const string DevAudience = "signalering";

    public string? Authority { get; set; }
    public string? Audience { get; set; }
    public string? DevSigningKey { get; set; }
}

public static class Roles
{
    public const string Coordinator = "coordinator";
    public const string Municipality = "municipality";
    public const string Admin = "admin";
    public static readonly string[] All = [Coordinator, Municipality, Admin];
}

public static class SignaleringClaims
{
    public const string Roles = "roles";
    public const string Organisation = "org";

    public static string? OrganisationOf(ClaimsPrincipal user) => user.FindFirst(Organisation)?.Value;
    public static string ActorOf(ClaimsPrincipal user) =>
        user.FindFirst("oid")?.Value ?? user.FindFirst(JwtRegisteredClaimNames.Sub)?.Value ?? "unknown";
}

public static class SignaleringAuth
{
    public const string InboxPolicy = "inbox";
    /// <summary>Reports and the complaints register: the municipality (and technical admins), never an organisation's coordinator.</summary>
    public const string ReportsPolicy = "reports";
    /// <summary>Reference data, routing, QR tokens, queues: the admin app role, checked in the app as well as by the host key.</summary>
    public const string AdminPolicy = "admin";
    /// <summary>The staff session: a cookie for pages, a bearer token for the API; chosen per request.</summary>
    public const string StaffScheme = "staff";
    public const string SessionCookie = "signalering_session";
    public const string SignInPath = "/aanmelden";

    public static IHostApplicationBuilder AddSignaleringAuth(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        var services = builder.Services;
        var auth = services.AddAuthentication(o =>
            {
                o.DefaultScheme = StaffScheme;
                o.DefaultChallengeScheme = StaffScheme;
            })
            // An API client sends a bearer token; a browser carries the session cookie.
            .AddPolicyScheme(StaffScheme, "Staff", o => o.ForwardDefaultSelector = c =>
                c.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddJwtBearer(o => ConfigureBearer(o, options, builder.Environment));

        var entra = builder.Configuration.GetSection(EntraSection);
        if (!string.IsNullOrEmpty(entra["ClientId"]))
        {
            // Staff sign in with their organisation account (ADR 0008): OpenID Connect against Entra ID, then our cookie.
            auth.AddMicrosoftIdentityWebApp(entra, OpenIdConnectDefaults.AuthenticationScheme, CookieAuthenticationDefaults.AuthenticationScheme);
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters.RoleClaimType = SignaleringClaims.Roles;
                o.TokenValidationParameters.NameClaimType = "name";
                var organisationClaim = entra["OrganisationClaim"] ?? SignaleringClaims.Organisation;
                var validated = o.Events.OnTokenValidated;
                o.Events.OnTokenValidated = async c =>
                {
                    await validated(c);
                    // The organisation comes from a directory extension (optional claim); the app calls it "org".
                    if (c.Principal?.Identity is ClaimsIdentity id && organisationClaim != SignaleringClaims.Organisation
                        && id.FindFirst(organisationClaim) is { } org)
                        id.AddClaim(new Claim(SignaleringClaims.Organisation, org.Value));
                };
            });
        }
        else auth.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);

        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, o =>
        {
            o.Cookie.Name = SessionCookie;
            o.Cookie.HttpOnly = true;
            // Lax, not Strict: the way back from Entra is a cross-site redirect, and a Strict cookie would not come along.
            // Cross-site POSTs carry no Lax cookie, and every staff form carries an anti-forgery token as well.
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.ExpireTimeSpan = TimeSpan.FromHours(8); // one working day
            o.SlidingExpiration = true;
            o.LoginPath = SignInPath;
            o.AccessDeniedPath = SignInPath + "/geen-toegang";
            o.ReturnUrlParameter = "terug";
            // An API client is told 401/403, not sent to a page.
            o.Events.OnRedirectToLogin = c => Answer(c, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => Answer(c, StatusCodes.Status403Forbidden);
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "signalering_af";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.FormFieldName = "__af";
        });
        services.AddTransient<IClaimsTransformation, OrganisationRoleBinding>();
        services.AddAuthorizationBuilder()
            .AddPolicy(InboxPolicy, p => p.RequireRole(Roles.All).RequireClaim(SignaleringClaims.Organisation))
            .AddPolicy(ReportsPolicy, p => p.RequireRole(Roles.Municipality, Roles.Admin))
            .AddPolicy(AdminPolicy, p => p.RequireRole(Roles.Admin).RequireClaim(SignaleringClaims.Organisation));
        return builder;
    }

    public const string EntraSection = AuthOptions.Section + ":Entra";

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> c, int status)
    {
        if (c.Request.Path.StartsWithSegments("/api")) c.Response.StatusCode = status;
        else c.Response.Redirect(c.RedirectUri);
        return Task.CompletedTask;
    }

    private static void ConfigureBearer(JwtBearerOptions o, AuthOptions options, IHostEnvironment environment)
    {
        o.MapInboundClaims = false;
        // A stolen token's life ends on time (the default allows five minutes more), and a refused token is not told why.
        o.TokenValidationParameters.ClockSkew = TimeSpan.FromMinutes(1);
        o.IncludeErrorDetails = false;
        o.TokenValidationParameters.RoleClaimType = SignaleringClaims.Roles;
        o.TokenValidationParameters.NameClaimType = JwtRegisteredClaimNames.Sub;
        if (!string.IsNullOrEmpty(options.Authority))
        {
            o.Authority = options.Authority;
            o.Audience = options.Audience;
        }
        // The development key is honoured in Development only: a copied settings file cannot open production.
        else if (!string.IsNullOrEmpty(options.DevSigningKey) && environment.IsDevelopment())
        {
            o.TokenValidationParameters.ValidIssuer = AuthOptions.DevIssuer;
            o.TokenValidationParameters.ValidAudience = AuthOptions.DevAudience;
            o.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(Convert.FromBase64String(options.DevSigningKey));
        }
        // Neither: every token is refused (no key to check it with); the resident side keeps working.
    }

    /// <summary>A development token, signed with the development key.</summary>
    public static string CreateDevToken(string signingKey, string role, string organisation, string subject, TimeSpan lifetime)
    {
        var handler = new JsonWebTokenHandler();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = AuthOptions.DevIssuer,
            Audience = AuthOptions.DevAudience,
            Expires = DateTime.UtcNow.Add(lifetime),
            Claims = new Dictionary<string, object>
            {
                [JwtRegisteredClaimNames.Sub] = subject, [SignaleringClaims.Roles] = new[] { role }, [SignaleringClaims.Organisation] = organisation,
            },
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Convert.FromBase64String(signingKey)), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>
    /// <c>Signalering.Functions token --role coordinator --org coa-luttelgeest [--sub name] [--hours 8]</c>: prints a
    /// development token (scripts/token.sh). Reads the key as the app does in Development.
    /// </summary>
    public static int RunTokenCommand(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, "--" + name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        var role = Arg("role") ?? Roles.Coordinator;
        var org = Arg("org");
        if (!Roles.All.Contains(role) || string.IsNullOrEmpty(org))
        {
            Console.Error.WriteLine($"usage: token --role {string.Join('|', Roles.All)} --org <organisationId> [--sub <name>] [--hours <n>]");
            return 2;
        }
        var config = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true).AddJsonFile("appsettings.Development.json", optional: true)
            .AddEnvironmentVariables().Build();
        var key = config[$"{AuthOptions.Section}:DevSigningKey"];
        if (string.IsNullOrEmpty(key))
        {
            Console.Error.WriteLine("No Auth:DevSigningKey configured: development tokens are for local runs only.");
            return 1;
        }
        var hours = double.TryParse(Arg("hours"), System.Globalization.CultureInfo.InvariantCulture, out var h) ? h : 8;
        Console.WriteLine(CreateDevToken(key, role, org, Arg("sub") ?? $"dev-{role}-{org}", TimeSpan.FromHours(hours)));
        return 0;
    }
}
