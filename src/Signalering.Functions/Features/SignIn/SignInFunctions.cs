using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.SignIn;

/// <summary>The sign-in functions: one staff sign-in for every area, and the OpenID Connect callbacks.</summary>
public sealed class SignInFunctions(SignaleringHttp http)
{
    [Function("SignInPage")]
    public IResult Show([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "aanmelden")] HttpRequest req) => http.Run(req, SignInPages.ShowAsync);

    [Function("SignIn")]
    public IResult SignIn([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "aanmelden")] HttpRequest req) => http.Run(req, SignInPages.SignInAsync);

    [Function("SignInAccessDenied")]
    public IResult AccessDenied([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "aanmelden/geen-toegang")] HttpRequest req) =>
        http.Run(req, SignInPages.AccessDeniedAsync);

    [Function("SignOut")]
    public IResult SignOut([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "uitloggen")] HttpRequest req) => http.Run(req, SignInPages.SignOutAsync);

    [Function("SignInCallback")]
    public IResult Callback([HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "signin-oidc")] HttpRequest req) => http.Run(req, SignInPages.Callback);

    [Function("SignOutCallback")]
    public IResult SignOutCallback([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "signout-callback-oidc")] HttpRequest req) =>
        http.Run(req, SignInPages.Callback);
}
