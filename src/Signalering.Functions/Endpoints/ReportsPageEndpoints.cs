using System.Globalization;
using System.Text;
using Signalering.Domain;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Reports;
using Signalering.Functions.Application;
using Signalering.Functions.Auth;
using Signalering.Functions.Reports;
using Signalering.Functions.Resident;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The municipality's dashboard (function folder ReportsPage), in Dutch: the response-time report for any period and
/// grouping, month-by-month charts that read in black and white on paper, recurring problems, the complaints
/// register, and CSV downloads. Same figures and suppression as the API (<see cref="ReportsEndpoints"/>).
/// </summary>
public static class ReportsPageEndpoints
{
    private const string Path = "/rapportage";

    public static IEndpointRouteBuilder MapReportsPageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(Path, DashboardAsync);
        app.MapPost(Path + "/login", (HttpContext http, CancellationToken ct) => PageSignIn.SignInAsync(http, Path, e => LoginPage(e), ct));
        app.MapPost(Path + "/logout", (HttpContext http) => PageSignIn.SignOut(http, Path));
        app.MapGet(Path + "/reactietijden.csv", ReportsEndpoints.GetReportCsvAsync).RequireAuthorization(SignaleringAuth.ReportsPolicy);
        app.MapGet(Path + "/klachtenregister.csv", ReportsEndpoints.GetRegisterCsvAsync).RequireAuthorization(SignaleringAuth.ReportsPolicy);
        app.MapGet(Path + "/klachtenregister", RegisterAsync);
        return app;
    }

    private static string Page(string title, string body) =>
        new ResidentHtml("nl").Page(title, body, about: false).Replace("</style>", Css + "</style>");

    private const string Css =
        "main{max-width:80rem}table{border-collapse:collapse;width:100%;background:#fff;font-size:.95rem}td,th{border:1px solid #999;padding:.35rem;text-align:end;vertical-align:top}" +
        "th:first-child,td:first-child{text-align:start}.scroll{overflow-x:auto}.filters{display:flex;flex-wrap:wrap;gap:.75rem;align-items:end}" +
        ".filters div{display:flex;flex-direction:column}.filters label{margin:0 0 .2rem}.filters button{width:auto;margin:0}" +
        "select,input[type=date]{font:inherit;padding:.45rem;border:2px solid #555;border-radius:8px;background:#fff}" +
        "figure{margin:1rem 0}figcaption{font-weight:700}svg.chart{max-width:100%;height:auto;background:#fff}.note{font-size:.9rem}" +
        "table.list td{text-align:start}@media print{form,.noprint{display:none}main{max-width:none}body{background:#fff}}";

    private static IResult LoginPage(string? error = null) =>
        PageSignIn.LoginPage(Page, "Signalering – rapportage", Path + "/login", "municipality --org gemeente-regie", error);

    private static bool SignedIn(HttpContext http) => http.User.Identity?.IsAuthenticated == true;
    private static bool MayRead(HttpContext http) => http.User.IsInRole(Roles.Municipality) || http.User.IsInRole(Roles.Admin);

    private static async Task<IResult> DashboardAsync(HttpContext http, [AsParameters] ReportsEndpoints.ReportQuery q, ReportAggregates aggregates,
        ReferenceDataProvider reference, TimeProvider time, CancellationToken ct)
    {
        if (!SignedIn(http)) return LoginPage();
        if (!MayRead(http)) return Result(Page("Geen toegang", "<h1>Geen toegang</h1><p>De rapportage is voor de gemeente.</p>"), StatusCodes.Status403Forbidden);
        var set = await reference.GetAsync(ct);
        var now = time.GetUtcNow();
        var (filter, grouping, errors) = ReportsEndpoints.Parse(q, set, now);
        var body = new StringBuilder(32_000);
        body.Append("<h1>Reactietijden op meldingen</h1>");
        if (filter is null)
        {
            body.Append("<div class=\"errors\" role=\"alert\"><ul>");
            foreach (var e in errors) body.Append("<li>").Append(E(e.Message)).Append("</li>");
            body.Append("</ul></div>");
            (filter, grouping, _) = ReportsEndpoints.Parse(new(null, null, null, null, null, null, null, null), set, now);
        }
        var (report, cells) = await aggregates.ReportAsync(filter!, grouping, now, ct);
        Filters(body, report, set);
        var query = QueryString(report);
        body.Append("<p class=\"noprint\"><a href=\"").Append(Path).Append("/reactietijden.csv?").Append(E(query)).Append("\" download>Download als CSV</a> · ")
            .Append("<a href=\"").Append(Path).Append("/klachtenregister?year=").Append(report.Filter.To.Year).Append("\">Klachtenregister ")
            .Append(report.Filter.To.Year).Append("</a></p>");
        body.Append("<p>Meldingen ontvangen van ").Append(Date(report.Filter.From)).Append(" tot en met ").Append(Date(report.Filter.To))
            .Append(", stand van ").Append(E(WhenDutch(now))).Append(". ");
        body.Append("Aantallen van 1 tot 4, en cijfers over minder dan 5 meldingen, staan er als <strong>&lt;5</strong>: zo zijn bewoners niet te herkennen. ")
            .Append("Tijden in werkuren (ma–vr 9–17 uur, zonder feestdagen; stilgezet terwijl op de bewoner wordt gewacht); kalendertijden staan in de CSV.</p>");

        Summary(body, report);
        Charts(body, report);
        Tables(body, report);
        Recurring(body, report);
        body.Append("<h2>Vertrouwelijk kanaal</h2><p>Meldingen over misbruik of grensoverschrijdend gedrag gaan naar de onafhankelijke vertrouwenspersoon ")
            .Append("en staan alleen als totaal in deze rapportage: ontvangen ").Append(ReportFigures.Count(report.ConfidentialReceived).ToDutch())
            .Append(", nog open ").Append(ReportFigures.Count(report.ConfidentialOpen).ToDutch()).Append(".</p>");
        body.Append("<p class=\"note\">Gelezen: ").Append(cells).Append(" cellen (maand × locatie × categorie) met ").Append(report.FactsRead).Append(" meldingen, geen enkele meldingstekst.</p>");
        body.Append("<form method=\"post\" action=\"").Append(Path).Append("/logout\"><button type=\"submit\">Uitloggen</button></form>");
        // A bad query still shows the default report under its errors, answered as what it is: a 400.
        return Result(Page("Rapportage", body.ToString()), errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    private static void Filters(StringBuilder b, ResponseTimeReport r, ReferenceSet set)
    {
        var f = r.Filter;
        b.Append("<form method=\"get\" action=\"").Append(Path).Append("\" class=\"filters\" aria-label=\"Filters\">")
            .Append("<div><label for=\"from\">Van</label><input type=\"date\" id=\"from\" name=\"from\" value=\"").Append(Iso(f.From)).Append("\"></div>")
            .Append("<div><label for=\"to\">Tot en met</label><input type=\"date\" id=\"to\" name=\"to\" value=\"").Append(Iso(f.To)).Append("\"></div>")
            .Append("<div><label for=\"groupBy\">Per</label><select id=\"groupBy\" name=\"groupBy\">")
            .Append(Options([("organisation", "organisatie"), ("category", "categorie"), ("location", "locatie"), ("locationType", "soort locatie"),
                ("targetGroup", "doelgroep")], ReportsEndpoints.Groupings.First(g => g.Value == r.Grouping).Key, all: false)).Append("</select></div>")
            .Append("<div><label for=\"organisation\">Organisatie</label><select id=\"organisation\" name=\"organisation\">")
            .Append(Options(set.Organisations.Values.OrderBy(o => o.Name).Select(o => (o.Id, o.Name)), f.Organisation)).Append("</select></div>")
            .Append("<div><label for=\"category\">Categorie</label><select id=\"category\" name=\"category\">")
            .Append(Options(set.Categories.Main.Select(c => (c.Code, c.NameIn("nl"))), f.Category)).Append("</select></div>")
            .Append("<div><label for=\"location\">Locatie</label><select id=\"location\" name=\"location\">")
            .Append(Options(set.Locations.Values.OrderBy(l => l.Name).Select(l => (l.Id, l.Name)), f.Location)).Append("</select></div>")
            .Append("<div><label for=\"locationType\">Soort locatie</label><select id=\"locationType\" name=\"locationType\">")
            .Append(Options(Enum.GetValues<LocationType>().Select(t => ResponseTimeReport.LocationTypeCode(t))
                .Select(k => (k, ResponseTimeReport.LabelOf(k, ReportGrouping.LocationType, set))), f.LocationType)).Append("</select></div>")
            .Append("<div><label for=\"targetGroup\">Doelgroep</label><select id=\"targetGroup\" name=\"targetGroup\">")
            .Append(Options(Enum.GetValues<LocationType>().Select(TargetGroups.Of).Select(k => (k, TargetGroups.DutchName(k))), f.TargetGroup)).Append("</select></div>")
            .Append("<div><button type=\"submit\">Toon</button></div></form>");
    }

    private static string Options(IEnumerable<(string Value, string Label)> options, string? selected, bool all = true)
    {
        var b = new StringBuilder();
        if (all) b.Append("<option value=\"\">alle</option>");
        foreach (var (value, label) in options)
            b.Append("<option value=\"").Append(E(value)).Append('"').Append(value == selected ? " selected" : "").Append('>').Append(E(label)).Append("</option>");
        return b.ToString();
    }

    private static void Summary(StringBuilder b, ResponseTimeReport r)
    {
        var t = r.Total;
        b.Append("<h2>Samenvatting</h2><ul>")
            .Append("<li>Ontvangen: <strong>").Append(ReportFigures.Count(t.Received).ToDutch()).Append("</strong></li>")
            .Append("<li>Op tijd aangenomen: <strong>").Append(Pct(ReportFigures.Share(t.AcceptedInTime, t.Accepted))).Append("</strong></li>")
            .Append("<li>Op tijd opgelost: <strong>").Append(Pct(ReportFigures.Share(t.ResolvedInTime, t.Resolved))).Append("</strong></li>")
            .Append("<li>Nu over tijd: <strong>").Append(ReportFigures.Count(t.OverdueNow).ToDutch()).Append("</strong> van ")
            .Append(ReportFigures.Count(t.Open).ToDutch()).Append(" open</li>")
            .Append("<li>Heropend omdat het probleem niet was opgelost: <strong>").Append(Pct(ReportFigures.Share(t.Reopened, t.Received))).Append("</strong></li>")
            .Append("<li>Vaker dan eens doorgegeven (van het kastje naar de muur): <strong>").Append(ReportFigures.Count(t.PassedOnMoreThanOnce).ToDutch()).Append("</strong></li>")
            .Append("</ul>");
    }

    private static string Pct(Figure f) => f.Suppressed || f.Value is null ? f.ToDutch() : f.ToDutch() + "%";

    private static readonly (string Key, string Header)[] TimesColumns =
    [
        ("received", "Ontvangen"), ("acceptedInTimePct", "Op tijd aangenomen (%)"),
        ("acceptMedianWorkingHours", "Aannemen: mediaan"), ("acceptP90WorkingHours", "Aannemen: 90%"),
        ("firstResponseMedianWorkingHours", "Eerste antwoord: mediaan"), ("firstResponseP90WorkingHours", "Eerste antwoord: 90%"),
        ("resolutionMedianWorkingHours", "Oplossing: mediaan"), ("resolutionP90WorkingHours", "Oplossing: 90%"), ("resolvedInTimePct", "Op tijd opgelost (%)"),
    ];

    private static readonly (string Key, string Header)[] BacklogColumns =
    [
        ("open", "Open"), ("openMedianAgeDays", "Mediane leeftijd (dagen)"), ("openOldestAgeDays", "Oudste (dagen)"), ("overdueNow", "Nu over tijd"),
        ("reopenedPct", "Heropend (%)"), ("solvedYes", "'Opgelost?' ja"), ("solvedNo", "'Opgelost?' nee"), ("forwardedPct", "Doorgestuurd (%)"),
        ("passedOnMoreThanOnce", "Vaker dan eens doorgegeven"), ("bouncedBack", "Terug naar triage"),
    ];

    private static void Tables(StringBuilder b, ResponseTimeReport r)
    {
        var group = r.Grouping switch
        {
            ReportGrouping.Organisation => "Organisatie", ReportGrouping.Category => "Categorie", ReportGrouping.Location => "Locatie",
            ReportGrouping.LocationType => "Soort locatie", _ => "Doelgroep",
        };
        Table(b, "Reactietijden (werkuren)", group, TimesColumns, r);
        Table(b, "Werkvoorraad en kwaliteit", group, BacklogColumns, r);
    }

    private static void Table(StringBuilder b, string caption, string group, (string Key, string Header)[] columns, ResponseTimeReport r)
    {
        b.Append("<div class=\"scroll\"><table><caption><h2>").Append(E(caption)).Append("</h2></caption><thead><tr><th scope=\"col\">").Append(group).Append("</th>");
        foreach (var (_, header) in columns) b.Append("<th scope=\"col\">").Append(E(header)).Append("</th>");
        b.Append("</tr></thead><tbody>");
        Row(b, "Totaal", r.Total, columns, bold: true);
        foreach (var row in r.Rows) Row(b, row.Label, row.Figures, columns, bold: false);
        b.Append("</tbody></table></div>");
    }

    private static void Row(StringBuilder b, string label, GroupFigures g, (string Key, string Header)[] columns, bool bold)
    {
        b.Append("<tr><th scope=\"row\">").Append(bold ? "<strong>" : "").Append(E(label)).Append(bold ? "</strong>" : "").Append("</th>");
        foreach (var (key, _) in columns) b.Append("<td>").Append(E(ReportFigures.Columns.First(c => c.Key == key).Read(g).ToDutch())).Append("</td>");
        b.Append("</tr>");
    }

    private static void Recurring(StringBuilder b, ResponseTimeReport r)
    {
        b.Append("<h2>Terugkerende problemen</h2>");
        if (r.Recurring.Count == 0)
        {
            b.Append("<p>Geen onderwerp is in deze periode ").Append(ResponseTimeReport.RecurringFloor).Append(" keer of vaker op dezelfde locatie gemeld.</p>");
            return;
        }
        b.Append("<p>Hetzelfde onderwerp, ").Append(ResponseTimeReport.RecurringFloor).Append(" keer of vaker op dezelfde locatie gemeld, met de data van elke melding.</p>")
            .Append("<div class=\"scroll\"><table class=\"list\"><thead><tr><th scope=\"col\">Locatie</th><th scope=\"col\">Onderwerp</th><th scope=\"col\">Aantal</th>")
            .Append("<th scope=\"col\">Nog open</th><th scope=\"col\">Eerste</th><th scope=\"col\">Laatste</th><th scope=\"col\">Alle data</th></tr></thead><tbody>");
        foreach (var p in r.Recurring)
            b.Append("<tr><td>").Append(E(p.LocationName)).Append("</td><td>").Append(E(p.CategoryName)).Append("</td><td>").Append(p.Count)
                .Append("</td><td>").Append(ReportFigures.Count(p.OpenNow).ToDutch()).Append("</td><td>").Append(Date(p.Dates[0])).Append("</td><td>")
                .Append(Date(p.Dates[^1])).Append("</td><td>").Append(string.Join(", ", p.Dates.Select(Date))).Append("</td></tr>");
        b.Append("</tbody></table></div>");
    }

    private static void Charts(StringBuilder b, ResponseTimeReport r)
    {
        b.Append("<h2>Per maand</h2>");
        b.Append(ReportCharts.Bars("Ontvangen meldingen per maand", r.Trend.Select(t => (MonthLabel(t), ReportFigures.Count(t.Figures.Received))).ToList()));
        b.Append(ReportCharts.Lines("Aandeel op tijd (%) per maand", r.Trend.Select(MonthLabel).ToList(),
        [
            ("op tijd aangenomen", r.Trend.Select(t => ReportFigures.Share(t.Figures.AcceptedInTime, t.Figures.Accepted)).ToList()),
            ("op tijd opgelost", r.Trend.Select(t => ReportFigures.Share(t.Figures.ResolvedInTime, t.Figures.Resolved)).ToList()),
        ]));
    }

    private static string MonthLabel(TrendPoint t) =>
        new DateOnly(t.Year, t.Month, 1).ToString("MMM yy", ReportFigures.Dutch);

    private static string QueryString(ResponseTimeReport r)
    {
        var f = r.Filter;
        var parts = new List<string> { "from=" + Iso(f.From), "to=" + Iso(f.To), "groupBy=" + ReportsEndpoints.Groupings.First(g => g.Value == r.Grouping).Key };
        void Add(string name, string? value) { if (value is not null) parts.Add(name + "=" + Uri.EscapeDataString(value)); }
        Add("organisation", f.Organisation);
        Add("category", f.Category);
        Add("location", f.Location);
        Add("locationType", f.LocationType);
        Add("targetGroup", f.TargetGroup);
        return string.Join('&', parts);
    }

    private static async Task<IResult> RegisterAsync(HttpContext http, string? year, ReportAggregates aggregates, ReferenceDataProvider reference,
        TimeProvider time, CancellationToken ct)
    {
        if (!SignedIn(http)) return LoginPage();
        if (!MayRead(http)) return Result(Page("Geen toegang", "<h1>Geen toegang</h1><p>Het klachtenregister is voor de gemeente.</p>"), StatusCodes.Status403Forbidden);
        var (register, problem) = await ReportsEndpoints.RegisterAsync(year, aggregates, reference, time, ct);
        if (problem is not null) return Result(Page("Klachtenregister", "<h1>Klachtenregister</h1><p>Geef een jaartal, bijvoorbeeld 2026.</p>"), 400);
        var r = register!;
        var b = new StringBuilder();
        b.Append("<h1>Klachtenregister ").Append(r.Year).Append("</h1><p>Formele klachten (artikel 9:12a Algemene wet bestuursrecht): ")
            .Append(r.Entries.Count).Append(" ontvangen, ").Append(r.DecidedInTime).Append(" binnen de termijn afgehandeld, ").Append(r.Late)
            .Append(" te laat. Vertrouwelijk kanaal: ").Append(ReportFigures.Count(r.ConfidentialCount).ToDutch()).Append(", niet afzonderlijk vermeld.</p>")
            .Append("<p class=\"noprint\"><a href=\"").Append(Path).Append("/klachtenregister.csv?year=").Append(r.Year).Append("\" download>Download als CSV</a> · <a href=\"")
            .Append(Path).Append("\">Terug naar de rapportage</a></p>")
            .Append("<div class=\"scroll\"><table><thead><tr><th scope=\"col\">Nr.</th><th scope=\"col\">Ontvangen</th><th scope=\"col\">Onderwerp</th>")
            .Append("<th scope=\"col\">Behandeld door</th><th scope=\"col\">Soort locatie</th><th scope=\"col\">Beslissen uiterlijk</th><th scope=\"col\">Verlengd</th>")
            .Append("<th scope=\"col\">Afgehandeld</th><th scope=\"col\">Binnen termijn</th></tr></thead><tbody>");
        foreach (var e in r.Entries)
            b.Append("<tr><td>").Append(e.Number).Append("</td><td>").Append(Date(e.Received)).Append("</td><td>").Append(E(e.Subject)).Append("</td><td>")
                .Append(E(e.Organisation)).Append("</td><td>").Append(E(e.LocationType)).Append("</td><td>").Append(Date(e.DecideBy)).Append("</td><td>")
                .Append(e.ExtendedByWeeks > 0 ? e.ExtendedByWeeks + " wk" : "–").Append("</td><td>").Append(e.Decided is { } d ? Date(d) : E(e.Status))
                .Append("</td><td>").Append(e.DecidedInTime switch { true => "ja", false => "nee", null => "nog open" }).Append("</td></tr>");
        b.Append("</tbody></table></div>");
        return Result(Page("Klachtenregister " + r.Year, b.ToString()));
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    private static string Date(DateOnly d) => d.ToString("d MMM yyyy", ReportFigures.Dutch);
    private static string WhenDutch(DateTimeOffset t) => Domain.Clocks.WorkingTime.InDutchTime(t).ToString("d MMMM yyyy HH:mm", ReportFigures.Dutch);
}
