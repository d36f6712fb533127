using System.Security.Claims;
using System.Text;
using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Functions.Application;
using Signalering.Functions.Auth;
using Signalering.Functions.Extensions;
using static Signalering.Functions.Endpoints.ExpertpoolEndpoints;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// Consultation management and analysis for the municipality (function folder Expertpool; bearer token with role
/// municipality or admin). Texts are written in Dutch; translations come from the translator in the background and
/// are reviewed per language.
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
public static class ConsultationAdminEndpoints
{
    public static IEndpointRouteBuilder MapConsultationAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var c = app.MapGroup("/api/expertpool/consultations").RequireAuthorization(ExpertpoolServices.MunicipalityPolicy);
        c.MapGet("", ListAsync);
        c.MapPost("", CreateAsync);
        c.MapGet("/{id}", GetAsync);
        c.MapPost("/{id}/translate", TranslateAsync);
        c.MapPut("/{id}/translations/{lang}", ReviewAsync);
        c.MapPost("/{id}/invitations", InviteAsync);
        c.MapGet("/{id}/mailing.csv", MailingAsync);
        c.MapGet("/{id}/analysis", AnalysisAsync);
        c.MapGet("/{id}/analysis.csv", AnalysisCsvAsync);
        c.MapGet("/{id}/report", ReportAsync);
        c.MapPut("/{id}/quotes", QuotesAsync);
        c.MapPut("/{id}/outcome", OutcomeAsync);
        c.MapPut("/{id}/attendance", AttendanceAsync);
        c.MapGet("/{id}/attendance.csv", AttendanceCsvAsync);
        return app;
    }

    public sealed record QuestionRequest(string? Kind, string? Text, string? Indicator, List<string>? Options);

    public sealed record CreateRequest(string? Title, string? Introduction, List<string>? TargetGroups, List<string>? LocationIds, List<string>? Indicators,
        List<QuestionRequest>? Questions, DateTimeOffset? OpensAt, DateTimeOffset? ClosesAt, bool InPerson);

    public sealed record ReviewRequest(string? Reviewer, Dictionary<string, string>? Texts);
    public sealed record QuotesRequest(List<string>? Quotes);
    public sealed record OutcomeRequest(string? Heard, string? WillDo);
    public sealed record Payment(string? MemberCode, long AmountCents, string? Method);
    public sealed record AttendanceRequest(List<Payment>? Members, int WalkIns, List<Payment>? WalkInPayments);

    private static object View(Consultation c, DateTimeOffset now) => new
    {
        c.Id, c.Title, c.Introduction, c.TargetGroups, c.LocationIds, c.Indicators,
        Questions = c.Questions.Select(q => new { q.Id, Kind = q.Kind, q.Text, q.Indicator, q.Options }),
        c.OpensAt, c.ClosesAt, c.InPerson, Open = c.IsOpen(now), Closed = c.IsClosed(now), c.Outcome,
        Translations = Domain.Languages.FormLanguages.All.Where(l => l.Code != "nl").Select(l => new
        {
            Language = l.Code,
            Pending = c.PendingLanguages().Contains(l.Code),
            Reviewed = c.IsReviewed(l.Code),
            Reviewer = c.Translations.TryGetValue(l.Code, out var t) ? t.Reviewer : null,
            Texts = c.Translations.TryGetValue(l.Code, out var tt) ? tt.Texts : null,
        }),
        c.WalkIns, Attendees = c.Attendance.Count,
    };

    private static async Task<IResult> ListAsync(ExpertpoolService expertpool, TimeProvider time, CancellationToken ct) =>
        Results.Json((await expertpool.Tables.ConsultationsAsync(ct)).OrderByDescending(c => c.OpensAt).Select(c => View(c, time.GetUtcNow())), Json);

    private static async Task<IResult> CreateAsync(HttpContext http, ExpertpoolService expertpool, ReferenceDataProvider reference, TimeProvider time,
        CancellationToken ct)
    {
        var (r, problem) = await JsonBody.ReadAsync<CreateRequest>(http.Request, Json, ct);
        if (problem is not null) return problem;
        try
        {
            if (r!.OpensAt is not { } opens) throw new DomainException("Give the opening date and time.", "opensAt");
            if (r.ClosesAt is not { } closes) throw new DomainException("Give the closing date and time.", "closesAt");
            var locations = (await reference.GetAsync(ct)).Locations;
            if (r.LocationIds?.FirstOrDefault(l => !locations.ContainsKey(l)) is { } unknown) throw new DomainException($"Unknown location '{unknown}'.", "locationIds");
            var questions = (r.Questions ?? []).Select((q, i) => new Question("", q.Kind switch
            {
                "choice" => QuestionKind.Choice,
                "open" => QuestionKind.Open,
                _ => throw new DomainException("A question's kind is choice or open.", $"questions[{i}].kind"),
            }, q.Text ?? "", q.Indicator, q.Options ?? [])).ToList();
            var c = Consultation.Create(r.Title ?? "", r.Introduction ?? "", r.TargetGroups ?? [], r.LocationIds ?? [], r.Indicators ?? [], questions, opens, closes,
                r.InPerson, SignaleringClaims.ActorOf(http.User));
            await expertpool.Tables.SaveConsultationAsync(c, null, ct);
            return Results.Json(View(c, time.GetUtcNow()), Json, statusCode: StatusCodes.Status201Created);
        }
        catch (DomainException e)
        {
            return Problems.Field(e.Field ?? "body", e.Message);
        }
    }

    private static async Task<IResult> GetAsync(string id, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct) =>
        await expertpool.Tables.GetConsultationAsync(id, ct) is var (c, _) ? Results.Json(View(c, time.GetUtcNow()), Json) : NotFound();

    private static IResult NotFound() => Problems.Field("id", "Unknown consultation.", StatusCodes.Status404NotFound);

    private static async Task<IResult> TranslateAsync(string id, ExpertpoolService expertpool, ExpertpoolTranslation translation, CancellationToken ct)
    {
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is null) return NotFound();
        var translated = await translation.TranslateConsultationAsync(id, ct);
        var c = (await expertpool.Tables.GetConsultationAsync(id, ct))!.Value.Consultation;
        return Results.Json(new { translated, pending = c.PendingLanguages() }, Json);
    }

    /// <summary>Reads a body and applies a change to the consultation; field errors become problems, nothing is half stored.</summary>
    private static async Task<IResult> ChangeAsync<T>(string id, HttpRequest request, ExpertpoolService expertpool, TimeProvider time,
        Func<T, Action<Consultation>> change, CancellationToken ct) where T : class
    {
        var (body, problem) = await JsonBody.ReadAsync<T>(request, Json, ct);
        if (problem is not null) return problem;
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (current, _)) return NotFound();
        try
        {
            var apply = change(body!);
            // Validate on the copy just read, so a bad body fails before anything is written.
            apply(current);
            var changed = await expertpool.ChangeAsync(id, apply, ct);
            return changed is null ? NotFound() : Results.Json(View(changed, time.GetUtcNow()), Json);
        }
        catch (DomainException e)
        {
            return Problems.Field(e.Field ?? "body", e.Message);
        }
    }

    private static Task<IResult> ReviewAsync(string id, string lang, HttpRequest request, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct) =>
        ChangeAsync<ReviewRequest>(id, request, expertpool, time, r =>
            c => c.Review(lang, r.Reviewer ?? "", r.Texts, time.GetUtcNow()), ct);

    private static Task<IResult> QuotesAsync(string id, HttpRequest request, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct) =>
        ChangeAsync<QuotesRequest>(id, request, expertpool, time, r => c => c.SelectQuotes(r.Quotes ?? []), ct);

    private static Task<IResult> OutcomeAsync(string id, HttpRequest request, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct) =>
        ChangeAsync<OutcomeRequest>(id, request, expertpool, time, r =>
            c => c.Publish(r.Heard ?? "", r.WillDo ?? "", time.GetUtcNow()), ct);

    private static Task<IResult> AttendanceAsync(string id, HttpRequest request, ExpertpoolService expertpool, TimeProvider time, CancellationToken ct) =>
        ChangeAsync<AttendanceRequest>(id, request, expertpool, time, r =>
        {
            var attendees = new List<Attendance>();
            foreach (var (p, i) in (r.Members ?? []).Select((p, i) => (p, i)))
            {
                if (!MemberCode.TryParse(p.MemberCode, out var code)) throw new DomainException("Not a member code.", $"members[{i}].memberCode");
                attendees.Add(new Attendance(expertpool.MemberKey(code), p.AmountCents, Method(p.Method, $"members[{i}].method")));
            }
            attendees.AddRange((r.WalkInPayments ?? []).Select((p, i) => new Attendance(null, p.AmountCents, Method(p.Method, $"walkInPayments[{i}].method"))));
            return c => c.RegisterAttendance(attendees, r.WalkIns);
        }, ct);

    private static CompensationMethod Method(string? method, string field) => method switch
    {
        null or "" or "none" => CompensationMethod.None,
        "cash" => CompensationMethod.Cash,
        "giftCard" => CompensationMethod.GiftCard,
        "bankTransfer" => CompensationMethod.BankTransfer,
        _ => throw new DomainException("Method is none, cash, giftCard or bankTransfer.", field),
    };

    private static async Task<IResult> InviteAsync(string id, ExpertpoolService expertpool, CancellationToken ct)
    {
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (c, _)) return NotFound();
        try
        {
            return Results.Json(new { invited = await expertpool.InviteAsync(c, ct) }, Json);
        }
        catch (DomainException e)
        {
            return Problems.Field(e.Field ?? "id", e.Message, StatusCodes.Status409Conflict);
        }
    }

    private static async Task<IResult> MailingAsync(string id, string? kind, HttpRequest request, IConfiguration config, ExpertpoolService expertpool,
        ExpertpoolReports reports, CancellationToken ct)
    {
        if (kind is not (null or "invitations" or "reminders")) return Problems.Field("kind", "Kind is invitations or reminders.");
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (c, _)) return NotFound();
        return CsvFile(await reports.MailingCsvAsync(c, kind == "reminders", PosterEndpoints.PublicBaseUrl(request, config), ct), $"{kind ?? "invitations"}-{id}.csv");
    }

    private static async Task<IResult> AnalysisAsync(string id, ExpertpoolService expertpool, ExpertpoolReports reports, CancellationToken ct)
    {
        if (await expertpool.Tables.GetConsultationAsync(id, ct) is not var (c, _)) return NotFound();
        var report = await reports.ReportAsync(c, ct);
        var a = report.Analysis;
        return Results.Json(new
        {
            consultation = c.Id,
            answers = a.Answers,
            answersByGroup = a.AnswersByGroup.ToDictionary(g => g.Key, g => g.Value is { } n ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"<{ConsultationAnalysis.MinimumGroupSize}"),
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

    private static async Task<IResult> AnalysisCsvAsync(string id, ExpertpoolService expertpool, ExpertpoolReports reports, CancellationToken ct) =>
        await expertpool.Tables.GetConsultationAsync(id, ct) is var (c, _)
            ? CsvFile(ExpertpoolReports.AnalysisCsv(await reports.ReportAsync(c, ct)), $"analyse-{id}.csv") : NotFound();

    private static async Task<IResult> AttendanceCsvAsync(string id, ExpertpoolService expertpool, CancellationToken ct) =>
        await expertpool.Tables.GetConsultationAsync(id, ct) is var (c, _) ? CsvFile(ExpertpoolReports.AttendanceCsv(c), $"aanwezigheid-{id}.csv") : NotFound();

    private static IResult CsvFile(string csv, string name) =>
        Results.File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", name);

    private static async Task<IResult> ReportAsync(string id, ExpertpoolService expertpool, ExpertpoolReports reports, CancellationToken ct) =>
        await expertpool.Tables.GetConsultationAsync(id, ct) is var (c, _)
            ? Resident.ResidentHtml.Result(Expertpool.ExpertpoolReportHtml.Render(await reports.ReportAsync(c, ct))) : NotFound();
}
