using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Admin;

/// <summary>
/// The administrators' pages in Dutch, under <c>/beheer</c> (the Functions host keeps <c>/admin</c> for itself; in Azure
/// its admin key guards these functions): <c>GET /beheer</c>, <c>GET /beheer/languages/{code}</c> (every resident text of
/// a language beside Dutch and English), <c>POST /beheer/languages/{code}/review</c> (form: reviewer, reviewed, and to
/// mark it checked the fingerprint of the texts shown, so only from that page) and <c>GET /beheer/locations/{id}/posters/{tokenId}</c>. A thin face over <see cref="AdminService"/>.
/// </summary>
[Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryToken]
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Auth.SignaleringAuth.AdminPolicy)]
public static class AdminPages
{
    public static async Task<IResult> IndexAsync(HttpContext http, PublicSite site, AdminService admin, PageRenderer pages, CancellationToken ct) =>
        await pages.PageAsync<AdminPage>(new { http.User, Overview = await admin.OverviewAsync(site.BaseUrl(http.Request), ct) });

    public static async Task<IResult> ReviewAsync(string code, HttpRequest request, AdminService admin, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        return await admin.ReviewLanguageAsync(code, form["reviewer"], form["reviewed"] != "false", ct, form["shown"]) switch
        {
            AdminResult.Done => Results.Redirect("/beheer#talen"),
            AdminResult.NotFound(var e) => Problems.Field(e.Field, e.Message, StatusCodes.Status404NotFound),
            AdminResult.Rejected(var e) => Problems.Field(e.Field, e.Message),
            _ => throw new InvalidOperationException(),
        };
    }

    public static async Task<IResult> LanguageAsync(string code, HttpContext http, AdminService admin, PageRenderer pages, CancellationToken ct) =>
        await admin.TextsForReviewAsync(code, ct) is { } texts
            ? await pages.PageAsync<LanguageTextsPage>(new { http.User, Texts = texts })
            : Problems.Field("code", $"'{code}' is not a form language.", StatusCodes.Status404NotFound);

    public static async Task<IResult> PosterAsync(string id, string tokenId, HttpRequest request, PublicSite site, AdminService admin,
        PageRenderer pages, CancellationToken ct) =>
        await admin.PosterAsync(id, tokenId, site.BaseUrl(request), ct) is { } poster
            ? await pages.PageAsync<PosterPage>(new { Poster = poster })
            : Problems.Field("tokenId", "No such poster, or it was revoked.", StatusCodes.Status404NotFound);
}
