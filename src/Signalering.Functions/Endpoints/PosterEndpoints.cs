using System.Text;
using QRCoder;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Functions.Application;
using Signalering.Functions.Resident;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// QR codes and printable posters per location poster (QR token). Function folders: Admin (the images, under
/// /api/admin) and AdminPages (the poster page, under /admin); both need the admin key in Azure.
/// <list type="bullet">
/// <item><c>GET /api/admin/locations/{id}/qr-tokens/{tokenId}/qr.png</c> and <c>qr.svg</c>: the code alone;</item>
/// <item><c>GET /admin/locations/{id}/posters/{tokenId}</c>: an A4 poster — pictograms, "Scan to report a problem" in
/// the location's main languages, 112, and the reassurance that reporting is safe.</item>
/// </list>
/// The code holds only <c>{base}/r/{token}</c>; the token is random and signed (see <see cref="LocationTokens"/>).
/// </summary>
public static class PosterEndpoints
{
    public static IEndpointRouteBuilder MapPosterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/locations/{id}/qr-tokens/{tokenId}/qr.{format}", QrAsync);
        app.MapGet("/admin/locations/{id}/posters/{tokenId}", PosterAsync);
        return app;
    }

    internal static string FormUrl(HttpRequest request, IConfiguration config, LocationTokens tokens, string tokenId) =>
        $"{PublicBaseUrl(request, config)}/r/{tokens.Sign(tokenId)}";

    /// <summary>In Azure the public address (a custom domain) is configured; locally the request's own host serves.</summary>
    internal static string PublicBaseUrl(HttpRequest request, IConfiguration config) =>
        config["Resident:PublicBaseUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}";

    private static async Task<(Location, QrTokenRecord)?> FindAsync(string id, string tokenId, ReferenceDataProvider reference, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        if (!set.Locations.TryGetValue(id, out var location)) return null;
        var token = location.QrTokens.FirstOrDefault(t => t.Id == tokenId);
        return token is null || token.Revoked ? null : (location, token);
    }

    private static async Task<IResult> QrAsync(string id, string tokenId, string format, HttpRequest request, IConfiguration config,
        ReferenceDataProvider reference, LocationTokens tokens, CancellationToken ct)
    {
        if (format is not ("png" or "svg")) return Problems.Field("format", "Use qr.png or qr.svg.", StatusCodes.Status404NotFound);
        if (await FindAsync(id, tokenId, reference, ct) is null)
            return Problems.Field("tokenId", "No such poster, or it was revoked.", StatusCodes.Status404NotFound);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(FormUrl(request, config, tokens, tokenId), QRCodeGenerator.ECCLevel.M);
        return format == "png"
            ? Results.File(new PngByteQRCode(data).GetGraphic(12), "image/png")
            : Results.Text(new SvgQRCode(data).GetGraphic(10), "image/svg+xml", Encoding.UTF8);
    }

    private static async Task<IResult> PosterAsync(string id, string tokenId, HttpRequest request, IConfiguration config,
        ReferenceDataProvider reference, LocationTokens tokens, CancellationToken ct)
    {
        if (await FindAsync(id, tokenId, reference, ct) is not var (location, token))
            return Problems.Field("tokenId", "No such poster, or it was revoked.", StatusCodes.Status404NotFound);
        var url = FormUrl(request, config, tokens, tokenId);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(10, "#000000", "#ffffff", drawQuietZones: true);
        var languages = location.MainLanguages.Where(c => FormLanguages.TryGet(c, out _)).Select(FormLanguages.Get)
            .Append(FormLanguages.Dutch).Append(FormLanguages.Get("en")).Distinct().Take(5).ToList();
        var set = await reference.GetAsync(ct);
        var body = new StringBuilder();
        body.Append("<div class=\"poster\"><h1>");
        foreach (var l in languages)
            body.Append("<span lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\">")
                .Append(new ResidentHtml(l.Code).T("poster.scan")).Append("</span>");
        body.Append("</h1><div class=\"icons\">");
        foreach (var c in set.Categories.Main) body.Append(Pictograms.Svg(c.Pictogram, 44));
        body.Append("</div><div class=\"qr\" role=\"img\" aria-label=\"QR code: ").Append(E(url)).Append("\">").Append(svg).Append("</div>")
            .Append("<p class=\"url\">").Append(E(url)).Append("</p><div class=\"emergency\"><strong>112</strong><ul>");
        foreach (var l in languages)
            body.Append("<li lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\">")
                .Append(new ResidentHtml(l.Code).T("emergency.call112")).Append("</li>");
        body.Append("</ul></div><ul class=\"reassure\">");
        foreach (var l in languages)
        {
            var h = new ResidentHtml(l.Code);
            body.Append("<li lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\">")
                .Append(h.T("reassurance.noInfluence")).Append(' ').Append(h.T("poster.anyLanguage")).Append("</li>");
        }
        body.Append("</ul><p class=\"where\">").Append(E(location.Name)).Append(token.Wing is null ? "" : " – " + E(token.Wing)).Append("</p></div>");
        const string posterCss = """
@page{size:A4;margin:12mm}
.poster{max-width:186mm;margin:0 auto;text-align:center}
.poster h1{font-size:1.6rem;display:flex;flex-direction:column;gap:.2rem}
.poster .icons{display:flex;justify-content:center;flex-wrap:wrap;gap:.6rem;color:#0b4f8a;margin:.5rem 0}
.poster .qr svg{width:90mm;height:90mm}
.poster .url{font-size:.75rem;word-break:break-all;color:#444}
.poster ul{list-style:none;padding:0;margin:.3rem 0}
.poster .emergency strong{font-size:2.5rem}
.poster .reassure li{margin:.3rem 0}
@media print{body{background:#fff}main{padding:0}}
""";
        var page = new ResidentHtml("nl").Page("Poster " + E(location.Name), body.ToString(), about: false)
            .Replace("</style>", posterCss + "</style>");
        return Result(page);
    }
}
