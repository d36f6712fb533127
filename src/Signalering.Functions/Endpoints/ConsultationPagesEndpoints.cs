using System.Text;
using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Languages;
using Signalering.Functions.Application;
using Signalering.Functions.Auth;
using Signalering.Functions.Resident;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The municipality's consultation pages in Dutch, next to the inbox (function folder InboxPage, same sign-in cookie):
/// where a native speaker checks and corrects a consultation's translations, and where the printable report opens.
/// Role municipality or admin.
/// <list type="bullet">
/// <item><c>GET /inbox/expertpool</c>: the consultations;</item>
/// <item><c>GET|POST /inbox/expertpool/nieuw</c>: a new consultation;</item>
/// <item><c>POST /inbox/expertpool/{id}/uitnodigen</c>, <c>POST /inbox/expertpool/{id}/uitkomst</c>: invite the members; publish "you said, we did";</item>
/// <item><c>GET /inbox/expertpool/{id}</c>: translation status per language;</item>
/// <item><c>GET|POST /inbox/expertpool/{id}/talen/{lang}</c>: check (and correct) one language's texts;</item>
/// <item><c>GET /inbox/expertpool/{id}/rapport</c>: the printable report.</item>
/// </list>
/// </summary>
public static class ConsultationPagesEndpoints
{
    public static IEndpointRouteBuilder MapConsultationPagesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inbox/expertpool", ListAsync);
        app.MapGet("/inbox/expertpool/nieuw", NewFormAsync);
        app.MapPost("/inbox/expertpool/nieuw", CreateAsync);
        app.MapPost("/inbox/expertpool/{id}/uitnodigen", InviteAsync);
        app.MapPost("/inbox/expertpool/{id}/uitkomst", PublishAsync);
        app.MapGet("/inbox/expertpool/{id}", DetailAsync);
        app.MapGet("/inbox/expertpool/{id}/talen/{lang}", ReviewFormAsync);
        app.MapPost("/inbox/expertpool/{id}/talen/{lang}", ReviewAsync);
        app.MapGet("/inbox/expertpool/{id}/rapport", ReportAsync);
        return app;
    }

    private static string Page(string title, string body) =>
        new ResidentHtml("nl").Page(title, body, about: false).Replace("</style>",
            "main{max-width:64rem}table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #999;padding:.4rem;text-align:start;vertical-align:top}</style>");

    private static bool Allowed(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && SignaleringClaims.OrganisationOf(http.User) is not null
        && (http.User.IsInRole(Roles.Municipality) || http.User.IsInRole(Roles.Admin));

    private static IResult Refused(HttpContext http) => Result(Page("Geen toegang",
        "<h1>Expertpool</h1><p>Deze pagina's zijn voor de gemeente. Meld u aan via <a href=\"/inbox\">de inbox</a> met een account met de rol gemeente of beheer.</p>"),
        http.User.Identity?.IsAuthenticated == true ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized);

    private static string Status(Consultation c, FormLanguage l) =>
        c.IsReviewed(l.Code) ? $"nagekeken door {E(c.Translations[l.Code].Reviewer)}"
        : c.PendingLanguages().Contains(l.Code) ? "<strong>nog niet (helemaal) vertaald</strong>: leden lezen Nederlands"
        : "<strong>machinevertaling, niet nagekeken</strong>";

    private static async Task<IResult> ListAsync(HttpContext http, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct)
    {
        if (!Allowed(http)) return Refused(http);
        var now = time.GetUtcNow();
        var body = new StringBuilder("<h1>Expertpool – consultaties</h1><p><a href=\"/inbox/expertpool/nieuw\">Nieuwe consultatie</a> · <a href=\"/inbox\">Naar de inbox</a></p><table><thead><tr><th scope=\"col\">Titel</th>")
            .Append("<th scope=\"col\">Open</th><th scope=\"col\">Status</th></tr></thead><tbody>");
        foreach (var c in (await expertpool.Tables.ConsultationsAsync(ct)).OrderByDescending(c => c.OpensAt))
            body.Append("<tr><td><a href=\"/inbox/expertpool/").Append(c.Id).Append("\">").Append(E(c.Title)).Append("</a></td><td>")
                .Append(ResidentViews.DateText(c.OpensAt)).Append(" – ").Append(ResidentViews.DateText(c.ClosesAt)).Append("</td><td>")
                .Append(c.IsOpen(now) ? "open" : c.IsClosed(now) ? (c.Outcome is null ? "gesloten" : "gesloten, terugkoppeling gepubliceerd") : "nog niet open")
                .Append("</td></tr>");
        return Result(Page("Expertpool", body.Append("</tbody></table>").ToString()));
    }

    private static Task<IResult> DetailAsync(string id, HttpContext http, ExpertpoolService expertpool, CancellationToken ct) =>
        RenderDetailAsync(id, http, expertpool, ct, null);

    private static async Task<IResult> RenderDetailAsync(string id, HttpContext http, ExpertpoolService expertpool, CancellationToken ct, string? message)
    {
        if (!Allowed(http)) return Refused(http);
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (c, _)) return Result(Page("Onbekend", "<h1>Onbekende consultatie</h1>"), StatusCodes.Status404NotFound);
        var body = new StringBuilder("<p><a href=\"/inbox/expertpool\">Alle consultaties</a></p><h1>").Append(E(c.Title)).Append("</h1><p>")
            .Append(E(c.Introduction)).Append("</p><p><a href=\"/inbox/expertpool/").Append(c.Id).Append("/rapport\">Rapport (afdrukbaar)</a></p>")
            .Append("<h2>Vertalingen</h2><p>Een moedertaalspreker kijkt elke taal na en verbetert waar nodig. Tot er een vertaling is, lezen leden de Nederlandse tekst.</p>")
            .Append("<table><thead><tr><th scope=\"col\">Taal</th><th scope=\"col\">Status</th><th scope=\"col\">Nakijken</th></tr></thead><tbody>");
        foreach (var l in FormLanguages.All.Where(l => l.Code != "nl"))
            body.Append("<tr><td><span lang=\"").Append(l.Code).Append("\">").Append(E(l.NativeName)).Append("</span> (").Append(E(l.EnglishName)).Append(")</td><td>")
                .Append(Status(c, l)).Append("</td><td><a href=\"/inbox/expertpool/").Append(c.Id).Append("/talen/").Append(l.Code).Append("\">")
                .Append(E(l.EnglishName)).Append(" nakijken</a></td></tr>");
        body.Append("</tbody></table>");
        if (message is not null) body.Append("<p role=\"status\"><strong>").Append(E(message)).Append("</strong></p>");
        body.Append("<h2>Uitnodigen</h2><p>Elk lid uit de uitgenodigde doelgroepen en locaties krijgt een eigen link die één keer werkt. ")
            .Append("Wie per e-mail of telefoon uitgenodigd wil worden, staat in de verzendlijst (<a href=\"/api/expertpool/consultations/").Append(c.Id)
            .Append("/mailing.csv\">CSV</a>); wie de link op de locatie ziet, vindt hem op de eigen pagina.</p><form method=\"post\" action=\"/inbox/expertpool/")
            .Append(c.Id).Append("/uitnodigen\"><button type=\"submit\">Leden uitnodigen</button></form>");
        body.Append("<h2>Jullie zeiden, wij doen</h2>");
        if (c.Outcome is { } outcome)
            body.Append("<p>Gepubliceerd op ").Append(ResidentViews.DateText(outcome.PublishedAt)).Append(".</p><p><strong>Wat we hoorden:</strong> ")
                .Append(E(outcome.Heard)).Append("</p><p><strong>Wat we gaan doen:</strong> ").Append(E(outcome.WillDo)).Append("</p>");
        else
            body.Append("<p>Na de sluiting: wat de gemeente hoorde en wat zij gaat doen. Leden lezen het in hun taal, en iedereen die de QR-code van de locatie scant.</p>")
                .Append("<form method=\"post\" action=\"/inbox/expertpool/").Append(c.Id).Append("/uitkomst\">")
                .Append("<label for=\"heard\">Wat we hoorden</label><textarea id=\"heard\" name=\"heard\" required maxlength=\"2000\"></textarea>")
                .Append("<label for=\"willDo\">Wat we gaan doen</label><textarea id=\"willDo\" name=\"willDo\" required maxlength=\"2000\"></textarea>")
                .Append("<button type=\"submit\">Publiceren</button></form>");
        return Result(Page(E(c.Title), body.ToString()), message is null || !message.StartsWith("Dat lukte niet", StringComparison.Ordinal) ? 200 : 409);
    }

    private static IResult NewForm(ReferenceSetView set, string? error, IFormCollection? entered = null)
    {
        string V(string name) => E(entered?[name].ToString());
        bool On(string name, string value) => entered?[name].Contains(value) == true;
        var b = new StringBuilder("<p><a href=\"/inbox/expertpool\">Alle consultaties</a></p><h1>Nieuwe consultatie</h1>");
        if (error is not null) b.Append("<div class=\"errors\" role=\"alert\"><p>").Append(E(error)).Append("</p></div>");
        b.Append("<form method=\"post\" action=\"/inbox/expertpool/nieuw\">")
            .Append("<label for=\"title\">Titel</label><input type=\"text\" id=\"title\" name=\"title\" required maxlength=\"200\" value=\"").Append(V("title")).Append("\">")
            .Append("<label for=\"introduction\">Inleiding (kort, eenvoudig Nederlands: het wordt machinaal vertaald en per taal nagekeken)</label>")
            .Append("<textarea id=\"introduction\" name=\"introduction\" required maxlength=\"2000\">").Append(V("introduction")).Append("</textarea>")
            .Append("<fieldset><legend>Doelgroepen</legend>");
        foreach (var g in TargetGroups.All)
            b.Append("<label><input type=\"checkbox\" name=\"targetGroups\" value=\"").Append(g).Append('"').Append(On("targetGroups", g) ? " checked" : "").Append("> ")
                .Append(E(TargetGroups.DutchName(g))).Append("</label>");
        b.Append("</fieldset><fieldset><legend>Locaties</legend>");
        foreach (var (id, name) in set.Locations)
            b.Append("<label><input type=\"checkbox\" name=\"locationIds\" value=\"").Append(E(id)).Append('"').Append(On("locationIds", id) ? " checked" : "").Append("> ")
                .Append(E(name)).Append("</label>");
        b.Append("</fieldset><fieldset><legend>Indicatoren (elk een cijfer van 1 tot 10)</legend>");
        foreach (var i in Indicators.All)
            b.Append("<label><input type=\"checkbox\" name=\"indicators\" value=\"").Append(i.Code).Append('"').Append(On("indicators", i.Code) ? " checked" : "").Append("> ")
                .Append(E(i.DutchName)).Append("</label>");
        b.Append("</fieldset><label for=\"openQuestion\">Open vraag (niet verplicht)</label><input type=\"text\" id=\"openQuestion\" name=\"openQuestion\" maxlength=\"300\" value=\"")
            .Append(V("openQuestion")).Append("\">")
            .Append("<label for=\"opens\">Open vanaf</label><input type=\"date\" id=\"opens\" name=\"opens\" required value=\"").Append(V("opens")).Append("\">")
            .Append("<label for=\"closes\">Open tot en met</label><input type=\"date\" id=\"closes\" name=\"closes\" required value=\"").Append(V("closes")).Append("\">")
            .Append("<label><input type=\"checkbox\" name=\"inPerson\" value=\"true\"").Append(On("inPerson", "true") ? " checked" : "").Append("> Ook een bijeenkomst op locatie (aanwezigheid en vergoeding registreren)</label>")
            .Append("<button type=\"submit\">Aanmaken</button></form>");
        return Result(Page("Nieuwe consultatie", b.ToString()), error is null ? 200 : 400);
    }

    /// <summary>What the new-consultation form needs of the reference data.</summary>
    private sealed record ReferenceSetView(IReadOnlyList<(string Id, string Name)> Locations);

    private static async Task<ReferenceSetView> ViewAsync(ReferenceDataProvider reference, CancellationToken ct) =>
        new((await reference.GetAsync(ct)).Locations.Values.OrderBy(l => l.Name).Select(l => (l.Id, l.Name)).ToList());

    private static async Task<IResult> NewFormAsync(HttpContext http, ReferenceDataProvider reference, CancellationToken ct) =>
        !Allowed(http) ? Refused(http) : NewForm(await ViewAsync(reference, ct), null);

    private static async Task<IResult> CreateAsync(HttpContext http, ExpertpoolService expertpool, ReferenceDataProvider reference, CancellationToken ct)
    {
        if (!Allowed(http)) return Refused(http);
        var form = await http.Request.ReadFormAsync(ct);
        var view = await ViewAsync(reference, ct);
        try
        {
            // Dates are Dutch days: open from the first day's start to the end of the last.
            var zone = Domain.Clocks.WorkingTime.DutchZone;
            DateTimeOffset Day(string field, bool end) =>
                DateOnly.TryParseExact(form[field].ToString(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var d)
                    ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue))).AddDays(end ? 1 : 0)
                    : throw new DomainException("Kies een datum.", field);
            var locations = form["locationIds"].Where(l => view.Locations.Any(x => x.Id == l)).Select(l => l!).ToList();
            var open = form["openQuestion"].ToString().Trim();
            var c = Consultation.Create(form["title"].ToString().Trim(), form["introduction"].ToString().Trim(), [.. form["targetGroups"].Select(g => g!)],
                locations, [.. form["indicators"].Select(i => i!)], open.Length == 0 ? [] : [new Question("", QuestionKind.Open, open, null, [])],
                Day("opens", end: false), Day("closes", end: true), form["inPerson"].ToString() == "true", SignaleringClaims.ActorOf(http.User));
            await expertpool.Tables.SaveConsultationAsync(c, null, ct);
            return Results.Redirect("/inbox/expertpool/" + c.Id);
        }
        catch (DomainException e)
        {
            return NewForm(view, e.Message, form);
        }
    }

    private static async Task<IResult> InviteAsync(string id, HttpContext http, ExpertpoolService expertpool, CancellationToken ct)
    {
        if (!Allowed(http)) return Refused(http);
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (c, _)) return Result(Page("Onbekend", "<h1>Onbekende consultatie</h1>"), StatusCodes.Status404NotFound);
        try
        {
            var invited = await expertpool.InviteAsync(c, ct);
            return await RenderDetailAsync(id, http, expertpool, ct, $"{invited} lid/leden uitgenodigd.");
        }
        catch (DomainException e)
        {
            return await RenderDetailAsync(id, http, expertpool, ct, "Dat lukte niet: " + e.Message);
        }
    }

    private static async Task<IResult> PublishAsync(string id, HttpContext http, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct)
    {
        if (!Allowed(http)) return Refused(http);
        var form = await http.Request.ReadFormAsync(ct);
        try
        {
            if (await expertpool.ChangeAsync(id, c => c.Publish(form["heard"].ToString().Trim(), form["willDo"].ToString().Trim(), time.GetUtcNow()), ct) is null)
                return Result(Page("Onbekend", "<h1>Onbekende consultatie</h1>"), StatusCodes.Status404NotFound);
            return Results.Redirect("/inbox/expertpool/" + id);
        }
        catch (DomainException e)
        {
            return await RenderDetailAsync(id, http, expertpool, ct, "Dat lukte niet: " + e.Message);
        }
    }

    private static async Task<IResult> ReviewFormAsync(string id, string lang, HttpContext http, ExpertpoolService expertpool, CancellationToken ct)
    {
        if (!Allowed(http)) return Refused(http);
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (c, _) || !FormLanguages.TryGet(lang, out var language) || language.Code == "nl")
            return Result(Page("Onbekend", "<h1>Onbekende consultatie of taal</h1>"), StatusCodes.Status404NotFound);
        return Result(ReviewForm(c, language, null, null));
    }

    private static string ReviewForm(Consultation c, FormLanguage l, IReadOnlyDictionary<string, string>? entered, string? error)
    {
        var body = new StringBuilder("<p><a href=\"/inbox/expertpool/").Append(c.Id).Append("\">Terug</a></p><h1>").Append(E(l.EnglishName)).Append(": ")
            .Append(E(c.Title)).Append("</h1><p>").Append(Status(c, l)).Append("</p>");
        if (error is not null) body.Append("<div class=\"errors\" role=\"alert\"><p>").Append(E(error)).Append("</p></div>");
        body.Append("<form method=\"post\" action=\"/inbox/expertpool/").Append(c.Id).Append("/talen/").Append(l.Code).Append("\">");
        var i = 0;
        foreach (var (key, dutch) in c.DutchTexts())
        {
            var current = entered?.GetValueOrDefault(key) ?? (c.Translations.TryGetValue(l.Code, out var t) ? t.Texts.GetValueOrDefault(key) : null);
            body.Append("<label for=\"t").Append(i).Append("\">").Append(E(dutch)).Append("</label><input type=\"hidden\" name=\"key\" value=\"").Append(E(key))
                .Append("\"><textarea id=\"t").Append(i).Append("\" name=\"text\" lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr")
                .Append("\" style=\"min-height:4rem\">").Append(E(current)).Append("</textarea>");
            i++;
        }
        body.Append("<label for=\"reviewer\">Naam nakijker</label><input type=\"text\" id=\"reviewer\" name=\"reviewer\" required>")
            .Append("<button type=\"submit\">Opslaan en markeren als nagekeken</button></form>");
        return Page(E(l.EnglishName), body.ToString());
    }

    private static async Task<IResult> ReviewAsync(string id, string lang, HttpContext http, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct)
    {
        if (!Allowed(http)) return Refused(http);
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (current, _) || !FormLanguages.TryGet(lang, out var language) || language.Code == "nl")
            return Result(Page("Onbekend", "<h1>Onbekende consultatie of taal</h1>"), StatusCodes.Status404NotFound);
        var form = await http.Request.ReadFormAsync(ct);
        var keys = form["key"];
        var texts = form["text"];
        var entered = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(keys.Count, texts.Count); i++)
            if (!string.IsNullOrWhiteSpace(texts[i])) entered[keys[i]!] = texts[i]!;
        try
        {
            // Checked on the copy just read first, so a bad form changes nothing.
            current.Review(language.Code, form["reviewer"].ToString(), entered, time.GetUtcNow());
            await expertpool.ChangeAsync(id, c => c.Review(language.Code, form["reviewer"].ToString(), entered, time.GetUtcNow()), ct);
            return Results.Redirect($"/inbox/expertpool/{id}");
        }
        catch (DomainException e)
        {
            return Result(ReviewForm(current, language, entered, e.Field == "texts" ? "Vul elke tekst in voordat u de taal als nagekeken markeert." : e.Message),
                StatusCodes.Status400BadRequest);
        }
    }

    private static async Task<IResult> ReportAsync(string id, HttpContext http, ExpertpoolService expertpool, ExpertpoolReports reports, CancellationToken ct)
    {
        if (!Allowed(http)) return Refused(http);
        return await expertpool.Tables.GetConsultationAsync(id, ct) is var (c, _)
            ? Result(Expertpool.ExpertpoolReportHtml.Render(await reports.ReportAsync(c, ct)))
            : Result(Page("Onbekend", "<h1>Onbekende consultatie</h1>"), StatusCodes.Status404NotFound);
    }
}
