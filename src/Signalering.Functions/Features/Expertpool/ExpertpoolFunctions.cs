using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>The expertpool's HTTP functions: one per route, each handing its request to <see cref="SignaleringHttp"/> with its handler.</summary>
public sealed class ExpertpoolFunctions(SignaleringHttp http)
{
    // ---- the member API

    [Function("ExpertpoolJoin")]
    public IResult Join([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/expertpool/members")] HttpRequest req) =>
        http.Run(req, ExpertpoolApi.JoinAsync);

    [Function("ExpertpoolLookup")]
    public IResult Lookup([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/expertpool/members/lookup")] HttpRequest req) =>
        http.Run(req, ExpertpoolApi.LookupAsync);

    [Function("ExpertpoolWithdraw")]
    public IResult Withdraw([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/expertpool/members/withdraw")] HttpRequest req) =>
        http.Run(req, ExpertpoolApi.WithdrawAsync);

    [Function("ExpertpoolAnswer")]
    public IResult Answer([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/expertpool/invitations/{token}/answers")] HttpRequest req) =>
        http.Run(req, ExpertpoolApi.AnswerAsync);

    // ---- the municipality's consultation API

    [Function("ConsultationList")]
    public IResult List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/expertpool/consultations")] HttpRequest req) =>
        http.Run(req, ConsultationApi.ListAsync);

    [Function("ConsultationCreate")]
    public IResult Create([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/expertpool/consultations")] HttpRequest req) =>
        http.Run(req, ConsultationApi.CreateAsync);

    [Function("ConsultationGet")]
    public IResult Get([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/expertpool/consultations/{id}")] HttpRequest req) =>
        http.Run(req, ConsultationApi.GetAsync);

    [Function("ConsultationTranslate")]
    public IResult Translate([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/expertpool/consultations/{id}/translate")] HttpRequest req) =>
        http.Run(req, ConsultationApi.TranslateAsync);

    [Function("ConsultationReview")]
    public IResult Review([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/expertpool/consultations/{id}/translations/{lang}")] HttpRequest req) =>
        http.Run(req, ConsultationApi.ReviewAsync);

    [Function("ConsultationInvite")]
    public IResult Invite([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/expertpool/consultations/{id}/invitations")] HttpRequest req) =>
        http.Run(req, ConsultationApi.InviteAsync);

    [Function("ConsultationMailing")]
    public IResult Mailing([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/expertpool/consultations/{id}/mailing.csv")] HttpRequest req) =>
        http.Run(req, ConsultationApi.MailingAsync);

    [Function("ConsultationAnalysis")]
    public IResult Analysis([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/expertpool/consultations/{id}/analysis")] HttpRequest req) =>
        http.Run(req, ConsultationApi.AnalysisAsync);

    [Function("ConsultationAnalysisCsv")]
    public IResult AnalysisCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/expertpool/consultations/{id}/analysis.csv")] HttpRequest req) =>
        http.Run(req, ConsultationApi.AnalysisCsvAsync);

    [Function("ConsultationReport")]
    public IResult Report([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/expertpool/consultations/{id}/report")] HttpRequest req) =>
        http.Run(req, ConsultationApi.ReportAsync);

    [Function("ConsultationQuotes")]
    public IResult Quotes([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/expertpool/consultations/{id}/quotes")] HttpRequest req) =>
        http.Run(req, ConsultationApi.QuotesAsync);

    [Function("ConsultationOutcome")]
    public IResult Outcome([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/expertpool/consultations/{id}/outcome")] HttpRequest req) =>
        http.Run(req, ConsultationApi.OutcomeAsync);

    [Function("ConsultationAttendance")]
    public IResult Attendance([HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/expertpool/consultations/{id}/attendance")] HttpRequest req) =>
        http.Run(req, ConsultationApi.AttendanceAsync);

    [Function("ConsultationAttendanceCsv")]
    public IResult AttendanceCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/expertpool/consultations/{id}/attendance.csv")] HttpRequest req) =>
        http.Run(req, ConsultationApi.AttendanceCsvAsync);

    // ---- the member pages

    [Function("ExpertpoolLocationPage")]
    public IResult LocationPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "e/l/{token}")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.LocationAsync);

    [Function("ExpertpoolJoinForm")]
    public IResult JoinForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "e/join")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.JoinFormAsync);

    [Function("ExpertpoolJoinPage")]
    public IResult JoinPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "e/join")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.JoinAsync);

    [Function("ExpertpoolEnterCode")]
    public IResult EnterCode([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "e/me")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.EnterCode);

    [Function("ExpertpoolMyPage")]
    public IResult MyPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "e/me")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.MyPageAsync);

    [Function("ExpertpoolLeave")]
    public IResult Leave([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "e/leave")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.LeaveAsync);

    [Function("ExpertpoolInvitationPage")]
    public IResult InvitationPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "e/i/{token}")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.InvitationAsync);

    [Function("ExpertpoolAnswerPage")]
    public IResult AnswerPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "e/i/{token}")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.AnswerAsync);

    [Function("ExpertpoolInvitationQr")]
    public IResult InvitationQr([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "e/i/{token}/qr.svg")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.QrAsync);

    [Function("ExpertpoolResultsPage")]
    public IResult ResultsPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "e/results/{id}")] HttpRequest req) =>
        http.Run(req, ExpertpoolPages.ResultsAsync);

    // ---- the municipality's consultation pages

    [Function("ConsultationsPage")]
    public IResult ConsultationsPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/expertpool")] HttpRequest req) =>
        http.Run(req, ConsultationPages.ListAsync);

    [Function("ConsultationNewForm")]
    public IResult NewForm([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/expertpool/nieuw")] HttpRequest req) =>
        http.Run(req, ConsultationPages.NewFormAsync);

    [Function("ConsultationNewPage")]
    public IResult NewPage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbox/expertpool/nieuw")] HttpRequest req) =>
        http.Run(req, ConsultationPages.CreateAsync);

    [Function("ConsultationPage")]
    public IResult ConsultationPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/expertpool/{id}")] HttpRequest req) =>
        http.Run(req, ConsultationPages.DetailAsync);

    [Function("ConsultationInvitePage")]
    public IResult InvitePage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbox/expertpool/{id}/uitnodigen")] HttpRequest req) =>
        http.Run(req, ConsultationPages.InviteAsync);

    [Function("ConsultationOutcomePage")]
    public IResult OutcomePage([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbox/expertpool/{id}/uitkomst")] HttpRequest req) =>
        http.Run(req, ConsultationPages.PublishAsync);

    [Function("ConsultationLanguagePage")]
    public IResult LanguagePage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/expertpool/{id}/talen/{lang}")] HttpRequest req) =>
        http.Run(req, ConsultationPages.ReviewFormAsync);

    [Function("ConsultationLanguageReview")]
    public IResult LanguageReview([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "inbox/expertpool/{id}/talen/{lang}")] HttpRequest req) =>
        http.Run(req, ConsultationPages.ReviewAsync);

    [Function("ConsultationReportPage")]
    public IResult ReportPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "inbox/expertpool/{id}/rapport")] HttpRequest req) =>
        http.Run(req, ConsultationPages.ReportAsync);
}
