using Signalering.Domain.Languages;
using Signalering.Domain.Texts;
using Signalering.Functions.Application;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// Public reference data for the resident form (function folder Reference):
/// <c>GET /api/reference/languages</c>, <c>GET /api/reference/categories?lang=ar</c>.
/// </summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/reference/languages", GetLanguages);
        app.MapGet("/api/reference/categories", GetCategoriesAsync);
        return app;
    }

    private static IResult GetLanguages() => Results.Ok(FormLanguages.All.Select(l => new
    {
        code = l.Code,
        name = l.NativeName,
        englishName = l.EnglishName,
        direction = l.RightToLeft ? "rtl" : "ltr",
        reviewed = ResidentTexts.Default.IsReviewed(l.Code),
    }));

    private static async Task<IResult> GetCategoriesAsync(string? lang, ReferenceDataProvider reference, CancellationToken ct)
    {
        if (lang is not null && !FormLanguages.TryGet(lang, out _))
            return Problems.Field("lang", $"Language must be one of: {string.Join(", ", FormLanguages.All.Select(l => l.Code))}.");
        var language = lang is null ? "en" : FormLanguages.Get(lang).Code;
        var tree = (await reference.GetAsync(ct)).Categories;
        return Results.Ok(tree.Main.Select(c => new
        {
            code = c.Code,
            name = c.NameIn(language),
            pictogram = c.Pictogram,
            emergency = c.Emergency,
            subcategories = tree.SubcategoriesOf(c.Code).Select(s => new
            {
                code = s.Code,
                name = s.NameIn(language),
                emergency = s.Emergency,
                resolveWithinWorkingDays = s.Promise.ResolveWithinWorkingDays,
            }),
        }));
    }
}
