using System.Globalization;
using System.Text;
using CsvHelper;
using Signalering.Domain;
using Signalering.Domain.Clocks;
using Signalering.Domain.Intake;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Reports;
using Signalering.Functions.Application;
using Signalering.Functions.Auth;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The municipality's reports (function folder Reports), for the municipality and admin roles. Figures come from
/// the aggregates (<see cref="ReportAggregates"/>), never from a scan of the signals, and are published with small
/// cells suppressed (<see cref="ReportFigures"/>).
/// <list type="bullet">
/// <item><c>GET /api/reports/response-times[.csv]?from&amp;to&amp;groupBy&amp;organisation&amp;category&amp;location&amp;locationType&amp;targetGroup</c></item>
/// <item><c>GET /api/reports/complaints-register[.csv]?year</c>: the Awb 9:12a register.</item>
/// </list>
/// </summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/api/reports").RequireAuthorization(SignaleringAuth.ReportsPolicy);
        reports.MapGet("/response-times", GetReportAsync);
        reports.MapGet("/response-times.csv", GetReportCsvAsync);
        reports.MapGet("/complaints-register", GetRegisterAsync);
        reports.MapGet("/complaints-register.csv", GetRegisterCsvAsync);
        return app;
    }

    /// <summary>The query of a report, as the API and the dashboard take it.</summary>
    public sealed record ReportQuery(string? From, string? To, string? GroupBy, string? Organisation, string? Category, string? Location,
        string? LocationType, string? TargetGroup);

    public static readonly IReadOnlyDictionary<string, ReportGrouping> Groupings = new Dictionary<string, ReportGrouping>
    {
        ["organisation"] = ReportGrouping.Organisation, ["category"] = ReportGrouping.Category, ["location"] = ReportGrouping.Location,
        ["locationType"] = ReportGrouping.LocationType, ["targetGroup"] = ReportGrouping.TargetGroup,
    };

    /// <summary>Checks a query against the reference data; the default period is the twelve months up to today.</summary>
    public static (ReportFilter? Filter, ReportGrouping Grouping, List<FieldError> Errors) Parse(ReportQuery q, ReferenceSet set, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var today = WorkingTime.DutchDate(now);
        var to = Date(q.To, "to") ?? today;
        var from = Date(q.From, "from") ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        var grouping = ReportGrouping.Organisation;
        if (!string.IsNullOrEmpty(q.GroupBy) && !Groupings.TryGetValue(q.GroupBy, out grouping))
            errors.Add(new("groupBy", $"Group by one of: {string.Join(", ", Groupings.Keys)}."));
        if (q.Organisation is { Length: > 0 } o && !set.Organisations.ContainsKey(o)) errors.Add(new("organisation", $"Unknown organisation '{o}'."));
        if (q.Category is { Length: > 0 } c && !set.Categories.TryGet(c, out _)) errors.Add(new("category", $"Unknown category '{c}'."));
        if (q.Location is { Length: > 0 } l && !set.Locations.ContainsKey(l)) errors.Add(new("location", $"Unknown location '{l}'."));
        if (q.LocationType is { Length: > 0 } t && !Enum.GetValues<Domain.Locations.LocationType>().Any(x => ResponseTimeReport.LocationTypeCode(x) == t))
            errors.Add(new("locationType", $"Unknown location type '{t}'."));
        if (q.TargetGroup is { Length: > 0 } g && !Enum.GetValues<Domain.Locations.LocationType>().Any(x => TargetGroups.Of(x) == g))
            errors.Add(new("targetGroup", $"Unknown target group '{g}'."));
        if (errors.Count > 0) return (null, grouping, errors);
        try
        {
            return (ReportFilter.Create(from, to, Empty(q.Organisation), Empty(q.Category), Empty(q.Location), Empty(q.LocationType), Empty(q.TargetGroup)),
                grouping, errors);
        }
        catch (Domain.DomainException e)
        {
            errors.Add(new(e.Field ?? "from", e.Message));
            return (null, grouping, errors);
        }

        DateOnly? Date(string? value, string field)
        {
            if (string.IsNullOrEmpty(value)) return null;
            // Years outside 2000–2999 hold no signals, and month arithmetic near DateOnly's limits throws.
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2999)
                return d;
            errors.Add(new(field, "Give a date as yyyy-mm-dd, from the year 2000 on."));
            return null;
        }
        static string? Empty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }

    private static async Task<(ResponseTimeReport? Report, int Cells, IResult? Problem)> BuildAsync(ReportQuery q, ReportAggregates aggregates,
        ReferenceDataProvider reference, TimeProvider time, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        var now = time.GetUtcNow();
        var (filter, grouping, errors) = Parse(q, set, now);
        if (filter is null) return (null, 0, Problems.Fields(errors));
        var (report, cells) = await aggregates.ReportAsync(filter, grouping, now, ct);
        return (report, cells, null);
    }

    private static async Task<IResult> GetReportAsync([AsParameters] ReportQuery q, ReportAggregates aggregates, ReferenceDataProvider reference,
        TimeProvider time, CancellationToken ct)
    {
        var (report, cells, problem) = await BuildAsync(q, aggregates, reference, time, ct);
        if (problem is not null) return problem;
        var r = report!;
        return Results.Json(new
        {
            period = new { from = r.Filter.From, to = r.Filter.To },
            groupBy = Groupings.First(g => g.Value == r.Grouping).Key,
            generatedAt = r.Now,
            read = new { cells, signals = r.FactsRead },
            suppression = $"Counts of 1 to {ReportFigures.SuppressBelow - 1}, and figures computed over fewer than {ReportFigures.SuppressBelow} signals, read \"{ReportFigures.SuppressedText}\".",
            columns = ReportFigures.Columns.Select(c => new { key = c.Key, header = c.Header }),
            total = Json(r.Total),
            rows = r.Rows.Select(row => new { key = row.Key, label = row.Label, figures = Json(row.Figures) }),
            trend = r.Trend.Select(t => new { month = $"{t.Year:D4}-{t.Month:D2}", figures = Json(t.Figures) }),
            recurring = r.Recurring.Select(p => new
            {
                location = p.LocationId, locationName = p.LocationName, category = p.Category, categoryName = p.CategoryName, count = p.Count,
                openNow = Value(ReportFigures.Count(p.OpenNow)), dates = p.Dates,
            }),
            confidential = new { received = Value(ReportFigures.Count(r.ConfidentialReceived)), open = Value(ReportFigures.Count(r.ConfidentialOpen)) },
        });
    }

    private static Dictionary<string, object?> Json(GroupFigures g) => ReportFigures.Columns.ToDictionary(c => c.Key, c => Value(c.Read(g)));

    /// <summary>A figure as JSON: a number, "&lt;5", or null for "no data".</summary>
    private static object? Value(Figure f) => f.Suppressed ? ReportFigures.SuppressedText : f.Value;

    internal static async Task<IResult> GetReportCsvAsync([AsParameters] ReportQuery q, ReportAggregates aggregates, ReferenceDataProvider reference,
        TimeProvider time, CancellationToken ct)
    {
        var (report, _, problem) = await BuildAsync(q, aggregates, reference, time, ct);
        if (problem is not null) return problem;
        var r = report!;
        var csv = Csv(w =>
        {
            w.WriteField("Groep");
            w.WriteField("Sleutel");
            foreach (var c in ReportFigures.Columns) w.WriteField(c.Header);
            w.EndRecord();
            Row(w, "Totaal (zonder vertrouwelijk kanaal)", "", r.Total);
            foreach (var row in r.Rows) Row(w, row.Label, row.Key, row.Figures);
            w.WriteField("Vertrouwelijk kanaal (alleen aantallen)");
            w.WriteField("");
            foreach (var c in ReportFigures.Columns)
                w.WriteField(c.Key switch
                {
                    "received" => ReportFigures.Count(r.ConfidentialReceived).ToDutch(),
                    "open" => ReportFigures.Count(r.ConfidentialOpen).ToDutch(),
                    _ => "",
                });
            w.EndRecord();
        });
        return File(csv, $"signalering-reactietijden-{r.Filter.From:yyyyMMdd}-{r.Filter.To:yyyyMMdd}.csv");

        static void Row(CsvWriter w, string label, string key, GroupFigures g)
        {
            w.WriteField(label);
            w.WriteField(key);
            foreach (var c in ReportFigures.Columns) w.WriteField(c.Read(g).ToDutch());
            w.EndRecord();
        }
    }

    internal static async Task<(ComplaintRegister? Register, IResult? Problem)> RegisterAsync(string? year, ReportAggregates aggregates,
        ReferenceDataProvider reference, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var y = WorkingTime.InDutchTime(now).Year;
        if (!string.IsNullOrEmpty(year) && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < 2000 || y > 9999))
            return (null, Problems.Field("year", "Give a year such as 2026."));
        var facts = await aggregates.FactsAsync(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), ct);
        return (ComplaintRegister.Build(y, facts, await reference.GetAsync(ct), now), null);
    }

    private static async Task<IResult> GetRegisterAsync(string? year, ReportAggregates aggregates, ReferenceDataProvider reference, TimeProvider time,
        CancellationToken ct)
    {
        var (register, problem) = await RegisterAsync(year, aggregates, reference, time, ct);
        if (problem is not null) return problem;
        var r = register!;
        return Results.Json(new
        {
            year = r.Year, received = r.Entries.Count, decidedInTime = r.DecidedInTime, late = r.Late,
            confidential = Value(ReportFigures.Count(r.ConfidentialCount)),
            entries = r.Entries,
        });
    }

    internal static async Task<IResult> GetRegisterCsvAsync(string? year, ReportAggregates aggregates, ReferenceDataProvider reference, TimeProvider time,
        CancellationToken ct)
    {
        var (register, problem) = await RegisterAsync(year, aggregates, reference, time, ct);
        if (problem is not null) return problem;
        var r = register!;
        var csv = Csv(w =>
        {
            string[] headers = ["Volgnummer", "Ontvangen", "Onderwerp", "Behandeld door", "Soort locatie", "Beslissen uiterlijk", "Verlengd (weken)",
                "Afgehandeld op", "Binnen termijn", "Stand"];
            foreach (var h in headers) w.WriteField(h);
            w.EndRecord();
            foreach (var e in r.Entries)
            {
                w.WriteField(e.Number.ToString(CultureInfo.InvariantCulture));
                w.WriteField(e.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteField(e.Subject);
                w.WriteField(e.Organisation);
                w.WriteField(e.LocationType);
                w.WriteField(e.DecideBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteField(e.ExtendedByWeeks.ToString(CultureInfo.InvariantCulture));
                w.WriteField(e.Decided?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                w.WriteField(e.DecidedInTime switch { true => "ja", false => "nee", null => "nog open" });
                w.WriteField(e.Status);
                w.EndRecord();
            }
            if (r.ConfidentialCount > 0)
            {
                w.WriteField("");
                w.WriteField("");
                w.WriteField($"Vertrouwelijk kanaal: {ReportFigures.Count(r.ConfidentialCount).ToDutch()} klacht(en), niet afzonderlijk vermeld");
                for (var i = 3; i < headers.Length; i++) w.WriteField("");
                w.EndRecord();
            }
        });
        return File(csv, $"klachtenregister-{r.Year}.csv");
    }

    /// <summary>
    /// CSV as Dutch Excel opens it: semicolons, decimal commas, UTF-8 with a byte-order mark. Text that a spreadsheet
    /// would run as a formula is escaped (names come from reference data that admins edit).
    /// </summary>
    private static byte[] Csv(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions
               {
                   Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = ReportFigures.Dutch,
               }, true))
        {
            write(csv);
            csv.Flush();
        }
        return stream.ToArray();
    }

    private static IResult File(byte[] csv, string name) => Results.File(csv, "text/csv; charset=utf-8", name);
}
