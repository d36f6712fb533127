using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using System.Text;
using Signalering.Domain.Languages;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Application;
using Signalering.Functions.Auth;
using Signalering.Functions.Resident;
using Signalering.Storage.Tables;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The coordinators' inbox as a server-rendered page in Dutch (function folder InboxPage), for a laptop or a tablet.
/// Same rules as the API (<see cref="InboxEndpoints"/>): own organisation only, audited, ETags. The bearer token rides
/// in an HttpOnly, SameSite=Strict cookie set by <c>POST /inbox/login</c> (locally: paste a token from
/// scripts/token.sh; in Azure the sign-in in front of the app supplies it).
/// </summary>
public static class InboxPageEndpoints
{
    private static readonly TimeZoneInfo Netherlands = Domain.Clocks.WorkingTime.DutchZone;

    public static IEndpointRouteBuilder MapInboxPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/inbox", ListAsync);
        app.MapPost("/inbox/login", LoginAsync);
        app.MapPost("/inbox/logout", Logout);
        app.MapGet("/inbox/signals/{code}", DetailAsync);
        app.MapPost("/inbox/signals/{code}/{action}", ActAsync);
        return app;
    }

    private static readonly Dictionary<string, string> StatusNl = new()
    {
        ["received"] = "ontvangen", ["routed"] = "nieuw", ["accepted"] = "aangenomen", ["in-progress"] = "in behandeling",
        ["awaiting-resident"] = "wacht op bewoner", ["forwarded"] = "doorgestuurd", ["resolved"] = "opgelost", ["merged"] = "samengevoegd",
        ["cancelled"] = "geannuleerd", ["reopened"] = "heropend",
    };

    private static string Page(string title, string body) =>
        new ResidentHtml("nl").Page(title, body, about: false).Replace("</style>",
            "main{max-width:72rem}table{border-collapse:collapse;width:100%;background:#fff}td,th{border:1px solid #999;padding:.4rem;text-align:start;vertical-align:top}" +
            ".late{color:#a4000f;font-weight:700}.inline{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}.inline button{width:auto;margin:0}" +
            ".filters label{margin:0 0 .2rem}select{font:inherit;padding:.5rem;border:2px solid #555;border-radius:8px;background:#fff}</style>");

    private static bool SignedIn(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && SignaleringClaims.OrganisationOf(http.User) is not null
        && Roles.All.Any(http.User.IsInRole);

    private static IResult LoginPage(string? error = null) =>
        PageSignIn.LoginPage(Page, "Signalering – inbox", "/inbox/login", "coordinator --org coa-luttelgeest", error);

    private static Task<IResult> LoginAsync(HttpContext http, CancellationToken ct) =>
        PageSignIn.SignInAsync(http, "/inbox", error => LoginPage(error), ct);

    private static IResult Logout(HttpContext http) => PageSignIn.SignOut(http, "/inbox");

    private static string Local(DateTimeOffset? at) =>
        at is { } t ? TimeZoneInfo.ConvertTime(t, Netherlands).ToString("ddd d MMM HH:mm", CultureInfo.GetCultureInfo("nl-NL")) : "–";

    private static async Task<IResult> ListAsync(HttpContext http, SignalTable signals, ReferenceDataProvider reference, TimeProvider time, CancellationToken ct,
        string? status = null, string? category = null, string? location = null, string? urgent = null, string? overdue = null)
    {
        if (!SignedIn(http)) return LoginPage();
        var org = SignaleringClaims.OrganisationOf(http.User)!;
        var set = await reference.GetAsync(ct);
        var filter = new InboxEndpoints.InboxFilter(SignalStatusCodes.TryParse(status, out _) ? status : null, string.IsNullOrEmpty(category) ? null : category,
            string.IsNullOrEmpty(location) ? null : location, urgent == "true" ? true : null, overdue == "true" ? true : null);
        var items = await InboxEndpoints.InboxAsync(org, filter, signals, time.GetUtcNow(), ct);
        var name = set.Organisations.TryGetValue(org, out var o) ? o.Name : org;

        string Options(IEnumerable<(string Value, string Label)> options, string? selected) =>
            "<option value=\"\">alle</option>" + string.Concat(options.Select(x =>
                $"<option value=\"{E(x.Value)}\"{(x.Value == selected ? " selected" : "")}>{E(x.Label)}</option>"));
        var body = new StringBuilder();
        body.Append("<h1>Inbox – ").Append(E(name)).Append("</h1><form method=\"post\" action=\"/inbox/logout\"><button type=\"submit\" class=\"secondary\" style=\"width:auto\">Uitloggen</button></form>")
            .Append("<form method=\"get\" action=\"/inbox\" class=\"inline filters\" aria-label=\"Filters\">")
            .Append("<div><label for=\"f-status\">Status</label><select id=\"f-status\" name=\"status\">").Append(Options(StatusNl.Select(s => (s.Key, s.Value)), filter.Status)).Append("</select></div>")
            .Append("<div><label for=\"f-category\">Onderwerp</label><select id=\"f-category\" name=\"category\">")
            .Append(Options(set.Categories.All.Select(c => (c.Code, (c.IsMain ? "" : "– ") + c.NameIn("nl"))), filter.Category)).Append("</select></div>")
            .Append("<div><label for=\"f-location\">Locatie</label><select id=\"f-location\" name=\"location\">")
            .Append(Options(set.Locations.Values.Select(l => (l.Id, l.Name)), filter.Location)).Append("</select></div>")
            .Append("<div class=\"check\"><input type=\"checkbox\" id=\"f-urgent\" name=\"urgent\" value=\"true\"").Append(filter.Urgent == true ? " checked" : "").Append("><label for=\"f-urgent\" style=\"margin:0\">Alleen spoed</label></div>")
            .Append("<div class=\"check\"><input type=\"checkbox\" id=\"f-overdue\" name=\"overdue\" value=\"true\"").Append(filter.Overdue == true ? " checked" : "").Append("><label for=\"f-overdue\" style=\"margin:0\">Alleen te laat</label></div>")
            .Append("<button type=\"submit\">Filter</button></form>");
        body.Append("<p>").Append(items.Count).Append(" meldingen; te laat en spoed bovenaan.</p>")
            .Append("<table><thead><tr><th scope=\"col\">Code</th><th scope=\"col\">Onderwerp</th><th scope=\"col\">Locatie</th><th scope=\"col\">Status</th>")
            .Append("<th scope=\"col\">Aannemen vóór</th><th scope=\"col\">Oplossen vóór</th></tr></thead><tbody>");
        foreach (var i in items)
        {
            var subject = set.Categories.TryGet(i.Subcategory ?? i.Category, out var c) ? c.NameIn("nl") : i.Category;
            var place = set.Locations.TryGetValue(i.LocationId, out var l) ? l.Name : i.LocationId;
            body.Append("<tr><td><a href=\"/inbox/signals/").Append(E(i.TrackingCode.Replace("-", ""))).Append("\">").Append(E(i.TrackingCode)).Append("</a>")
                .Append(i.Urgent ? " <strong class=\"late\">spoed</strong>" : "").Append(i.Confidential ? " <span class=\"label\">vertrouwelijk</span>" : "")
                .Append("</td><td>").Append(E(subject)).Append("</td><td>").Append(E(place)).Append("</td><td>").Append(E(StatusNl.GetValueOrDefault(i.Status, i.Status)))
                .Append(i.Clock.Paused ? " (klok gepauzeerd)" : "").Append("</td><td>")
                .Append(i.Clock.AcknowledgeOverdue ? "<span class=\"late\">te laat</span> " : "").Append(i.Clock.WorkingHoursLeftToAcknowledge is { } h && h >= 0 ? $"nog {h.ToString("0.#", CultureInfo.GetCultureInfo("nl-NL"))} werkuur, " : "")
                .Append(Local(i.Clock.AcknowledgeBy)).Append("</td><td>").Append(i.Clock.ResolveOverdue ? "<span class=\"late\">te laat</span> " : "").Append(Local(i.Clock.ResolveBy)).Append("</td></tr>");
        }
        body.Append("</tbody></table>");
        return Result(Page("Inbox", body.ToString()));
    }

    private static Task<IResult> DetailAsync(string code, HttpContext http, SignalTable signals, AuditTable audit, ReferenceDataProvider reference,
        TimeProvider time, CancellationToken ct) => RenderDetailAsync(code, http, signals, audit, reference, time, null, ct);

    private static async Task<IResult> RenderDetailAsync(string code, HttpContext http, SignalTable signals, AuditTable audit, ReferenceDataProvider reference,
        TimeProvider time, string? error, CancellationToken ct)
    {
        if (!SignedIn(http)) return LoginPage();
        var (stored, problem) = await InboxEndpoints.LoadVisibleAsync(code, http.User, signals, ct);
        if (problem is not null) return Result(Page("Niet gevonden", "<h1>Deze melding staat niet in uw inbox.</h1><p><a href=\"/inbox\">Terug naar de inbox</a></p>"), StatusCodes.Status404NotFound);
        var s = stored!.Signal;
        var now = time.GetUtcNow();
        await InboxEndpoints.AuditAsync(audit, s, http.User, "read", now, ct);
        http.Response.Headers.CacheControl = "no-store";
        var set = await reference.GetAsync(ct);
        var item = InboxEndpoints.Item(s, now);
        var language = FormLanguages.TryGet(s.Language, out var fl) ? fl : FormLanguages.Dutch;
        var path = "/inbox/signals/" + E(s.Code.Value);
        var etag = E(stored.ETag.ToString());
        var body = new StringBuilder("<p><a href=\"/inbox\">← Inbox</a></p>");
        body.Append("<h1>Melding ").Append(E(s.Code.ToString())).Append(s.IsUrgent ? " <span class=\"late\">spoed</span>" : "").Append("</h1>");
        if (error is not null) body.Append("<div class=\"errors\" role=\"alert\"><p>").Append(E(error)).Append("</p></div>");
        var subject = set.Categories.TryGet(s.Subcategory ?? s.Category, out var c) ? c.NameIn("nl") : s.Category;
        body.Append("<p>").Append(E(subject)).Append(" · ").Append(E(set.Locations.TryGetValue(s.LocationId, out var l) ? l.Name : s.LocationId))
            .Append(s.Wing is null ? "" : " (" + E(s.Wing) + ")").Append(" · taal: ").Append(E(language.EnglishName)).Append(" · status: <strong>")
            .Append(E(StatusNl.GetValueOrDefault(item.Status, item.Status))).Append("</strong></p><p>Aannemen vóór ").Append(Local(item.Clock.AcknowledgeBy))
            .Append(item.Clock.AcknowledgeOverdue ? " <span class=\"late\">te laat</span>" : "").Append(" · oplossen vóór ").Append(Local(item.Clock.ResolveBy))
            .Append(item.Clock.ResolveOverdue ? " <span class=\"late\">te laat</span>" : "").Append("</p>");
        body.Append("<h2>Tekst van de bewoner</h2>").Append(s.Text is null ? "<p>(geen tekst: alleen het onderwerp)</p>" :
            $"<p lang=\"{language.Code}\" dir=\"{(language.RightToLeft ? "rtl" : "ltr")}\">{E(s.Text)}</p>");
        if (s.TextNl is not null) body.Append("<h2>Nederlandse vertaling <span class=\"label\">machinevertaling</span></h2><p>").Append(E(s.TextNl)).Append("</p>");
        else if (s.Text is not null && s.Language != "nl") body.Append("<p class=\"help\">Nog niet vertaald.</p>");
        if (s.Contact is not null && InboxEndpoints.CanSeeContact(http.User)) body.Append("<h2>Contact (met toestemming)</h2><p>").Append(E(s.Contact.Phone)).Append(' ').Append(E(s.Contact.Email)).Append("</p>");
        if (s.MergedInto is { } into) body.Append("<p>Samengevoegd met <a href=\"/inbox/signals/").Append(E(into.Value)).Append("\">").Append(E(into.ToString())).Append("</a>.</p>");
        if (s.Duplicates.Count > 0) body.Append("<p>").Append(s.Duplicates.Count).Append(" andere bewoner(s) meldden hetzelfde: ").Append(string.Join(", ", s.Duplicates.Select(d => E(d.ToString())))).Append("</p>");
        foreach (var comment in s.ResidentComments) body.Append("<h2>Bewoner: niet opgelost</h2><p lang=\"").Append(language.Code).Append("\">").Append(E(comment.Text)).Append("</p>");

        string Button(string action, string label) =>
            $"<form method=\"post\" action=\"{path}/{action}\"><input type=\"hidden\" name=\"etag\" value=\"{etag}\"><button type=\"submit\">{label}</button></form>";
        body.Append("<h2>Actie</h2><div class=\"inline\">");
        foreach (var (action, label) in new[] { ("accept", "Aannemen"), ("start", "In behandeling"), ("await-resident", "Wacht op bewoner"), ("resolve", "Opgelost"), ("reopen", "Heropenen"), ("cancel", "Annuleren") })
            if (SignalWorkflow.IsAllowed(s.Status, action switch
                { "accept" => SignalStatus.Accepted, "start" => SignalStatus.InProgress, "await-resident" => SignalStatus.AwaitingResident,
                  "resolve" => SignalStatus.Resolved, "reopen" => SignalStatus.Reopened, _ => SignalStatus.Cancelled }))
                body.Append(Button(action, label));
        body.Append("</div>");
        body.Append("<h3>Antwoord aan de bewoner</h3><form method=\"post\" action=\"").Append(path).Append("/respond\"><input type=\"hidden\" name=\"etag\" value=\"").Append(etag).Append("\">")
            .Append("<label for=\"reply\">Standaardantwoord (in de taal van de bewoner)</label><select id=\"reply\" name=\"standardReply\"><option value=\"\">– eigen tekst –</option>")
            .Append("<option value=\"looking\">We kijken ernaar</option><option value=\"planned\">Er komt iemand</option><option value=\"needInfo\">Meer informatie nodig</option><option value=\"solved\">Opgelost</option></select>")
            .Append("<label for=\"respond-text\">Eigen tekst (wordt machinaal vertaald en zo gelabeld)</label><textarea id=\"respond-text\" name=\"text\" maxlength=\"1000\"></textarea>")
            .Append("<button type=\"submit\">Versturen</button></form>");
        body.Append("<h3>Doorsturen</h3><form method=\"post\" action=\"").Append(path).Append("/forward\"><input type=\"hidden\" name=\"etag\" value=\"").Append(etag).Append("\">")
            .Append("<label for=\"to\">Naar</label><select id=\"to\" name=\"to\">");
        foreach (var org in set.Organisations.Values.Where(o => o.Id != s.OrganisationId)) body.Append("<option value=\"").Append(E(org.Id)).Append("\">").Append(E(org.Name)).Append("</option>");
        body.Append("</select><label for=\"forward-reason\">Reden</label><input type=\"text\" id=\"forward-reason\" name=\"reason\" required><button type=\"submit\">Doorsturen</button></form>");
        body.Append("<h3>Niet van ons</h3><form method=\"post\" action=\"").Append(path).Append("/reject\"><input type=\"hidden\" name=\"etag\" value=\"").Append(etag).Append("\">")
            .Append("<label for=\"reject-reason\">Reden (voor het meldpunt van de gemeente)</label><input type=\"text\" id=\"reject-reason\" name=\"reason\" required><button type=\"submit\">Terug naar de gemeente</button></form>");
        body.Append("<h3>Zelfde probleem als een andere melding</h3><form method=\"post\" action=\"").Append(path).Append("/merge\"><input type=\"hidden\" name=\"etag\" value=\"").Append(etag).Append("\">")
            .Append("<label for=\"into\">Code van de melding die open blijft</label><input type=\"text\" id=\"into\" name=\"into\" required><button type=\"submit\">Samenvoegen</button></form>");
        body.Append("<h3>Interne notitie</h3><form method=\"post\" action=\"").Append(path).Append("/note\"><input type=\"hidden\" name=\"etag\" value=\"").Append(etag).Append("\">")
            .Append("<label for=\"note\">Notitie (nooit zichtbaar voor de bewoner)</label><textarea id=\"note\" name=\"text\" required maxlength=\"2000\"></textarea><button type=\"submit\">Opslaan</button></form>");
        if (s.Notes.Count > 0)
        {
            body.Append("<h2>Notities</h2><ul>");
            foreach (var n in s.Notes) body.Append("<li>").Append(Local(n.At)).Append(" – ").Append(E(n.Organisation)).Append(": ").Append(E(n.Text)).Append("</li>");
            body.Append("</ul>");
        }
        if (s.Responses.Count > 0)
        {
            body.Append("<h2>Antwoorden aan de bewoner</h2><ul>");
            foreach (var r in s.Responses)
                body.Append("<li>").Append(Local(r.At)).Append(" – ").Append(r.StandardReply is { } k ? "standaardantwoord: " + E(k) : E(r.Text))
                    .Append(r.MachineTranslated ? " <span class=\"label\">machinaal vertaald voor de bewoner</span>" : "").Append("</li>");
            body.Append("</ul>");
        }
        body.Append("<h2>Geschiedenis</h2><ol>");
        foreach (var e in s.Events) body.Append("<li>").Append(Local(e.At)).Append(" – ").Append(E(e.Kind)).Append(e.Detail is null ? "" : " (" + E(e.Detail) + ")").Append(" – ").Append(E(e.Actor)).Append("</li>");
        body.Append("</ol>");
        return Result(Page("Melding " + E(s.Code.ToString()), body.ToString()), error is null ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ActAsync(string code, string action, HttpContext http, SignalTable signals, AuditTable audit,
        ReferenceDataProvider reference, Domain.Translation.ITextTranslator translator, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (!SignedIn(http)) return LoginPage();
        if (!InboxEndpoints.ActionsWithBody.Contains(action) && !InboxEndpoints.SimpleActions.Contains(action)) return Results.Redirect("/inbox");
        var form = await http.Request.ReadFormAsync(ct);
        string? F(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        var body = new InboxEndpoints.ActionBody(F("to"), F("reason"), F("text"), F("standardReply"), F("into"));
        var result = await InboxEndpoints.ApplyAsync(code, action, F("etag"), body, http, signals, audit, reference, translator, time, logs, ct);
        if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }) return Results.Redirect("/inbox/signals/" + Uri.EscapeDataString(code));
        // The API's problem, in the page: its field messages (errors), else its title.
        var message = result is ProblemHttpResult problem
            ? problem.ProblemDetails.Extensions.TryGetValue("errors", out var errors) && errors is Dictionary<string, string[]> byField
                ? string.Join(" ", byField.Values.SelectMany(m => m))
                : problem.ProblemDetails.Title ?? "Dat lukte niet."
            : "Dat lukte niet.";
        return await RenderDetailAsync(code, http, signals, audit, reference, time, message, ct);
    }
}
