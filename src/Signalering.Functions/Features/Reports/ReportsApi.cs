using Microsoft.AspNetCore.Authorization;
using Signalering.Domain.Reports;
using Signalering.Functions.Auth;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Reports;

/// <summary>
/// The municipality's reports as JSON and CSV, for the municipality and admin roles. A thin face over <see cref="ReportsService"/>.
/// <list type="bullet">
/// <item><c>GET /api/reports/response-times[.csv]?from&amp;to&amp;groupBy&amp;organisation&amp;category&amp;location&amp;locationType&amp;targetGroup</c></item>
/// <item><c>GET /api/reports/complaints-register[.csv]?year</c>: the Awb 9:12a register.</item>
/// </list>
/// </summary>
[Authorize(Policy = SignaleringAuth.ReportsPolicy)]
public static class ReportsApi
{
    public static async Task<IResult> ResponseTimesAsync([AsParameters] ReportQuery query, ReportsService reports, CancellationToken ct)
    {
        var result = await reports.ResponseTimesAsync(query, ct);
        if (result is not ReportResult.Ready(var r, var cells, _)) return Invalid(result);
        return Results.Json(new
        {
            period = new { from = r.Filter.From, to = r.Filter.To },
            groupBy = ReportsService.KeyOf(r.Grouping),
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

    public static async Task<IResult> ResponseTimesCsvAsync([AsParameters] ReportQuery query, ReportsService reports, CancellationToken ct) =>
        ReportsCsv.ResponseTimes(await reports.ResponseTimesAsync(query, ct));

    public static async Task<IResult> ComplaintsRegisterAsync(string? year, ReportsService reports, CancellationToken ct)
    {
        switch (await reports.ComplaintsRegisterAsync(year, ct))
        {
            case RegisterResult.Ready(var r):
                return Results.Json(new
                {
                    year = r.Year, received = r.Entries.Count, decidedInTime = r.DecidedInTime, late = r.Late,
                    confidential = Value(ReportFigures.Count(r.ConfidentialCount)),
                    entries = r.Entries,
                });
            case RegisterResult.Invalid(var error): return Problems.Fields([error]);
            default: throw new InvalidOperationException();
        }
    }

    public static async Task<IResult> ComplaintsRegisterCsvAsync(string? year, ReportsService reports, CancellationToken ct) =>
        ReportsCsv.ComplaintsRegister(await reports.ComplaintsRegisterAsync(year, ct));

    private static IResult Invalid(ReportResult result) =>
        result is ReportResult.Invalid invalid ? Problems.Fields(invalid.Errors) : throw new InvalidOperationException();

    private static Dictionary<string, object?> Json(GroupFigures g) => ReportFigures.Columns.ToDictionary(c => c.Key, c => Value(c.Read(g)));

    /// <summary>A figure as JSON: a number, "&lt;5", or null for "no data".</summary>
    private static object? Value(Figure f) => f.Suppressed ? ReportFigures.SuppressedText : f.Value;
}
