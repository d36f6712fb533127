using System.Text.Json;
using System.Text.Json.Serialization;
using Signalering.Domain.Intake;
using Signalering.Domain.Languages;
using Signalering.Domain.Texts;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Features.Status;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Intake;

/// <summary>
/// Intake as JSON, for apps and the form's script: <c>POST /api/signals</c> (submit a signal) and the public reference
/// data a form needs, <c>GET /api/reference/languages</c> and <c>GET /api/reference/categories?lang=ar</c>. A thin
/// face over <see cref="IntakeService"/>.
/// </summary>
public static class IntakeApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip };

    public static async Task<IResult> SubmitAsync(HttpRequest request, IntakeService intake, Security.IntakeGate gate, CancellationToken ct)
    {
        RequestBodyLimit.Apply(request.HttpContext, JsonBody.MaxBytes);
        IntakeRequest? body;
        try
        {
            (body, var problem) = await JsonBody.ReadAsync<IntakeRequest>(request, Json, ct);
            if (problem is not null) return problem;
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A body sent without its length passes JsonBody's check and stops at the limit while it is read.
            return Problems.Field("body", $"The body is too large (at most {JsonBody.MaxBytes / 1024} KB).", e.StatusCode);
        }

        // The header (the HTTP convention) and the field (for clients that cannot set headers) name the same key.
        var header = request.Headers["Idempotency-Key"].ToString();
        if (!string.IsNullOrEmpty(header))
        {
            if (!string.IsNullOrEmpty(body!.IdempotencyKey) && body.IdempotencyKey != header)
                return Problems.Field("idempotencyKey", "The Idempotency-Key header and the idempotencyKey field differ.");
            body = body with { IdempotencyKey = header };
        }

        if (await gate.TakeAsync(request.HttpContext, body!.LocationToken, ct) is { Allowed: false } spent)
            return Security.IntakeGate.TooMany(request.HttpContext, spent);
        switch (await intake.SubmitAsync(body!, ct))
        {
            case IntakeResult.Invalid invalid:
                return Problems.Fields(invalid.Errors);
            case IntakeResult.KeyReused:
                return Problems.Field("idempotencyKey", "This idempotency key was already used for a different report. Use a new key.",
                    StatusCodes.Status422UnprocessableEntity);
            case IntakeResult.Accepted accepted:
                var view = ResidentViews.Accepted(accepted.Signal, ResidentTexts.Default);
                if (accepted.Replayed) request.HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
                return Results.Accepted(view.StatusUrl, view);
            default:
                throw new InvalidOperationException();
        }
    }

    public static IResult Languages() => Results.Ok(FormLanguages.All.Select(l => new
    {
        code = l.Code,
        name = l.NativeName,
        englishName = l.EnglishName,
        direction = l.RightToLeft ? "rtl" : "ltr",
        reviewed = ResidentTexts.Default.IsReviewed(l.Code),
    }));

    public static async Task<IResult> CategoriesAsync(string? lang, ReferenceDataProvider reference, CancellationToken ct)
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
