using System.Text;
using Signalering.Domain.Languages;
using Signalering.Domain.Texts;
using Signalering.Functions.Application;
using Signalering.Functions.Resident;
using Signalering.Storage.Tables;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The administrators' pages in Dutch (function folder AdminPages, admin key in Azure) and the language review API:
/// <list type="bullet">
/// <item><c>GET /admin</c>: every location with its posters (QR as PNG/SVG, printable poster) and every form language
/// with its review status — languages not yet checked by a native speaker stand out;</item>
/// <item><c>POST /admin/languages/{code}/review</c> (form: reviewer, reviewed) and
/// <c>GET /api/admin/languages</c>: the review status per language.</item>
/// </list>
/// </summary>
public static class AdminPagesEndpoints
{
    public static IEndpointRouteBuilder MapAdminPagesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin", IndexAsync);
        app.MapPost("/admin/languages/{code}/review", ReviewAsync);
        app.MapGet("/api/admin/languages", LanguagesAsync);
        return app;
    }

    public sealed record LanguageStatus(string Code, string NativeName, string EnglishName, bool RightToLeft, bool Reviewed, string? Reviewer,
        DateTimeOffset? ReviewedAt, int Texts);

    private static async Task<IReadOnlyList<LanguageStatus>> StatusesAsync(LanguageReviewTable reviews, CancellationToken ct)
    {
        var overrides = await reviews.GetAllAsync(ct);
        return FormLanguages.All.Select(l => overrides.TryGetValue(l.Code, out var r)
                ? new LanguageStatus(l.Code, l.NativeName, l.EnglishName, l.RightToLeft, r.Reviewed, r.Reviewer, r.At, ResidentTexts.Default.KeysOf(l.Code).Count)
                : new LanguageStatus(l.Code, l.NativeName, l.EnglishName, l.RightToLeft, ResidentTexts.Default.IsReviewed(l.Code), null, null,
                    ResidentTexts.Default.KeysOf(l.Code).Count))
            .ToList();
    }

    private static async Task<IResult> LanguagesAsync(LanguageReviewTable reviews, CancellationToken ct) => Results.Ok(await StatusesAsync(reviews, ct));

    private static async Task<IResult> ReviewAsync(string code, HttpRequest request, LanguageReviewTable reviews, TimeProvider time, CancellationToken ct)
    {
        if (!FormLanguages.TryGet(code, out var language)) return Problems.Field("code", $"'{code}' is not a form language.", StatusCodes.Status404NotFound);
        var form = await request.ReadFormAsync(ct);
        var reviewer = form["reviewer"].ToString().Trim();
        if (reviewer.Length is 0 or > 100) return Problems.Field("reviewer", "Name the reviewer (at most 100 characters).");
        await reviews.SetAsync(new LanguageReview(language.Code, form["reviewed"] != "false", reviewer, time.GetUtcNow()), ct);
        return Results.Redirect("/admin#talen");
    }

    private static async Task<IResult> IndexAsync(HttpRequest request, IConfiguration config, ReferenceDataProvider reference,
        Domain.Locations.LocationTokens tokens, LanguageReviewTable reviews, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        var body = new StringBuilder("<h1>Signalering – beheer</h1><h2>Locaties en posters</h2>");
        foreach (var location in set.Locations.Values.OrderBy(l => l.Name, StringComparer.Ordinal))
        {
            body.Append("<h3>").Append(E(location.Name)).Append("</h3><ul>");
            foreach (var token in location.QrTokens)
            {
                body.Append("<li>").Append(E(token.Wing ?? "hele locatie")).Append(": ");
                if (token.Revoked) body.Append("<em>ingetrokken</em>");
                else
                {
                    var basePath = $"/api/admin/locations/{E(location.Id)}/qr-tokens/{E(token.Id)}";
                    body.Append("<a href=\"/admin/locations/").Append(E(location.Id)).Append("/posters/").Append(E(token.Id)).Append("\">poster (A4)</a> · ")
                        .Append("<a href=\"").Append(basePath).Append("/qr.png\">QR als PNG</a> · <a href=\"").Append(basePath).Append("/qr.svg\">QR als SVG</a> · ")
                        .Append("<a href=\"").Append(E(PosterEndpoints.FormUrl(request, config, tokens, token.Id))).Append("\">formulier</a>");
                }
                body.Append("</li>");
            }
            body.Append("</ul>");
        }
        body.Append("<h2 id=\"talen\">Talen van het formulier</h2><p>Teksten die nog niet door een moedertaalspreker zijn nagekeken, staan als <strong>niet nagekeken</strong>.</p>")
            .Append("<table><thead><tr><th scope=\"col\">Taal</th><th scope=\"col\">Status</th><th scope=\"col\">Nakijken</th></tr></thead><tbody>");
        foreach (var l in await StatusesAsync(reviews, ct))
        {
            body.Append("<tr><td><span lang=\"").Append(l.Code).Append("\">").Append(E(l.NativeName)).Append("</span> (").Append(E(l.EnglishName)).Append(", ").Append(l.Code)
                .Append(")</td><td>").Append(l.Reviewed ? $"nagekeken{(l.Reviewer is null ? "" : " door " + E(l.Reviewer))}" : "<strong>niet nagekeken</strong>")
                .Append("</td><td><form method=\"post\" action=\"/admin/languages/").Append(l.Code).Append("/review\"><label for=\"rev-").Append(l.Code)
                .Append("\">Naam nakijker</label><input type=\"text\" id=\"rev-").Append(l.Code).Append("\" name=\"reviewer\" required>")
                .Append("<input type=\"hidden\" name=\"reviewed\" value=\"").Append(l.Reviewed ? "false" : "true").Append("\"><button type=\"submit\">")
                .Append(l.Reviewed ? "Markeer als niet nagekeken" : "Markeer als nagekeken").Append("</button></form></td></tr>");
        }
        body.Append("</tbody></table>");
        var page = new ResidentHtml("nl").Page("Beheer", body.ToString(), about: false)
            .Replace("</style>", "table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #999;padding:.4rem;text-align:start;vertical-align:top}main{max-width:64rem}</style>");
        return Result(page);
    }
}
