using System.Globalization;
using Signalering.Domain;
using Signalering.Domain.Languages;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Auth;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>
/// The municipality's consultation pages in Dutch, next to the inbox (the same sign-in cookie, scoped to /inbox):
/// consultations, a new one, inviting, language review by a native speaker, "you said, we did", the printable report.
/// Role municipality or admin; anyone else gets a page that says where to sign in. A thin face over
/// <see cref="ConsultationService"/>.
/// <list type="bullet">
/// <item><c>GET /inbox/expertpool</c>: the consultations;</item>
/// <item><c>GET|POST /inbox/expertpool/nieuw</c>: a new consultation;</item>
/// <item><c>POST /inbox/expertpool/{id}/uitnodigen</c>, <c>POST /inbox/expertpool/{id}/uitkomst</c>: invite the members; publish "you said, we did";</item>
/// <item><c>GET /inbox/expertpool/{id}</c>: translation status per language;</item>
/// <item><c>GET|POST /inbox/expertpool/{id}/talen/{lang}</c>: check (and correct) one language's texts;</item>
/// <item><c>GET /inbox/expertpool/{id}/rapport</c>: the printable report.</item>
/// </list>
/// </summary>
[Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryToken]
public static class ConsultationPages
{
    private static bool Allowed(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && SignaleringClaims.OrganisationOf(http.User) is not null
        && (http.User.IsInRole(Roles.Municipality) || http.User.IsInRole(Roles.Admin));

    private static Task<IResult> RefusedAsync(HttpContext http, PageRenderer pages) =>
        http.User.Identity?.IsAuthenticated == true
            ? pages.PageAsync<ConsultationRefusedPage>(new { http.User }, StatusCodes.Status403Forbidden)
            : Task.FromResult(StaffAccess.SignIn(http));

    private static Task<IResult> UnknownAsync(HttpContext http, PageRenderer pages, string heading = "expertpool.unknown") =>
        pages.PageAsync<ConsultationUnknownPage>(new { http.User, Heading = StaffTexts.T(heading) }, StatusCodes.Status404NotFound);

    public static async Task<IResult> ListAsync(HttpContext http, ConsultationService consultations, PageRenderer pages, CancellationToken ct) =>
        !Allowed(http) ? await RefusedAsync(http, pages)
            : await pages.PageAsync<ConsultationsPage>(new { http.User, Consultations = await consultations.ListAsync(ct), consultations.Now });

    public static async Task<IResult> DetailAsync(string id, HttpContext http, ConsultationService consultations, PageRenderer pages, CancellationToken ct) =>
        await RenderDetailAsync(id, http, consultations, pages, null, false, ct);

    /// <summary>The consultation's page, with what the last action came to (<paramref name="failed"/>: it was refused, 409).</summary>
    private static async Task<IResult> RenderDetailAsync(string id, HttpContext http, ConsultationService consultations, PageRenderer pages, string? message, bool failed,
        CancellationToken ct)
    {
        if (!Allowed(http)) return await RefusedAsync(http, pages);
        if (await consultations.FindAsync(id, ct) is not { } c) return await UnknownAsync(http, pages);
        return await pages.PageAsync<ConsultationPage>(new { http.User, Consultation = c, Message = message },
            failed ? StatusCodes.Status409Conflict : StatusCodes.Status200OK);
    }

    private static string Failed(string reason) => StaffTexts.T("expertpool.failed", ("reason", reason));

    // ---- a new consultation

    public static async Task<IResult> NewFormAsync(HttpContext http, ReferenceDataProvider reference, PageRenderer pages, CancellationToken ct) =>
        !Allowed(http) ? await RefusedAsync(http, pages) : await pages.PageAsync<NewConsultationPage>(new { http.User, Locations = await LocationsAsync(reference, ct) });

    private static async Task<IReadOnlyList<(string Id, string Name)>> LocationsAsync(ReferenceDataProvider reference, CancellationToken ct) =>
        (await reference.GetAsync(ct)).Locations.Values.OrderBy(l => l.Name).Select(l => (l.Id, l.Name)).ToList();

    public static async Task<IResult> CreateAsync(HttpContext http, ConsultationService consultations, ReferenceDataProvider reference, PageRenderer pages,
        CancellationToken ct)
    {
        if (!Allowed(http)) return await RefusedAsync(http, pages);
        var form = await http.Request.ReadFormAsync(ct);
        var opens = Day(form["opens"], end: false);
        var closes = Day(form["closes"], end: true);
        var open = form["openQuestion"].ToString().Trim();
        var draft = new ConsultationDraft(form["title"].ToString().Trim(), form["introduction"].ToString().Trim(), [.. form["targetGroups"].OfType<string>()],
            [.. form["locationIds"].OfType<string>()], [.. form["indicators"].OfType<string>()], open.Length == 0 ? [] : [new QuestionDraft("open", open, null, null)],
            opens, closes, form["inPerson"].ToString() == "true");
        // A date that is not one is said as such, before the service asks for a date it was not given.
        var result = opens is null || closes is null ? new ConsultationResult.Invalid(new(opens is null ? "opens" : "closes", StaffTexts.T("expertpool.chooseDate")))
            : await consultations.CreateAsync(draft, SignaleringClaims.ActorOf(http.User), ct);
        return result switch
        {
            ConsultationResult.Done done => Results.Redirect("/inbox/expertpool/" + done.Consultation.Id),
            ConsultationResult.Invalid invalid => await pages.PageAsync<NewConsultationPage>(new
            {
                http.User, Locations = await LocationsAsync(reference, ct), Error = invalid.Error.Message, Entered = form,
            }, StatusCodes.Status400BadRequest),
            _ => throw new InvalidOperationException(),
        };
    }

    /// <summary>A date from the form as a Dutch day: open from the first day's start to the end of the last.</summary>
    private static DateTimeOffset? Day(string? value, bool end)
    {
        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        var start = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(start, Domain.Clocks.WorkingTime.DutchZone.GetUtcOffset(start)).AddDays(end ? 1 : 0);
    }

    // ---- inviting and publishing

    public static async Task<IResult> InviteAsync(string id, HttpContext http, ConsultationService consultations, PageRenderer pages, CancellationToken ct)
    {
        if (!Allowed(http)) return await RefusedAsync(http, pages);
        var form = await http.Request.ReadFormAsync(ct);
        return await consultations.InviteAsync(id, form["confirmUnreviewed"] == "true", ct) switch
        {
            InviteResult.Invited invited => await RenderDetailAsync(id, http, consultations, pages,
                StaffTexts.T("expertpool.invited", ("count", invited.Count.ToString(CultureInfo.InvariantCulture))), false, ct),
            InviteResult.Refused refused => await RenderDetailAsync(id, http, consultations, pages, Failed(refused.Error.Message), true, ct),
            _ => await UnknownAsync(http, pages),
        };
    }

    public static async Task<IResult> PublishAsync(string id, HttpContext http, ConsultationService consultations, PageRenderer pages, CancellationToken ct)
    {
        if (!Allowed(http)) return await RefusedAsync(http, pages);
        var form = await http.Request.ReadFormAsync(ct);
        return await consultations.PublishAsync(id, form["heard"].ToString().Trim(), form["willDo"].ToString().Trim(), ct) switch
        {
            ConsultationResult.Done => Results.Redirect("/inbox/expertpool/" + id),
            ConsultationResult.Invalid invalid => await RenderDetailAsync(id, http, consultations, pages, Failed(invalid.Error.Message), true, ct),
            _ => await UnknownAsync(http, pages),
        };
    }

    // ---- language review

    public static async Task<IResult> ReviewFormAsync(string id, string lang, HttpContext http, ConsultationService consultations, PageRenderer pages,
        CancellationToken ct)
    {
        if (!Allowed(http)) return await RefusedAsync(http, pages);
        if (await consultations.FindAsync(id, ct) is not { } c || !FormLanguages.TryGet(lang, out var language) || language.Code == "nl")
            return await UnknownAsync(http, pages, "expertpool.unknownLanguage");
        return await pages.PageAsync<LanguageReviewPage>(new { http.User, Consultation = c, Language = language });
    }

    public static async Task<IResult> ReviewAsync(string id, string lang, HttpContext http, ConsultationService consultations, PageRenderer pages,
        CancellationToken ct)
    {
        if (!Allowed(http)) return await RefusedAsync(http, pages);
        if (await consultations.FindAsync(id, ct) is not { } current || !FormLanguages.TryGet(lang, out var language) || language.Code == "nl")
            return await UnknownAsync(http, pages, "expertpool.unknownLanguage");
        var form = await http.Request.ReadFormAsync(ct);
        var keys = form["key"];
        var texts = form["text"];
        var entered = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < Math.Min(keys.Count, texts.Count); i++)
            if (!string.IsNullOrWhiteSpace(texts[i])) entered[keys[i]!] = texts[i]!;
        return await consultations.ReviewAsync(id, language.Code, form["reviewer"].ToString(), entered, ct) switch
        {
            ConsultationResult.Done => Results.Redirect($"/inbox/expertpool/{id}"),
            ConsultationResult.Invalid invalid => await pages.PageAsync<LanguageReviewPage>(new
            {
                http.User, Consultation = current, Language = language, Entered = entered,
                Error = invalid.Error.Field == "texts" ? StaffTexts.T("expertpool.fillEveryText") : invalid.Error.Message,
            }, StatusCodes.Status400BadRequest),
            _ => await UnknownAsync(http, pages, "expertpool.unknownLanguage"),
        };
    }

    // ---- the report

    public static async Task<IResult> ReportAsync(string id, HttpContext http, ConsultationService consultations, ExpertpoolReports reports, PageRenderer pages,
        CancellationToken ct)
    {
        if (!Allowed(http)) return await RefusedAsync(http, pages);
        return await consultations.FindAsync(id, ct) is { } c
            ? await pages.PageAsync<ConsultationReportPage>(new { Report = await reports.ReportAsync(c, ct), http.User })
            : await UnknownAsync(http, pages);
    }
}
