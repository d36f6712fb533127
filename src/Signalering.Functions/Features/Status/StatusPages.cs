using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Status;

/// <summary>
/// The status pages, in the resident's language: <c>GET /s</c> (enter a code, or <c>?code=</c> from a typed or scanned
/// link), <c>GET /s/{code}</c> (status, history, replies; right after submitting also the code large and how to keep
/// it), <c>POST /s/{code}/answer</c> ("is your problem solved?"), <c>POST /s/{code}/reply</c> (the answer to the
/// organisation's question), <c>GET /m</c> (the reports made on this phone, <see cref="PhoneReports"/>). A thin face
/// over <see cref="StatusService"/>.
/// </summary>
public static class StatusPages
{
    public static Task<IResult> EnterCode([FromQuery] string? code, [FromQuery] string? lang, HttpRequest request, PageRenderer pages)
    {
        var language = ResidentLanguage.For(lang, request);
        if (!string.IsNullOrWhiteSpace(code))
            return Task.FromResult(Results.Redirect($"/s/{Uri.EscapeDataString(StatusService.Normalise(code)!)}?lang={language.Code}"));
        return pages.PageAsync<EnterCodePage>(new { L = language });
    }

    public static async Task<IResult> ShowAsync(string code, [FromQuery] string? lang, [FromQuery(Name = "new")] string? isNew, [FromQuery] string? answered,
        HttpContext http, StatusService status, PageRenderer pages, PublicSite site, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var result = await status.FindAsync(StatusLookup.ClientOf(http), code, lang, ct);
        if (result is not StatusResult.Found found) return await NotFoundAsync(result, ResidentLanguage.For(lang, http.Request), http, pages);
        // Right after submitting, the code joins this phone's list, so "my reports" works without JavaScript too.
        if (isNew == "1") PhoneReports.Add(http, found.Signal.Code);
        return await StatusPageAsync(found, answered, isNew == "1", null, http, pages, site);
    }

    private static Task<IResult> StatusPageAsync(StatusResult.Found found, string? answered, bool justSubmitted, string? replyError, HttpContext http,
        PageRenderer pages, PublicSite site, string? reply = null) =>
        pages.PageAsync<StatusPage>(new
        {
            L = new ResidentLanguage(found.View.Language), found.View, found.Signal, JustSubmitted = justSubmitted,
            Answered = answered is "solved" or "not-solved" or "replied" ? answered : null,
            // A second way back: the status page's own address as a QR code, to photograph now and scan later.
            StatusUrl = site.Url(http.Request, $"/s/{found.Signal.Code.Value}?lang={found.View.Language}"),
            ReplyError = replyError, Reply = reply,
        }, replyError is null ? StatusCodes.Status200OK : StatusCodes.Status400BadRequest);

    /// <summary>
    /// The answer to the organisation's question, from a plain form post. An empty or too long answer shows the page
    /// again with the message at the field (400) and the words kept; nothing is stored.
    /// </summary>
    public static async Task<IResult> ReplyAsync(string code, HttpContext http, StatusService status, PageRenderer pages, PublicSite site, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var language = ResidentLanguage.For(form["lang"], http.Request);
        AnswerResult result;
        try { result = await status.ReplyAsync(StatusLookup.ClientOf(http), code, form["answer"], ct); }
        catch (Domain.DomainException e) when (e.Field == "answer")
        {
            var answer = form["answer"].ToString();
            var message = language.T(answer.Trim().Length == 0 ? "answer.empty" : "error.textTooLong");
            return await status.FindAsync(StatusLookup.ClientOf(http), code, language.Code, ct) is StatusResult.Found found
                ? await StatusPageAsync(found, null, false, message, http, pages, site, answer)
                : await NotFoundAsync(new StatusResult.NotFound(true), language, http, pages);
        }
        string Back(Domain.Signals.TrackingCode c) => $"/s/{c.Value}?lang={language.Code}";
        return result switch
        {
            AnswerResult.Answered a => Results.Redirect(Back(a.Code) + "&answered=replied"),
            AnswerResult.Unchanged u => Results.Redirect(Back(u.Code)),
            AnswerResult.Blocked b => await NotFoundAsync(new StatusResult.Blocked(b.RetryAfter), language, http, pages),
            _ => await NotFoundAsync(new StatusResult.NotFound(true), language, http, pages),
        };
    }

    /// <summary>
    /// The reports made on this phone with their status now. Each code is looked up like a typed one (same budget,
    /// same padding); codes that no longer exist (erased by retention) leave the list.
    /// </summary>
    public static async Task<IResult> MineAsync([FromQuery] string? lang, HttpContext http, StatusService status, PageRenderer pages, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var language = ResidentLanguage.For(lang, http.Request);
        var codes = PhoneReports.Read(http.Request);
        var client = StatusLookup.ClientOf(http);
        var results = await Task.WhenAll(codes.Select(c => status.FindAsync(client, c.Value, language.Code, ct)));
        var found = results.OfType<StatusResult.Found>().Select(f => f.View).ToList();
        // Only a definite "not found" drops a code: a lookup that was refused for now says nothing about the code.
        if (results.Any(r => r is StatusResult.NotFound))
            PhoneReports.Write(http, codes.Where((_, i) => results[i] is not StatusResult.NotFound));
        return await pages.PageAsync<MyReportsPage>(new { L = language, Reports = found });
    }

    public static async Task<IResult> AnswerAsync(string code, HttpContext http, StatusService status, PageRenderer pages, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var language = ResidentLanguage.For(form["lang"], http.Request);
        bool? solved = form["solved"].ToString() switch { "yes" => true, "no" => false, _ => null };
        if (solved is null) return Results.Redirect($"/s/{Uri.EscapeDataString(StatusService.Normalise(code)!)}?lang={language.Code}");
        string Back(Domain.Signals.TrackingCode c) => $"/s/{c.Value}?lang={language.Code}";
        return await status.AnswerAsync(StatusLookup.ClientOf(http), code, solved.Value, form["comment"], ct) switch
        {
            AnswerResult.Answered a => Results.Redirect(Back(a.Code) + "&answered=" + (a.Solved ? "solved" : "not-solved")),
            AnswerResult.Unchanged u => Results.Redirect(Back(u.Code)),
            AnswerResult.Blocked b => await NotFoundAsync(new StatusResult.Blocked(b.RetryAfter), language, http, pages),
            _ => await NotFoundAsync(new StatusResult.NotFound(true), language, http, pages),
        };
    }

    private static Task<IResult> NotFoundAsync(StatusResult result, ResidentLanguage language, HttpContext http, PageRenderer pages)
    {
        if (result is StatusResult.Blocked blocked)
        {
            http.Response.Headers.RetryAfter = Math.Ceiling(blocked.RetryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return pages.PageAsync<EnterCodePage>(new { L = language, Message = language.T("status.tooManyAttempts") }, StatusCodes.Status429TooManyRequests);
        }
        return pages.PageAsync<EnterCodePage>(new { L = language, Message = language.T("status.notFound") }, StatusCodes.Status404NotFound);
    }
}
