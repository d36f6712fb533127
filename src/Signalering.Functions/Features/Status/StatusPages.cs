using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Status;

/// <summary>
/// The status pages, in the resident's language: <c>GET /s</c> (enter a code, or <c>?code=</c> from a typed or scanned
/// link), <c>GET /s/{code}</c> (status, history, replies; right after submitting also the code large and how to keep
/// it), <c>POST /s/{code}/answer</c> ("is your problem solved?"). A thin face over <see cref="StatusService"/>.
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
        var language = new ResidentLanguage(found.View.Language);
        return await pages.PageAsync<StatusPage>(new
        {
            L = language, found.View, found.Signal, JustSubmitted = isNew == "1",
            Answered = answered is "solved" or "not-solved" ? answered : null,
            // A second way back: the status page's own address as a QR code, to photograph now and scan later.
            StatusUrl = site.Url(http.Request, $"/s/{found.Signal.Code.Value}?lang={language.Code}"),
        });
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
