using Signalering.Domain.Intake;
using Signalering.Domain.Languages;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Intake;

/// <summary>
/// The resident's report form, reached from a location's QR code. Each step is its own page and plain link or form
/// post, so it works without JavaScript on any phone:
/// <list type="number">
/// <item><c>GET /r/{token}</c>: what this is, 112, what a report cannot cost this location's residents, and every
/// language by its own name; in the language chosen on this phone before, else the phone's own, else the location's first;</item>
/// <item><c>GET /r/{token}/{lang}</c>: main category tiles (and the phone remembers the language);</item>
/// <item><c>GET /r/{token}/{lang}/{category}</c>: subcategory tiles (and "something else");</item>
/// <item><c>GET|POST /r/{token}/{lang}/{category}/{sub}</c>: the two safety questions, optional text, photo and
/// contact; submit. "-" as sub means no subcategory (then a text is required);</item>
/// <item><c>GET /r/{token}/{lang}/{category}/{sub}/{code}</c>: the confirmation, where a submission lands: the code to
/// keep, what happens when, and the way to report something else.</item>
/// </list>
/// The form's script asks for JSON instead and goes to the confirmation itself. A thin face over <see cref="ResidentFormService"/>.
/// </summary>
public static class IntakePages
{
    /// <summary>The form's post carries at most one photo and a few short fields.</summary>
    private const long MaxPostBytes = PhotoSanitiser.MaxBytes + 64 * 1024;

    public static async Task<IResult> LanguagesAsync(string token, HttpRequest request, ResidentFormService form, PageRenderer pages, CancellationToken ct)
    {
        if (await form.FindAsync(token, ct) is not { } place) return await TokenErrorAsync(pages);
        // One address, a page per phone: no cache in between may hand one phone's language to the next.
        request.HttpContext.Response.Headers.Vary = "Accept-Language, Cookie";
        return await pages.PageAsync<LanguagePage>(new { L = ResidentLanguage.For(null, request, place.FirstLanguage), Place = place });
    }

    public static async Task<IResult> CategoriesAsync(string token, string lang, HttpContext http, ResidentFormService form, PageRenderer pages,
        CancellationToken ct)
    {
        if (await form.FindAsync(token, ct) is not { } place) return await TokenErrorAsync(pages);
        if (!FormLanguages.TryGet(lang, out var language)) return Start(token);
        var chosen = new ResidentLanguage(language.Code);
        ResidentLanguage.Remember(http, chosen);
        return await pages.PageAsync<CategoriesPage>(new { L = chosen, Place = place });
    }

    public static async Task<IResult> SubcategoriesAsync(string token, string lang, string category, ResidentFormService form, PageRenderer pages,
        CancellationToken ct)
    {
        if (await form.FindAsync(token, ct) is not { } place) return await TokenErrorAsync(pages);
        if (place.Main(lang, category) is not var (language, main)) return Start(token);
        return await pages.PageAsync<SubcategoriesPage>(new { L = new ResidentLanguage(language.Code), Place = place, Main = main });
    }

    public static async Task<IResult> DetailsAsync(string token, string lang, string category, string sub, ResidentFormService form, PageRenderer pages,
        CancellationToken ct)
    {
        if (await form.FindAsync(token, ct) is not { } place) return await TokenErrorAsync(pages);
        if (place.Step(lang, category, sub) is not { } step) return Start(token);
        return await FormAsync(pages, place, step, FormAnswers.Empty(), new Dictionary<string, string>());
    }

    public static async Task<IResult> SubmitAsync(string token, string lang, string category, string sub, HttpRequest request, ResidentFormService form,
        PageRenderer pages, Security.IntakeGate gate, CancellationToken ct)
    {
        RequestBodyLimit.Apply(request.HttpContext, MaxPostBytes);
        if (await form.FindAsync(token, ct) is not { } place) return await TokenErrorAsync(pages);
        if (place.Step(lang, category, sub) is not { } step) return Start(token);
        var language = new ResidentLanguage(step.Language.Code);
        IFormCollection fields;
        try { fields = await request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
        {
            // An upload that broke off or was too large: the photo is what makes a form post that big.
            return await FormAsync(pages, place, step, FormAnswers.Empty(), Errors(ResidentFormService.PhotoRefused, null, language), StatusCodes.Status400BadRequest);
        }
        string? Field(string name) => fields[name].ToString() is { Length: > 0 } v ? v : null;
        var answers = new FormAnswers(Field("text"), Field("phone"), Field("email"), fields["contactConsent"] == "true",
            Field("idempotencyKey") is { Length: <= 100 } key ? key : FormAnswers.NewKey(), fields["formalComplaint"] == "true",
            YesNo(Field("dangerNow")), YesNo(Field("aboutStaff")));

        // Too many reports from this phone or this location just now: the form again, their words kept, "try again soon".
        if (await gate.TakeAsync(request.HttpContext, token, ct) is { Allowed: false } spent)
        {
            request.HttpContext.Response.Headers.RetryAfter = Security.AbuseGuard.RetryAfterSeconds(spent.RetryAfter);
            return await FormAsync(pages, place, step, answers, new Dictionary<string, string> { ["report"] = language.T("error.busy") },
                StatusCodes.Status429TooManyRequests);
        }
        if (fields.Files.Count > 1) // one photo, under its own name
            return await FormAsync(pages, place, step, answers, Errors(ResidentFormService.PhotoRefused, answers, language), StatusCodes.Status400BadRequest);
        switch (await form.SubmitAsync(place, step, answers, fields.Files["photo"], ct))
        {
            case IntakeResult.Accepted accepted:
                var confirmationUrl = $"/r/{Uri.EscapeDataString(token)}/{language.Code}/{step.Main.Code}/{step.Sub?.Code ?? FormPlace.NoSubcategory}/{accepted.Signal.Code.Value}";
                return WantsJson(request)
                    ? Results.Json(new { trackingCode = accepted.Signal.Code.ToString(), statusUrl = StatusPath(accepted.Signal, language), confirmationUrl },
                        statusCode: StatusCodes.Status202Accepted)
                    : Results.Redirect(confirmationUrl, permanent: false, preserveMethod: false); // 302 → GET: a reload does not post again
            case IntakeResult.Invalid invalid when invalid.Errors.Any(e => e.Field == "locationToken"):
                return await TokenErrorAsync(pages);
            case IntakeResult.Invalid invalid when WantsJson(request):
                return Problems.Fields(invalid.Errors); // the form's script puts each message beside its field
            case IntakeResult.Invalid invalid:
                return await FormAsync(pages, place, step, answers, Errors(invalid, answers, language), StatusCodes.Status400BadRequest);
            default:
                // The key was used for another report (a draft changed after a lost answer): a fresh key sends this one.
                return await FormAsync(pages, place, step, answers with { IdempotencyKey = FormAnswers.NewKey() },
                    new Dictionary<string, string> { ["text"] = language.T("error.general") }, StatusCodes.Status409Conflict);
        }
    }

    public static async Task<IResult> ConfirmationAsync(string token, string lang, string category, string sub, string code, HttpContext http,
        ResidentFormService form, PageRenderer pages, PublicSite site, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (await form.FindAsync(token, ct) is not { } place) return await TokenErrorAsync(pages);
        if (place.Step(lang, category, sub) is not { } step) return Start(token);
        var language = new ResidentLanguage(step.Language.Code);
        // A code that is not this place's, or a client that guessed too often: the status page says which, as it does for a typed code.
        if (await form.ReceivedAsync(place, Features.Status.StatusLookup.ClientOf(http), code, ct) is not { } signal)
            return Results.Redirect($"/s/{Uri.EscapeDataString(code)}?lang={language.Code}");
        var statusPath = StatusPath(signal, language);
        return await pages.PageAsync<ConfirmationPage>(new { L = language, Place = place, Signal = signal, StatusPath = statusPath,
            StatusUrl = site.Url(http.Request, statusPath) });
    }

    private static string StatusPath(Domain.Signals.Signal signal, ResidentLanguage language) => $"/s/{signal.Code.Value}?lang={language.Code}";

    /// <summary>A forged, unknown or revoked code: we cannot know the resident's language, so the page says it in all of them.</summary>
    public static Task<IResult> TokenErrorAsync(PageRenderer pages) => pages.PageAsync<TokenErrorPage>(new { }, StatusCodes.Status404NotFound);

    private static IResult Start(string token) => Results.Redirect($"/r/{Uri.EscapeDataString(token)}");

    private static bool WantsJson(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);

    private static Task<IResult> FormAsync(PageRenderer pages, FormPlace place, FormStep step, FormAnswers answers,
        IReadOnlyDictionary<string, string> errors, int status = StatusCodes.Status200OK) =>
        pages.PageAsync<FormPage>(new { L = new ResidentLanguage(step.Language.Code), Place = place, Step = step, Answers = answers, Errors = errors }, status);

    private static bool? YesNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    /// <summary>The intake's field errors as the form's fields and texts, in the resident's language; the first per field wins.</summary>
    private static Dictionary<string, string> Errors(IntakeResult.Invalid invalid, FormAnswers? answers, ResidentLanguage language)
    {
        var errors = new Dictionary<string, string>();
        foreach (var e in invalid.Errors)
        {
            var (field, textKey) = e.Field switch
            {
                "photo" => ("photo", "error.photo"),
                "text" => ("text", answers?.Text is { Length: > 2000 } ? "error.textTooLong" : "error.text"),
                "contactConsent" or "contact" => ("contactConsent", "error.contactConsent"),
                "contact.phone" => ("phone", "error.phone"),
                "contact.email" => ("email", "error.email"),
                _ => ("text", "error.general"),
            };
            errors.TryAdd(field, language.T(textKey));
        }
        return errors;
    }
}
