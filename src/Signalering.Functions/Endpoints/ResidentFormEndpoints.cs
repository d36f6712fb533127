using System.Text;
using Signalering.Domain.Categories;
using Signalering.Domain.Intake;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Signals;
using Signalering.Functions.Application;
using Signalering.Functions.Resident;
using Signalering.Storage.Blobs;
using Signalering.Storage.Tables;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The resident's report form (function folder ResidentForm), reached from a location's QR code. Each step is its own
/// page and plain link or form post, so it works without JavaScript on any phone:
/// <list type="number">
/// <item><c>GET /r/{token}</c>: choose a language by its own name (the location's main languages first);</item>
/// <item><c>GET /r/{token}/{lang}</c>: main category tiles;</item>
/// <item><c>GET /r/{token}/{lang}/{category}</c>: subcategory tiles (and "something else");</item>
/// <item><c>GET|POST /r/{token}/{lang}/{category}/{sub}</c>: optional text, photo and contact; submit. "-" as sub
/// means no subcategory (then a text is required).</item>
/// </list>
/// A submission goes through the same <see cref="IntakeService"/> as POST /api/signals and lands on the status page
/// (/s/{code}), which shows the tracking code large. The idempotency key is minted when the form is rendered, so a
/// double tap, a reload or the script's retries all yield the one signal.
/// </summary>
public static class ResidentFormEndpoints
{
    private const string NoSubcategory = "-";

    public static IEndpointRouteBuilder MapResidentFormEndpoints(this IEndpointRouteBuilder app)
    {
        var form = app.MapGroup("/r/{token}");
        form.MapGet("", LanguagesAsync);
        form.MapGet("/{lang}", CategoriesAsync);
        form.MapGet("/{lang}/{category}", SubcategoriesAsync);
        form.MapGet("/{lang}/{category}/{sub}", FormAsync);
        form.MapPost("/{lang}/{category}/{sub}", SubmitAsync)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(PhotoSanitiser.MaxBytes + 64 * 1024));
        return app;
    }

    private sealed record Place(Location Location, ReferenceSet Set);

    private static async Task<Place?> ResolveAsync(string token, ReferenceDataProvider reference, LocationTokens tokens, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        return tokens.TryVerify(token, out var tokenId) && set.TryResolveToken(tokenId, out var location, out _) ? new Place(location, set) : null;
    }

    /// <summary>A forged, unknown or revoked code: we cannot know the resident's language, so say it in all of them.</summary>
    internal static IResult TokenError()
    {
        var body = new StringBuilder("<h1 lang=\"en\">QR code</h1><ul class=\"tiles\" style=\"grid-template-columns:1fr\">");
        foreach (var l in FormLanguages.All)
            body.Append("<li lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\">")
                .Append(new ResidentHtml(l.Code).T("error.token")).Append("</li>");
        body.Append("</ul>");
        return Result(new ResidentHtml("en").Page("QR", body.ToString(), about: false), StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> LanguagesAsync(string token, ReferenceDataProvider reference, LocationTokens tokens, CancellationToken ct)
    {
        if (await ResolveAsync(token, reference, tokens, ct) is not { } place) return TokenError();
        var ordered = place.Location.MainLanguages.Where(c => FormLanguages.TryGet(c, out _)).Select(FormLanguages.Get)
            .Concat(FormLanguages.All).Distinct().ToList();
        var html = new ResidentHtml("en");
        var body = new StringBuilder();
        // The heading in the location's first languages: a resident who reads one of them knows what to do.
        body.Append("<h1>");
        foreach (var l in ordered.Take(3)) body.Append("<span lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr")
            .Append("\" style=\"display:block\">").Append(new ResidentHtml(l.Code).T("form.chooseLanguage")).Append("</span>");
        body.Append("</h1><ul class=\"tiles langs\">");
        foreach (var l in ordered)
            body.Append("<li><a class=\"tile\" lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\" href=\"/r/")
                .Append(E(token)).Append('/').Append(l.Code).Append("\">").Append(E(l.NativeName)).Append("</a></li>");
        body.Append("</ul>").Append(Expertpool.ExpertpoolHtml.LocationLink(token, ordered.Take(2)));
        return Result(html.Page("Language", body.ToString()));
    }

    private static async Task<IResult> CategoriesAsync(string token, string lang, ReferenceDataProvider reference, LocationTokens tokens, CancellationToken ct)
    {
        if (await ResolveAsync(token, reference, tokens, ct) is not { } place) return TokenError();
        if (!FormLanguages.TryGet(lang, out var language)) return Results.Redirect($"/r/{Uri.EscapeDataString(token)}");
        var h = new ResidentHtml(language.Code);
        var body = new StringBuilder();
        body.Append("<a class=\"back\" href=\"/r/").Append(E(token)).Append("\">").Append(h.T("form.back")).Append("</a>")
            .Append("<h1>").Append(h.T("form.chooseCategory")).Append("</h1><ul class=\"tiles\">");
        foreach (var c in place.Set.Categories.Main)
            body.Append("<li><a class=\"tile\" href=\"/r/").Append(E(token)).Append('/').Append(language.Code).Append('/').Append(c.Code).Append("\">")
                .Append(Pictograms.Svg(c.Pictogram)).Append("<span>").Append(E(c.NameIn(language.Code))).Append("</span></a></li>");
        body.Append("</ul>");
        return Result(h.Page(h.T("form.chooseCategory"), body.ToString()));
    }

    private static async Task<IResult> SubcategoriesAsync(string token, string lang, string category, ReferenceDataProvider reference,
        LocationTokens tokens, CancellationToken ct)
    {
        if (await ResolveAsync(token, reference, tokens, ct) is not { } place) return TokenError();
        if (!FormLanguages.TryGet(lang, out var language) || !place.Set.Categories.TryGet(category, out var main) || !main.IsMain)
            return Results.Redirect($"/r/{Uri.EscapeDataString(token)}");
        var h = new ResidentHtml(language.Code);
        var subs = place.Set.Categories.SubcategoriesOf(main.Code).ToList();
        var body = new StringBuilder();
        body.Append("<a class=\"back\" href=\"/r/").Append(E(token)).Append('/').Append(language.Code).Append("\">").Append(h.T("form.back")).Append("</a>")
            .Append("<h1>").Append(Pictograms.Svg(main.Pictogram, 32)).Append(' ').Append(E(main.NameIn(language.Code))).Append("</h1>");
        if (subs.Any(s => s.Emergency)) body.Append(h.Emergency(subs.Any(s => s.Emergency && s.Code == "zorg-zelfdoding")));
        body.Append("<h2>").Append(h.T("form.chooseSubcategory")).Append("</h2><ul class=\"tiles\">");
        foreach (var s in subs.OrderByDescending(s => s.Emergency))
            body.Append("<li><a class=\"tile").Append(s.Emergency ? " urgent" : "").Append("\" href=\"/r/").Append(E(token)).Append('/').Append(language.Code)
                .Append('/').Append(main.Code).Append('/').Append(s.Code).Append("\">").Append(s.Emergency ? Pictograms.Svg("alert", 32) : "")
                .Append("<span>").Append(E(s.NameIn(language.Code))).Append("</span></a></li>");
        var other = place.Set.Categories.TryGet("overig", out var o) ? o.NameIn(language.Code) : "…";
        body.Append("<li><a class=\"tile\" href=\"/r/").Append(E(token)).Append('/').Append(language.Code).Append('/').Append(main.Code).Append('/')
            .Append(NoSubcategory).Append("\">").Append(Pictograms.Svg("question", 32)).Append("<span>").Append(E(other)).Append("</span></a></li></ul>");
        return Result(h.Page(E(main.NameIn(language.Code)), body.ToString()));
    }

    private sealed record FormValues(string? Text, string? Phone, string? Email, bool Consent, string IdempotencyKey, bool FormalComplaint = false,
        bool? DangerNow = null, bool? AboutStaff = null);

    /// <summary>
    /// One of the form's two safety questions as big yes/no choices with a pictogram: a resident who cannot or will not
    /// write it down can still say "someone is in danger" or "this is about staff". Plain radio buttons: no script needed.
    /// </summary>
    private static string Question(ResidentHtml h, string name, string pictogram, string textKey, bool? value, string? helpKey = null)
    {
        string Option(string v, bool selected, string key) =>
            $$"""<label><input type="radio" name="{{name}}" value="{{v}}"{{(selected ? " checked" : "")}}>{{Pictograms.Svg(v, 24)}}{{h.T(key)}}</label>""";
        var help = helpKey is null ? "" : $$"""<p class="help" id="{{name}}-help">{{h.T(helpKey)}}</p>""";
        var described = helpKey is null ? "" : $" aria-describedby=\"{name}-help\"";
        return $$"""<fieldset class="ask" id="{{name}}"{{described}}><legend>{{Pictograms.Svg(pictogram, 28)}}<span>{{h.T(textKey)}}</span></legend>"""
            + $$"""<div class="yn">{{Option("yes", value == true, "form.yes")}}{{Option("no", value == false, "form.no")}}</div>{{help}}</fieldset>""";
    }

    private static bool? YesNo(string? value) => value switch { "yes" => true, "no" => false, _ => null };

    private static async Task<IResult> FormAsync(string token, string lang, string category, string sub, ReferenceDataProvider reference,
        LocationTokens tokens, CancellationToken ct)
    {
        if (await ResolveAsync(token, reference, tokens, ct) is not { } place) return TokenError();
        if (Step(place, token, lang, category, sub) is not var (language, main, subcategory)) return Results.Redirect($"/r/{Uri.EscapeDataString(token)}");
        return Result(RenderForm(token, language, main, subcategory, new FormValues(null, null, null, false, NewKey()), new Dictionary<string, string>()));
    }

    private static (FormLanguage, Category, Category?)? Step(Place place, string token, string lang, string category, string sub)
    {
        if (!FormLanguages.TryGet(lang, out var language) || !place.Set.Categories.TryGet(category, out var main) || !main.IsMain) return null;
        if (sub == NoSubcategory) return (language, main, null);
        return place.Set.Categories.TryGet(sub, out var s) && s.ParentCode == main.Code ? (language, main, s) : null;
    }

    private static string NewKey() => "form-" + Guid.NewGuid().ToString("N");

    private static string RenderForm(string token, FormLanguage language, Category main, Category? sub, FormValues values,
        IReadOnlyDictionary<string, string> errors)
    {
        var h = new ResidentHtml(language.Code);
        var lang = language.Code;
        var action = $"/r/{E(token)}/{lang}/{main.Code}/{sub?.Code ?? NoSubcategory}";
        var title = E((sub ?? main).NameIn(lang));
        var body = new StringBuilder();
        body.Append("<a class=\"back\" href=\"/r/").Append(E(token)).Append('/').Append(lang).Append('/').Append(main.Code).Append("\">")
            .Append(h.T("form.back")).Append("</a><h1>").Append(Pictograms.Svg(main.Pictogram, 32)).Append(' ').Append(title).Append("</h1>");
        if (sub is { Emergency: true }) body.Append(h.Emergency(sub.Code == "zorg-zelfdoding"));
        if (errors.Count > 0)
        {
            body.Append("<div class=\"errors\" role=\"alert\" tabindex=\"-1\"><h2>").Append(h.T("form.errorTitle")).Append("</h2><ul>");
            foreach (var (field, message) in errors) body.Append("<li><a href=\"#").Append(field).Append("\">").Append(message).Append("</a></li>");
            body.Append("</ul></div>");
        }
        string Error(string field) => errors.TryGetValue(field, out var m) ? $"<p class=\"field-error\" id=\"{field}-error\">{m}</p>" : "";
        string Described(string field, string help) => errors.ContainsKey(field) ? $" aria-invalid=\"true\" aria-describedby=\"{help} {field}-error\"" : $" aria-describedby=\"{help}\"";

        body.Append("<form id=\"report\" method=\"post\" enctype=\"multipart/form-data\" action=\"").Append(action).Append("\" novalidate>")
            .Append("<input type=\"hidden\" name=\"idempotencyKey\" value=\"").Append(E(values.IdempotencyKey)).Append("\">")
            .Append(Question(h, "dangerNow", "alert", "form.dangerNow", values.DangerNow))
            .Append(Question(h, "aboutStaff", "badge", "form.aboutStaff", values.AboutStaff, "form.aboutStaffHelp"))
            .Append("<label for=\"text\">").Append(h.T("form.describe")).Append("<span class=\"help\" id=\"text-help\">")
            .Append(sub is null ? "" : h.T("form.describeOptional") + " ").Append(h.T("form.describeHelp")).Append("</span></label>")
            .Append("<textarea id=\"text\" name=\"text\" maxlength=\"2000\" dir=\"auto\"").Append(sub is null ? " required" : "")
            .Append(Described("text", "text-help")).Append('>').Append(E(values.Text)).Append("</textarea>")
            .Append("<button type=\"button\" id=\"speak\" class=\"secondary\" hidden>").Append(Pictograms.Svg("mic", 22)).Append(' ').Append(h.T("form.speak")).Append("</button>")
            .Append(Error("text"))
            .Append("<label for=\"photo\">").Append(h.T("form.photo")).Append("<span class=\"help\" id=\"photo-help\">").Append(h.T("form.photoHelp"))
            .Append("</span></label><input type=\"file\" id=\"photo\" name=\"photo\" accept=\"image/jpeg,image/png\"").Append(Described("photo", "photo-help"))
            .Append('>').Append(Error("photo"))
            .Append("<fieldset style=\"border:0;padding:0;margin:1.5rem 0 0\"><legend style=\"font-weight:700;font-size:1.1rem\">").Append(h.T("form.contactTitle"))
            .Append("</legend><label for=\"phone\">").Append(h.T("form.phone")).Append("</label><input type=\"tel\" id=\"phone\" name=\"phone\" autocomplete=\"tel\" dir=\"ltr\" value=\"")
            .Append(E(values.Phone)).Append('"').Append(Described("phone", "consent-help")).Append('>').Append(Error("phone"))
            .Append("<label for=\"email\">").Append(h.T("form.email")).Append("</label><input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" dir=\"ltr\" value=\"")
            .Append(E(values.Email)).Append('"').Append(Described("email", "consent-help")).Append('>').Append(Error("email"))
            .Append("<div class=\"check\"><input type=\"checkbox\" id=\"contactConsent\" name=\"contactConsent\" value=\"true\"").Append(values.Consent ? " checked" : "")
            .Append(Described("contactConsent", "consent-help")).Append("><label for=\"contactConsent\" style=\"margin:0\">").Append(h.T("form.consent"))
            .Append("</label></div><p class=\"help\" id=\"consent-help\">").Append(h.T("form.consentHelp")).Append("</p>").Append(Error("contactConsent"))
            .Append("</fieldset><div class=\"check\"><input type=\"checkbox\" id=\"formalComplaint\" name=\"formalComplaint\" value=\"true\"")
            .Append(values.FormalComplaint ? " checked" : "").Append("><label for=\"formalComplaint\" style=\"margin:0\">").Append(h.T("form.formalComplaint")).Append("</label></div>")
            .Append("<p id=\"state\" class=\"notice\" role=\"status\" hidden data-sending=\"").Append(h.T("form.sending"))
            .Append("\" data-offline=\"").Append(h.T("form.offline")).Append("\" data-restored=\"").Append(h.T("form.draftRestored")).Append("\"></p>")
            .Append("<button type=\"submit\">").Append(h.T("form.submit")).Append("</button></form>");
        return h.Page(title, body.ToString(), script: FormScript.Js);
    }

    private static async Task<IResult> SubmitAsync(string token, string lang, string category, string sub, HttpRequest request,
        ReferenceDataProvider reference, LocationTokens tokens, IntakeService intake, AttachmentStore attachments, SignalTable signals,
        TimeProvider time, ILoggerFactory logs, Security.IntakeGate gate, CancellationToken ct)
    {
        if (await ResolveAsync(token, reference, tokens, ct) is not { } place) return TokenError();
        if (Step(place, token, lang, category, sub) is not var (language, main, subcategory)) return Results.Redirect($"/r/{Uri.EscapeDataString(token)}");
        var h = new ResidentHtml(language.Code);
        var spent = await gate.TakeAsync(request.HttpContext, token, ct);
        var wantsJson = request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase);
        IFormCollection form;
        try { form = await request.ReadFormAsync(ct); }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Result(RenderForm(token, language, main, subcategory, new FormValues(null, null, null, false, NewKey()),
                new Dictionary<string, string> { ["photo"] = h.T("error.photo") }), StatusCodes.Status400BadRequest);
        }
        string? Field(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        var values = new FormValues(Field("text"), Field("phone"), Field("email"), form["contactConsent"] == "true",
            Field("idempotencyKey") is { Length: <= 100 } key ? key : NewKey(), form["formalComplaint"] == "true",
            YesNo(Field("dangerNow")), YesNo(Field("aboutStaff")));
        if (!spent.Allowed)
        {
            request.HttpContext.Response.Headers.RetryAfter = Security.AbuseGuard.RetryAfterSeconds(spent.RetryAfter);
            return Result(RenderForm(token, language, main, subcategory, values, new Dictionary<string, string> { ["report"] = h.T("error.busy") }),
                StatusCodes.Status429TooManyRequests);
        }

        // The photo is checked before anything is stored: a bad photo must not leave a signal behind.
        PhotoSanitiser.Photo? photo = null;
        if (form.Files.Count > 1 || form.Files["photo"] is { Length: > 0 })
        {
            var file = form.Files.Count == 1 ? form.Files["photo"] : null; // one photo, under its own name
            var bytes = new byte[Math.Min(file?.Length ?? 0, PhotoSanitiser.MaxBytes + 1)];
            if (file is not null) await using (var stream = file.OpenReadStream()) await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct);
            photo = file is null || file.Length > PhotoSanitiser.MaxBytes ? null : Security.PhotoReencoder.Reencode(bytes);
            if (photo is null && wantsJson) return Problems.Field("photo", h.T("error.photo"));
            if (photo is null)
                return Result(RenderForm(token, language, main, subcategory, values, new Dictionary<string, string> { ["photo"] = h.T("error.photo") }),
                    StatusCodes.Status400BadRequest);
        }

        var contact = values.Phone is null && values.Email is null ? null : new ContactInput(values.Phone, values.Email);
        var result = await intake.SubmitAsync(new IntakeRequest(token, language.Code, main.Code, subcategory?.Code, values.Text, contact,
            values.Consent, values.IdempotencyKey, values.FormalComplaint, values.DangerNow, values.AboutStaff), ct);
        switch (result)
        {
            case IntakeResult.Accepted accepted:
                if (photo is not null && accepted.Signal.Attachments.Count == 0)
                    await AttachAsync(accepted.Signal.Code, photo, attachments, signals, time, logs.CreateLogger("ResidentForm"), ct);
                var statusUrl = $"/s/{accepted.Signal.Code.Value}?lang={language.Code}&new=1";
                return wantsJson
                    ? Results.Json(new { trackingCode = accepted.Signal.Code.ToString(), statusUrl }, statusCode: StatusCodes.Status202Accepted)
                    : Results.Redirect(statusUrl, permanent: false, preserveMethod: false); // 302 → GET: a reload does not post again
            case IntakeResult.Invalid invalid when invalid.Errors.Any(e => e.Field == "locationToken"):
                return TokenError();
            case IntakeResult.Invalid invalid:
                var errors = new Dictionary<string, string>();
                foreach (var e in invalid.Errors)
                {
                    var (field, textKey) = e.Field switch
                    {
                        "text" => ("text", values.Text is { Length: > 2000 } ? "error.textTooLong" : "error.text"),
                        "contactConsent" or "contact" => ("contactConsent", "error.contactConsent"),
                        "contact.phone" => ("phone", "error.phone"),
                        "contact.email" => ("email", "error.email"),
                        _ => ("text", "error.general"),
                    };
                    errors.TryAdd(field, h.T(textKey));
                }
                return Result(RenderForm(token, language, main, subcategory, values, errors), StatusCodes.Status400BadRequest);
            default:
                return Result(RenderForm(token, language, main, subcategory, values with { IdempotencyKey = NewKey() },
                    new Dictionary<string, string> { ["text"] = h.T("error.general") }), StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Stores the photo and records it on the signal. A failure here loses the photo, never the signal.</summary>
    private static async Task AttachAsync(TrackingCode code, PhotoSanitiser.Photo photo, AttachmentStore attachments, SignalTable signals,
        TimeProvider time, ILogger log, CancellationToken ct)
    {
        try
        {
            var name = await attachments.SaveAsync(code, photo.Content, photo.ContentType, ct);
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var stored = await signals.GetAsync(code, ct);
                if (stored is null) return;
                stored.Signal.AttachPhoto(name, time.GetUtcNow());
                if (await signals.SaveAsync(stored, stored.Signal, [], [], time.GetUtcNow(), ct)) return;
            }
            log.LogWarning("Recording the photo of {Code} kept conflicting; the blob is stored", code.ToString());
        }
        catch (Azure.RequestFailedException e)
        {
            log.LogWarning(e, "Storing the photo of {Code} failed; the signal is kept without it", code.ToString());
        }
    }
}
