using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>A browser-like client (cookies, no automatic redirects) signed in through the development sign-in page, as a developer would.</summary>
public static partial class StaffSession
{
    public static HttpClient Browser(this SignaleringApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public static async Task<HttpClient> SignedInAsync(this SignaleringApp app, string role, string organisation)
    {
        var browser = app.Browser();
        var response = await browser.SignInAsync(role, organisation);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    /// <summary>Opens the sign-in page (for its anti-forgery token) and posts the choice.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient browser, string role, string organisation, string? returnTo = null)
    {
        var page = await browser.GetStringAsync("/aanmelden");
        return await browser.PostAsync("/aanmelden", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__af"] = AntiforgeryToken(page), ["role"] = role, ["org"] = organisation, ["terug"] = returnTo ?? "",
        }));
    }

    /// <summary>The anti-forgery token a page's forms carry.</summary>
    public static string AntiforgeryToken(string html) => TokenField().Match(html) is { Success: true } m
        ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("The page has no anti-forgery field.");

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
