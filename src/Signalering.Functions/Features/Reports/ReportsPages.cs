using Microsoft.AspNetCore.Authorization;
using Signalering.Functions.Auth;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Reports;

/// <summary>
/// The municipality's dashboard, in Dutch: <c>GET /rapportage</c> (the report with its filters and charts),
/// <c>GET /rapportage/klachtenregister?year=</c>, and the CSV downloads beside them. Same figures
/// and suppression as the API: a thin face over <see cref="ReportsService"/>.
/// </summary>
[Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryToken]
public static class ReportsPages
{
    private const string Path = "/rapportage";

    public static async Task<IResult> DashboardAsync([AsParameters] ReportQuery query, HttpContext http, ReportsService reports, PageRenderer pages,
        CancellationToken ct)
    {
        if (await RefuseAsync(http, pages, "reports.noAccessText") is { } refused) return refused;
        var result = await reports.ResponseTimesAsync(query, ct);
        // A bad query still shows the default report under its errors, answered as what it is: a 400.
        var errors = result is ReportResult.Invalid invalid ? invalid.Errors : [];
        if (result is not ReportResult.Ready ready) ready = (ReportResult.Ready)await reports.ResponseTimesAsync(ReportQuery.Default, ct);
        return await pages.PageAsync<DashboardPage>(new
        {
            http.User, ready.Report, ready.Reference, ready.CellsRead, reports.Now, Errors = errors,
        }, errors.Count > 0 ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    public static async Task<IResult> ComplaintsRegisterAsync(string? year, HttpContext http, ReportsService reports, PageRenderer pages, CancellationToken ct)
    {
        if (await RefuseAsync(http, pages, "reports.registerNoAccessText") is { } refused) return refused;
        var register = (await reports.ComplaintsRegisterAsync(year, ct) as RegisterResult.Ready)?.Register;
        return await pages.PageAsync<ComplaintsRegisterPage>(new { http.User, Register = register },
            register is null ? StatusCodes.Status400BadRequest : StatusCodes.Status200OK);
    }

    [Authorize(Policy = SignaleringAuth.ReportsPolicy)]
    public static async Task<IResult> ResponseTimesCsvAsync([AsParameters] ReportQuery query, ReportsService reports, CancellationToken ct) =>
        ReportsCsv.ResponseTimes(await reports.ResponseTimesAsync(query, ct));

    [Authorize(Policy = SignaleringAuth.ReportsPolicy)]
    public static async Task<IResult> ComplaintsRegisterCsvAsync(string? year, ReportsService reports, CancellationToken ct) =>
        ReportsCsv.ComplaintsRegister(await reports.ComplaintsRegisterAsync(year, ct));

    /// <summary>The sign-in page for someone not signed in, a 403 page for staff who are not the municipality; null for those who may read.</summary>
    private static async Task<IResult?> RefuseAsync(HttpContext http, PageRenderer pages, string reason)
    {
        if (http.User.Identity?.IsAuthenticated != true) return StaffAccess.SignIn(http);
        if (http.User.IsInRole(Roles.Municipality) || http.User.IsInRole(Roles.Admin)) return null;
        return await pages.PageAsync<NoAccessPage>(new { http.User, Text = StaffTexts.T(reason) }, StatusCodes.Status403Forbidden);
    }

}
