using System.Text;
using QRCoder;
using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Functions.Application;
using Signalering.Functions.Expertpool;
using Signalering.Functions.Resident;
using Signalering.Storage.Tables;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The expertpool's member pages (function folder ExpertpoolPages): phone-first, in the member's language, plain
/// links and form posts that work without JavaScript, like the report form. The member code travels only in form
/// posts, never in a URL.
/// <list type="bullet">
/// <item><c>GET /e/l/{qrToken}?lang=</c>: a location's expertpool page (reached from the report form's first page):
/// join, my page, and "you said, we did" of consultations at that location;</item>
/// <item><c>GET|POST /e/join?lang=&amp;loc=</c>: join: profile, how to be invited, explicit consent; shows the member code once;</item>
/// <item><c>GET|POST /e/me</c>: enter the member code; see open invitations and leave;</item>
/// <item><c>POST /e/leave</c>: leave the expertpool (personal data erased);</item>
/// <item><c>GET|POST /e/i/{token}</c>: the personal invitation: score the indicators 1–10, answer the questions, once;
/// <c>GET /e/i/{token}/qr.svg</c>: its QR code, for an invitation on paper;</item>
/// <item><c>GET /e/results/{id}?lang=</c>: "you said, we did" of a closed consultation.</item>
/// </list>
/// </summary>
public static class ExpertpoolPagesEndpoints
{
    public static IEndpointRouteBuilder MapExpertpoolPagesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/e/l/{token}", LocationAsync);
        app.MapGet("/e/join", JoinFormAsync);
        app.MapPost("/e/join", JoinAsync);
        app.MapGet("/e/me", (string? lang) => Result(EnterCode(Html(lang), null)));
        app.MapPost("/e/me", MyPageAsync);
        app.MapPost("/e/leave", LeaveAsync);
        app.MapGet("/e/i/{token}", InvitationAsync);
        app.MapPost("/e/i/{token}", AnswerAsync);
        app.MapGet("/e/i/{token}/qr.svg", QrAsync);
        app.MapGet("/e/results/{id}", ResultsAsync);
        return app;
    }

    private static ExpertpoolHtml Html(string? lang) => new(FormLanguages.TryGet(lang, out var l) ? l.Code : "en");

    private static async Task<IResult> LocationAsync(string token, string? lang, ReferenceDataProvider reference, LocationTokens tokens,
        ExpertpoolService expertpool, Web.PageRenderer pages, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        if (!tokens.TryVerify(token, out var tokenId) || !set.TryResolveToken(tokenId, out var location, out _)) return await Features.Intake.IntakePages.TokenErrorAsync(pages);
        if (!FormLanguages.TryGet(lang, out var language))
            return Result(new ExpertpoolHtml("en").Page("Expertpool", ExpertpoolHtml.LanguageChooser(l => $"/e/l/{token}?lang={l}")));
        var h = new ExpertpoolHtml(language.Code);
        var body = new StringBuilder();
        body.Append("<h1>").Append(Pictograms.Svg("people", 32)).Append(' ').Append(h.T("ep.page.title")).Append("</h1><p>").Append(h.T("ep.intro")).Append("</p>")
            .Append("<a class=\"button\" href=\"/e/join?lang=").Append(language.Code).Append("&amp;loc=").Append(E(token)).Append("\">").Append(h.T("ep.join.title")).Append("</a>")
            .Append("<p><a href=\"/e/me?lang=").Append(language.Code).Append("\">").Append(h.T("ep.me.link")).Append("</a></p>")
            .Append(Outcomes(h, await PublishedAsync(expertpool, location.Id, ct)));
        return Result(h.Page(h.T("ep.page.title"), body.ToString()));
    }

    private static async Task<IReadOnlyList<Consultation>> PublishedAsync(ExpertpoolService expertpool, string locationId, CancellationToken ct) =>
        (await expertpool.Tables.ConsultationsAsync(ct)).Where(c => c.Outcome is not null && c.LocationIds.Contains(locationId))
            .OrderByDescending(c => c.Outcome!.PublishedAt).ToList();

    private static string Outcomes(ExpertpoolHtml h, IReadOnlyList<Consultation> published)
    {
        var sb = new StringBuilder("<h2>").Append(h.T("ep.results.title")).Append("</h2>");
        if (published.Count == 0) return sb.Append("<p>").Append(h.T("ep.results.none")).Append("</p>").ToString();
        sb.Append("<ul>");
        foreach (var c in published)
            sb.Append("<li><a href=\"/e/results/").Append(c.Id).Append("?lang=").Append(h.Language).Append("\">").Append(new ConsultationText(c, h.Language).Html("title")).Append("</a></li>");
        return sb.Append("</ul>").ToString();
    }

    // ---- joining

    private sealed record JoinValues(string? TargetGroup, string? LocationId, ISet<string> Languages, string? AgeRange, string? Gender,
        ISet<string> Indicators, string? Channel, string? Email, string? Phone, bool Consent, string? LocationToken);

    private static async Task<IResult> JoinFormAsync(string? lang, string? loc, ReferenceDataProvider reference, LocationTokens tokens, CancellationToken ct)
    {
        if (!FormLanguages.TryGet(lang, out var language))
            return Result(new ExpertpoolHtml("en").Page("Expertpool", ExpertpoolHtml.LanguageChooser(l => $"/e/join?lang={l}" + (loc is null ? "" : "&loc=" + Uri.EscapeDataString(loc)))));
        var set = await reference.GetAsync(ct);
        var location = tokens.TryVerify(loc, out var tokenId) && set.TryResolveToken(tokenId, out var l, out _) ? l.Id : null;
        var values = new JoinValues(null, location, new HashSet<string> { language.Code }, null, null, new HashSet<string>(), null, null, null, false, loc);
        return Result(RenderJoin(new ExpertpoolHtml(language.Code), values, set.Locations.Values, new Dictionary<string, string>()));
    }

    private static string RenderJoin(ExpertpoolHtml h, JoinValues v, IEnumerable<Location> locations, IReadOnlyDictionary<string, string> errors)
    {
        string? Error(string field) => errors.GetValueOrDefault(field);
        var body = new StringBuilder();
        body.Append("<h1>").Append(h.T("ep.join.title")).Append("</h1><p>").Append(h.T("ep.intro")).Append("</p>").Append(h.Errors(errors))
            .Append("<form method=\"post\" action=\"/e/join\" novalidate><input type=\"hidden\" name=\"lang\" value=\"").Append(h.Language).Append("\">")
            .Append("<input type=\"hidden\" name=\"loc\" value=\"").Append(E(v.LocationToken)).Append("\">")
            .Append(ExpertpoolHtml.Choices("targetGroup", h.T("ep.field.targetGroup"), "radio", TargetGroups.All.Select(g => (g, h.T("ep.group." + g))),
                Set(v.TargetGroup), error: Error("targetGroup")))
            .Append("<label for=\"locationId\">").Append(h.T("ep.field.location")).Append("</label><select id=\"locationId\" name=\"locationId\"")
            .Append(Error("locationId") is null ? "" : " aria-describedby=\"locationId-error\"").Append("><option value=\"\"></option>");
        foreach (var l in locations.OrderBy(l => l.Name, StringComparer.Ordinal))
            body.Append("<option value=\"").Append(E(l.Id)).Append('"').Append(l.Id == v.LocationId ? " selected" : "").Append('>').Append(E(l.Name)).Append("</option>");
        body.Append("</select>");
        if (Error("locationId") is { } le) body.Append("<p class=\"field-error\" id=\"locationId-error\">").Append(le).Append("</p>");
        body.Append(ExpertpoolHtml.Choices("languages", h.T("ep.field.languages"), "checkbox",
                FormLanguages.All.Select(l => (l.Code, $"<span lang=\"{l.Code}\" dir=\"{(l.RightToLeft ? "rtl" : "ltr")}\">{E(l.NativeName)}</span>")), v.Languages,
                layout: "langs", error: Error("languages")))
            .Append(ExpertpoolHtml.Choices("ageRange", h.T("ep.field.age"), "radio", AgeRanges.All.Select(a => (a, $"<span dir=\"ltr\">{a}</span>")), Set(v.AgeRange),
                layout: "mid", error: Error("ageRange")))
            .Append(ExpertpoolHtml.Choices("gender", h.T("ep.field.gender"), "radio",
                Genders.All.Select(g => (g, h.T("ep.gender." + g))).Append(("", h.T("ep.answer.noAnswer"))), Set(v.Gender ?? "")))
            .Append(ExpertpoolHtml.Choices("indicators", h.T("ep.field.indicators"), "checkbox",
                Indicators.All.Select(i => (i.Code, Pictograms.Svg(i.Pictogram, 24) + h.IndicatorName(i))), v.Indicators))
            .Append(ExpertpoolHtml.Choices("channel", h.T("ep.field.channel"), "radio",
                new[] { "location", "email", "phone" }.Select(c => (c, h.T("ep.channel." + c))), Set(v.Channel), error: Error("channel")))
            .Append("<label for=\"email\">").Append(h.T("form.email")).Append("</label><input type=\"email\" id=\"email\" name=\"email\" autocomplete=\"email\" dir=\"ltr\" value=\"")
            .Append(E(v.Email)).Append('"').Append(Error("email") is null ? "" : " aria-invalid=\"true\" aria-describedby=\"email-error\"").Append('>')
            .Append(Error("email") is { } ee ? $"<p class=\"field-error\" id=\"email-error\">{ee}</p>" : "")
            .Append("<label for=\"phone\">").Append(h.T("form.phone")).Append("</label><input type=\"tel\" id=\"phone\" name=\"phone\" autocomplete=\"tel\" dir=\"ltr\" value=\"")
            .Append(E(v.Phone)).Append('"').Append(Error("phone") is null ? "" : " aria-invalid=\"true\" aria-describedby=\"phone-error\"").Append('>')
            .Append(Error("phone") is { } pe ? $"<p class=\"field-error\" id=\"phone-error\">{pe}</p>" : "")
            .Append("<h2>").Append(h.T("ep.consent.title")).Append("</h2><ul id=\"consent-text\">");
        foreach (var item in ConsentRecord.CurrentItems) body.Append("<li>").Append(h.T(item)).Append("</li>");
        body.Append("</ul><div class=\"check\"><input type=\"checkbox\" id=\"consent\" name=\"consent\" value=\"true\"").Append(v.Consent ? " checked" : "")
            .Append(" aria-describedby=\"consent-text").Append(Error("consent") is null ? "" : " consent-error").Append("\"><label for=\"consent\" style=\"margin:0\">")
            .Append(h.T("ep.consent.agree")).Append("</label></div>")
            .Append(Error("consent") is { } ce ? $"<p class=\"field-error\" id=\"consent-error\">{ce}</p>" : "")
            .Append("<button type=\"submit\">").Append(h.T("ep.join.button")).Append("</button></form>");
        return h.Page(h.T("ep.join.title"), body.ToString());
    }

    private static ISet<string> Set(string? value) => value is null ? new HashSet<string>() : new HashSet<string> { value };

    private static async Task<IResult> JoinAsync(HttpRequest request, ExpertpoolService expertpool, ReferenceDataProvider reference, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (!FormLanguages.TryGet(form["lang"], out var language)) return Results.Redirect("/e/join");
        var h = new ExpertpoolHtml(language.Code);
        string? Text(string name) => form[name].ToString() is { Length: > 0 } s ? s.Trim() : null;
        var v = new JoinValues(Text("targetGroup"), Text("locationId"), form["languages"].OfType<string>().ToHashSet(), Text("ageRange"), Text("gender"),
            form["indicators"].OfType<string>().ToHashSet(), Text("channel"), Text("email"), Text("phone"), form["consent"] == "true", Text("loc"));
        try
        {
            var code = await expertpool.JoinAsync(new JoinRequest(language.Code, v.TargetGroup, v.LocationId, null, [.. v.Languages], v.AgeRange, v.Gender,
                [.. v.Indicators], v.Channel, v.Email, v.Phone, v.Consent), ct);
            var body = new StringBuilder("<h1>").Append(h.T("ep.joined.title")).Append("</h1><h2>").Append(h.T("ep.code")).Append("</h2><p class=\"code\">")
                .Append(E(code.ToString())).Append("</p><p>").Append(h.T("ep.codeHelp")).Append("</p><a class=\"button\" href=\"/e/me?lang=").Append(language.Code)
                .Append("\">").Append(h.T("ep.me.title")).Append("</a>");
            return Result(h.Page(h.T("ep.joined.title"), body.ToString()), StatusCodes.Status201Created);
        }
        catch (DomainException e)
        {
            var field = e.Field ?? "targetGroup";
            var message = field switch
            {
                "consent" => h.T("ep.error.consent"),
                "email" => h.T("error.email"),
                "phone" => h.T("error.phone"),
                "contact" => h.T("error.general"),
                _ => h.T("ep.error.required"),
            };
            var target = field is "consent" or "email" or "phone" or "locationId" or "languages" or "ageRange" or "channel" or "targetGroup" ? field : "targetGroup";
            return Result(RenderJoin(h, v, (await reference.GetAsync(ct)).Locations.Values, new Dictionary<string, string> { [target] = message }),
                StatusCodes.Status400BadRequest);
        }
    }

    // ---- the member's own page

    private static string EnterCode(ExpertpoolHtml h, string? error) =>
        h.Page(h.T("ep.me.title"), new StringBuilder("<h1>").Append(h.T("ep.me.title")).Append("</h1>")
            .Append(error is null ? "" : $"<p class=\"notice\" role=\"alert\">{error}</p>")
            .Append("<form method=\"post\" action=\"/e/me\"><input type=\"hidden\" name=\"lang\" value=\"").Append(h.Language).Append("\">")
            .Append("<label for=\"code\">").Append(h.T("ep.me.enterCode")).Append("</label><input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"off\" ")
            .Append("autocapitalize=\"characters\" spellcheck=\"false\" dir=\"ltr\" required><button type=\"submit\">").Append(h.T("ep.me.show")).Append("</button></form>")
            .Append("<p><a href=\"/e/join?lang=").Append(h.Language).Append("\">").Append(h.T("ep.join.title")).Append("</a></p>").ToString());

    private static async Task<IResult> MyPageAsync(HttpContext http, ExpertpoolService expertpool, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var h = Html(form["lang"]);
        switch (await expertpool.FindAsync(StatusLookup.ClientOf(http), form["code"], ct))
        {
            case MemberLookup.Found { Code: var code, View: var view }:
                var body = new StringBuilder("<h1>").Append(h.T("ep.me.title")).Append("</h1><h2>").Append(h.T("ep.me.open")).Append("</h2>");
                if (view.OpenInvitations.Count == 0) body.Append("<p>").Append(h.T("ep.me.none")).Append("</p>");
                else
                {
                    body.Append("<ul class=\"tiles\" style=\"grid-template-columns:1fr\">");
                    foreach (var (c, token) in view.OpenInvitations)
                        body.Append("<li><a class=\"tile\" href=\"/e/i/").Append(E(token)).Append("?lang=").Append(h.Language).Append("\"><span>")
                            .Append(new ConsultationText(c, h.Language).Html("title")).Append("</span><span style=\"font-weight:400\">")
                            .Append(h.T("ep.closesOn", ("date", ResidentViews.DateText(c.ClosesAt)))).Append("</span></a></li>");
                    body.Append("</ul>");
                }
                body.Append(Outcomes(h, await PublishedAsync(expertpool, view.Member.LocationId, ct)))
                    .Append("<h2>").Append(h.T("ep.leave.button")).Append("</h2><form method=\"post\" action=\"/e/leave\"><input type=\"hidden\" name=\"lang\" value=\"")
                    .Append(h.Language).Append("\"><input type=\"hidden\" name=\"code\" value=\"").Append(E(code.ToString())).Append("\"><p id=\"leave-help\">")
                    .Append(h.T("ep.leave.help")).Append("</p><button type=\"submit\" class=\"secondary\" aria-describedby=\"leave-help\">").Append(h.T("ep.leave.button"))
                    .Append("</button></form>");
                return Result(h.Page(h.T("ep.me.title"), body.ToString()));
            case MemberLookup.Blocked b:
                http.Response.Headers.RetryAfter = ((int)Math.Ceiling(b.RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Result(EnterCode(h, h.T("status.tooManyAttempts")), StatusCodes.Status429TooManyRequests);
            default:
                return Result(EnterCode(h, h.T("ep.me.notFound")), StatusCodes.Status404NotFound);
        }
    }

    private static async Task<IResult> LeaveAsync(HttpContext http, ExpertpoolService expertpool, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var h = Html(form["lang"]);
        if (await expertpool.FindAsync(StatusLookup.ClientOf(http), form["code"], ct) is not MemberLookup.Found found || !await expertpool.WithdrawAsync(found.Code, ct))
            return Result(EnterCode(h, h.T("ep.me.notFound")), StatusCodes.Status404NotFound);
        return Result(h.Page(h.T("ep.left"), $"<h1>{h.T("ep.left")}</h1>"));
    }

    // ---- answering

    private sealed record AnswerValues(IReadOnlyDictionary<string, int> Scores, IReadOnlyDictionary<string, int> Choices, IReadOnlyDictionary<string, string> Open);

    private static async Task<IResult> InvitationAsync(string token, string? lang, ExpertpoolService expertpool, CancellationToken ct)
    {
        var state = await expertpool.OpenInvitationAsync(token, ct);
        if (state is not InvitationState.Open open) return Closed(Html(lang), state);
        var h = Html(FormLanguages.TryGet(lang, out _) ? lang : open.Invitation.Language);
        return Result(RenderAnswers(h, token, open.Consultation, new AnswerValues(new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, string>()), null));
    }

    private static IResult Closed(ExpertpoolHtml h, InvitationState state)
    {
        var (key, status) = state switch
        {
            InvitationState.Used => ("ep.answer.used", StatusCodes.Status409Conflict),
            InvitationState.NotOpen => ("ep.answer.closed", StatusCodes.Status410Gone),
            _ => ("ep.answer.invalid", StatusCodes.Status404NotFound),
        };
        return Result(h.Page(h.T(key), $"<h1>{h.T(key)}</h1>"), status);
    }

    private static string RenderAnswers(ExpertpoolHtml h, string token, Consultation c, AnswerValues v, string? error)
    {
        var lang = h.Language;
        var texts = new ConsultationText(c, lang);
        var body = new StringBuilder();
        body.Append("<h1>").Append(texts.Html("title")).Append("</h1><p>").Append(texts.Html("intro")).Append("</p><p class=\"help\">")
            .Append(h.T("ep.closesOn", ("date", ResidentViews.DateText(c.ClosesAt)))).Append("</p>");
        var mark = body.Length;
        if (error is not null) body.Append("<div class=\"errors\" role=\"alert\"><p>").Append(error).Append("</p></div>");
        body.Append("<form method=\"post\" action=\"/e/i/").Append(E(token)).Append("\"><input type=\"hidden\" name=\"lang\" value=\"").Append(lang).Append("\">");
        if (c.Indicators.Count > 0) body.Append("<p>").Append(h.T("ep.answer.score")).Append("</p>");
        foreach (var indicator in c.Indicators.Select(Indicators.Get))
        {
            var selected = v.Scores.TryGetValue(indicator.Code, out var s) ? s.ToString(System.Globalization.CultureInfo.InvariantCulture) : "";
            body.Append(ExpertpoolHtml.Choices("score." + indicator.Code, h.IndicatorName(indicator), "radio",
                Enumerable.Range(1, 10).Select(n => (n.ToString(System.Globalization.CultureInfo.InvariantCulture), $"<span dir=\"ltr\">{n}</span>"))
                    .Append(("", h.T("ep.answer.noAnswer"))), Set(selected), layout: "narrow", legendIcon: Pictograms.Svg(indicator.Pictogram, 28)));
        }
        foreach (var q in c.Questions)
        {
            var icon = q.Indicator is { } code && Indicators.TryGet(code, out var qi) ? Pictograms.Svg(qi.Pictogram, 28) : null;
            if (q.Kind == QuestionKind.Choice)
                body.Append(ExpertpoolHtml.Choices("choice." + q.Id, texts.Html(q.TextKey), "radio",
                    q.Options.Select((_, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), texts.Html(q.OptionKey(i))))
                        .Append(("", h.T("ep.answer.noAnswer"))),
                    Set(v.Choices.TryGetValue(q.Id, out var ch) ? ch.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""), legendIcon: icon));
            else
                body.Append("<label for=\"open-").Append(q.Id).Append("\">").Append(icon).Append(icon is null ? "" : " ").Append(texts.Html(q.TextKey)).Append("<span class=\"help\" id=\"open-").Append(q.Id)
                    .Append("-help\">").Append(h.T("ep.answer.openHelp")).Append("</span></label><textarea id=\"open-").Append(q.Id).Append("\" name=\"open.").Append(q.Id)
                    .Append("\" maxlength=\"").Append(AnswerSet.MaxOpenLength).Append("\" dir=\"auto\" aria-describedby=\"open-").Append(q.Id).Append("-help\">")
                    .Append(E(v.Open.GetValueOrDefault(q.Id))).Append("</textarea>");
        }
        body.Append("<button type=\"submit\">").Append(h.T("ep.answer.send")).Append("</button></form>");
        if (texts.MachineTranslated) body.Insert(mark, $"<p class=\"label\">{h.T("responses.machineTranslated")}</p>");
        return h.Page(texts.Plain("title"), body.ToString());
    }

    private static async Task<IResult> AnswerAsync(string token, HttpRequest request, ExpertpoolService expertpool, CancellationToken ct)
    {
        var state = await expertpool.OpenInvitationAsync(token, ct);
        var form = await request.ReadFormAsync(ct);
        var h = Html(form["lang"]);
        if (state is not InvitationState.Open open) return Closed(h, state);
        static int? Number(string? s) => int.TryParse(s, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : null;
        var scores = new Dictionary<string, int>();
        var choices = new Dictionary<string, int>();
        var openAnswers = new Dictionary<string, string>();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("score.", StringComparison.Ordinal) && Number(value) is { } score) scores[key[6..]] = score;
            else if (key.StartsWith("choice.", StringComparison.Ordinal) && Number(value) is { } option) choices[key[7..]] = option;
            else if (key.StartsWith("open.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(value)) openAnswers[key[5..]] = value.ToString();
        }
        try
        {
            var outcome = await expertpool.AnswerAsync(open, h.Language, scores, choices, openAnswers, ct);
            if (outcome == AnswerOutcome.AlreadyAnswered) return Closed(h, new InvitationState.Used());
            return Result(h.Page(h.T("ep.answer.thanks"), $"<h1>{h.T("ep.answer.thanks")}</h1>"));
        }
        catch (DomainException)
        {
            return Result(RenderAnswers(h, token, open.Consultation, new AnswerValues(scores, choices, openAnswers), h.T("ep.error.required")),
                StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> QrAsync(string token, HttpRequest request, IConfiguration config, ExpertpoolService expertpool, CancellationToken ct)
    {
        if (await expertpool.OpenInvitationAsync(token, ct) is InvitationState.Invalid) return Problems.Field("token", "Unknown invitation.", StatusCodes.Status404NotFound);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode($"{PosterEndpoints.PublicBaseUrl(request, config)}/e/i/{token}", QRCodeGenerator.ECCLevel.M);
        return Results.Text(new SvgQRCode(data).GetGraphic(10), "image/svg+xml", Encoding.UTF8);
    }

    // ---- you said, we did

    private static async Task<IResult> ResultsAsync(string id, string? lang, ExpertpoolService expertpool, CancellationToken ct)
    {
        var h = Html(lang);
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (c, _) || c.Outcome is null)
            return Result(h.Page(h.T("ep.results.title"), $"<h1>{h.T("ep.results.title")}</h1><p>{h.T("ep.results.none")}</p>"), StatusCodes.Status404NotFound);
        var texts = new ConsultationText(c, h.Language);
        var body = new StringBuilder("<h1>").Append(h.T("ep.results.title")).Append("</h1><h2>").Append(texts.Html("title")).Append("</h2><h3>")
            .Append(h.T("ep.results.heard")).Append("</h3><p>").Append(texts.Html("heard")).Append("</p><h3>").Append(h.T("ep.results.willDo")).Append("</h3><p>")
            .Append(texts.Html("willDo")).Append("</p>");
        if (texts.MachineTranslated) body.Append("<p class=\"label\">").Append(h.T("responses.machineTranslated")).Append("</p>");
        return Result(h.Page(h.T("ep.results.title"), body.ToString()));
    }
}
