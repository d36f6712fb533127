using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Languages;
using Signalering.Functions.Auth;
using Signalering.Functions.Web;
using static Signalering.Functions.Features.Expertpool.ExpertpoolApi;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>
/// Consultation management and analysis for the municipality (bearer token with role municipality or admin). Texts
/// are written in Dutch; translations come from the translator in the background and are reviewed per language. A
/// thin face over <see cref="ConsultationService"/> and <see cref="ExpertpoolReports"/>.
/// <list type="bullet">
/// <item><c>GET|POST /api/expertpool/consultations</c>: list; create <c>{title, introduction, targetGroups, locationIds,
/// indicators, questions:[{kind: choice|open, text, indicator?, options?}], opensAt, closesAt, inPerson}</c>;</item>
/// <item><c>GET …/{id}</c>: one consultation with its translation status per language;</item>
/// <item><c>POST …/{id}/translate</c>: translate pending texts now (otherwise the TranslateExpertpool timer does);</item>
/// <item><c>PUT …/{id}/translations/{lang}</c> <c>{reviewer, texts?}</c>: a native speaker checked (and corrected) a language;</item>
/// <item><c>POST …/{id}/invitations</c>: invite the members of its target groups and locations not invited yet;</item>
/// <item><c>GET …/{id}/mailing.csv?kind=invitations|reminders</c>: the messages the organisers send (email, phone);</item>
/// <item><c>GET …/{id}/analysis</c>, <c>…/analysis.csv</c>, <c>…/report</c> (printable HTML): scores, open answers, signals;</item>
/// <item><c>PUT …/{id}/quotes</c> <c>{quotes:["answerId/questionId"]}</c>: the open answers picked as quotes;</item>
/// <item><c>PUT …/{id}/outcome</c> <c>{heard, willDo}</c>: publish "you said, we did" (after closing);</item>
/// <item><c>PUT …/{id}/attendance</c> <c>{members:[{memberCode, amountCents, method}], walkIns, walkInPayments:[{amountCents, method}]}</c>
/// and <c>GET …/{id}/attendance.csv</c>: an in-person session's attendance and compensation, for bookkeeping.</item>
/// </list>
/// </summary>
[Authorize(Policy = ExpertpoolServices.MunicipalityPolicy)]
public static class ConsultationApi
{
    public sealed record ReviewRequest(string? Reviewer, Dictionary<string, string>? Texts);
    public sealed record QuotesRequest(List<string>? Quotes);
    public sealed record OutcomeRequest(string? Heard, string? WillDo);
    public sealed record AttendanceRequest(List<Payment>? Members, int WalkIns, List<Payment>? WalkInPayments);

    private static object View(Consultation c, DateTimeOffset now) => new
    {
        c.Id, c.Title, c.Introduction, c.TargetGroups, c.LocationIds, c.Indicators,
        Questions = c.Questions.Select(q => new { q.Id, Kind = q.Kind, q.Text, q.Indicator, q.Options }),
        c.OpensAt, c.ClosesAt, c.InPerson, Open = c.IsOpen(now), Closed = c.IsClosed(now), c.Outcome,
        Translations = FormLanguages.All.Where(l => l.Code != "nl").Select(l => new
        {
            Language = l.Code,
            Pending = c.PendingLanguages().Contains(l.Code),
            Reviewed = c.IsReviewed(l.Code),
            Reviewer = c.Translations.TryGetValue(l.Code, out var t) ? t.Reviewer : null,
            Texts = c.Translations.TryGetValue(l.Code, out var tt) ? tt.Texts : null,
        }),
        c.WalkIns, Attendees = c.Attendance.Count,
    };

    private static IResult NotFound() => Problems.Field("id", "Unknown consultation.", StatusCodes.Status404NotFound);

    public static async Task<IResult> ListAsync(ConsultationService consultations, CancellationToken ct) =>
        Results.Json((await consultations.ListAsync(ct)).Select(c => View(c, consultations.Now)), Json);

    public static async Task<IResult> CreateAsync(HttpContext http, ConsultationService consultations, CancellationToken ct)
    {
        var (draft, problem) = await JsonBody.ReadAsync<ConsultationDraft>(http.Request, Json, ct);
        if (problem is not null) return problem;
        return await consultations.CreateAsync(draft!, SignaleringClaims.ActorOf(http.User), ct) switch
        {
            ConsultationResult.Done done => Results.Json(View(done.Consultation, consultations.Now), Json, statusCode: StatusCodes.Status201Created),
            var refused => Answer(refused, consultations),
        };
    }

    public static async Task<IResult> GetAsync(string id, ConsultationService consultations, CancellationToken ct) =>
        await consultations.FindAsync(id, ct) is { } c ? Results.Json(View(c, consultations.Now), Json) : NotFound();

    public static async Task<IResult> TranslateAsync(string id, ConsultationService consultations, ExpertpoolTranslation translation, CancellationToken ct)
    {
        if (await consultations.FindAsync(id, ct) is null) return NotFound();
        var translated = await translation.TranslateConsultationAsync(id, ct);
        return Results.Json(new { translated, pending = (await consultations.FindAsync(id, ct))!.PendingLanguages() }, Json);
    }

    public static async Task<IResult> ReviewAsync(string id, string lang, HttpRequest request, ConsultationService consultations, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<ReviewRequest>(request, Json, ct);
        return problem ?? Answer(await consultations.ReviewAsync(id, lang, body!.Reviewer, body.Texts, ct), consultations);
    }

    public static async Task<IResult> QuotesAsync(string id, HttpRequest request, ConsultationService consultations, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<QuotesRequest>(request, Json, ct);
        return problem ?? Answer(await consultations.SelectQuotesAsync(id, body!.Quotes ?? [], ct), consultations);
    }

    public static async Task<IResult> OutcomeAsync(string id, HttpRequest request, ConsultationService consultations, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<OutcomeRequest>(request, Json, ct);
        return problem ?? Answer(await consultations.PublishAsync(id, body!.Heard, body.WillDo, ct), consultations);
    }

    public static async Task<IResult> AttendanceAsync(string id, HttpRequest request, ConsultationService consultations, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<AttendanceRequest>(request, Json, ct);
        return problem ?? Answer(await consultations.RegisterAttendanceAsync(id, body!.Members ?? [], body.WalkIns, body.WalkInPayments ?? [], ct), consultations);
    }

    private static IResult Answer(ConsultationResult result, ConsultationService consultations) => result switch
    {
        ConsultationResult.Done done => Results.Json(View(done.Consultation, consultations.Now), Json),
        ConsultationResult.Invalid invalid => Problems.Fields([invalid.Error]),
        _ => NotFound(),
    };

    public static async Task<IResult> InviteAsync(string id, HttpRequest request, ConsultationService consultations, CancellationToken ct)
    {
        var confirm = request.Query["confirmUnreviewed"].ToString();
        if (confirm is not ("" or "true" or "false")) return Problems.Field("confirmUnreviewed", "confirmUnreviewed is true or false.");
        return await consultations.InviteAsync(id, confirm == "true", ct) switch
        {
            InviteResult.Invited invited => Results.Json(new { invited = invited.Count }, Json),
            InviteResult.Refused refused => Problems.Fields([refused.Error], StatusCodes.Status409Conflict),
            _ => NotFound(),
        };
    }

    public static async Task<IResult> MailingAsync(string id, [FromQuery] string? kind, HttpRequest request, Web.PublicSite site,
        ConsultationService consultations, ExpertpoolReports reports, CancellationToken ct)
    {
        if (kind is not (null or "invitations" or "reminders")) return Problems.Field("kind", "Kind is invitations or reminders.");
        if (await consultations.FindAsync(id, ct) is not { } c) return NotFound();
        return CsvFile(await reports.MailingCsvAsync(c, kind == "reminders", site.BaseUrl(request), ct), $"{kind ?? "invitations"}-{id}.csv");
    }

    public static async Task<IResult> AnalysisAsync(string id, ConsultationService consultations, ExpertpoolReports reports, CancellationToken ct)
    {
        if (await consultations.FindAsync(id, ct) is not { } c) return NotFound();
        var report = await reports.ReportAsync(c, ct);
        var a = report.Analysis;
        return Results.Json(new
        {
            consultation = c.Id,
            answers = a.Answers,
            answersByGroup = a.AnswersByGroup.ToDictionary(g => g.Key, g => g.Value is { } n ? n.ToString(CultureInfo.InvariantCulture) : $"<{ConsultationAnalysis.MinimumGroupSize}"),
            indicators = a.Indicators.Select(r => new
            {
                indicator = r.Indicator.Code, name = r.Indicator.DutchName, all = r.All,
                byGroup = r.ByGroup.Select(g => new { group = g.TargetGroup, g.Suppressed, g.Complementary, scores = g.Scores }),
                signals = report.Signals.FirstOrDefault(s => s.Indicator == r.Indicator.Code),
            }),
            choices = a.Choices.Select(ch => new { question = ch.Question.Id, ch.Question.Text, ch.Question.Options, ch.Counts, ch.Answered }),
            quotes = a.Quotes.Select(q => new { q.AnswerId, q.QuestionId, q.Indicator, q.Label, q.Text, textNl = q.TextNl, machineTranslated = q.TextNl is not null, q.Selected }),
        }, Json);
    }

    public static async Task<IResult> AnalysisCsvAsync(string id, ConsultationService consultations, ExpertpoolReports reports, CancellationToken ct) =>
        await consultations.FindAsync(id, ct) is { } c ? CsvFile(ExpertpoolReports.AnalysisCsv(await reports.ReportAsync(c, ct)), $"analyse-{id}.csv") : NotFound();

    public static async Task<IResult> AttendanceCsvAsync(string id, ConsultationService consultations, CancellationToken ct) =>
        await consultations.FindAsync(id, ct) is { } c ? CsvFile(ExpertpoolReports.AttendanceCsv(c), $"aanwezigheid-{id}.csv") : NotFound();

    private static IResult CsvFile(string csv, string name) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);

    /// <summary>The printable report, the same page the staff pages open.</summary>
    public static async Task<IResult> ReportAsync(string id, HttpContext http, ConsultationService consultations, ExpertpoolReports reports, PageRenderer pages,
        CancellationToken ct) =>
        await consultations.FindAsync(id, ct) is { } c
            ? await pages.PageAsync<ConsultationReportPage>(new { Report = await reports.ReportAsync(c, ct), http.User })
            : NotFound();
}
