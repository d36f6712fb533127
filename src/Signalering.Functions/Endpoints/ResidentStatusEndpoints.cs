using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain;
using Signalering.Domain.Languages;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Functions.Application;
using Signalering.Functions.Resident;
using Signalering.Storage.Tables;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// "What happened with my signal" (function folder ResidentStatus), in the resident's language:
/// <list type="bullet">
/// <item><c>GET /s</c>: enter a tracking code (or <c>?code=</c>, as a scanned or typed link);</item>
/// <item><c>GET /s/{code}</c>: status, history and responses; right after submitting (<c>new=1</c>) also the code
/// large with how to keep it, the promised handling time and, for an urgent signal, 112/113;</item>
/// <item><c>POST /s/{code}/answer</c>: after resolution, "Is your problem solved?" — "no" reopens the signal with the
/// resident's comment.</item>
/// </list>
/// Lookups go through <see cref="StatusLookup"/>: rate-limited misses, equal timing for hits and misses.
/// </summary>
public static class ResidentStatusEndpoints
{
    private static readonly TimeZoneInfo Netherlands = Domain.Clocks.WorkingTime.DutchZone;

    public static IEndpointRouteBuilder MapResidentStatusEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/s", EnterCode);
        app.MapGet("/s/{code}", ShowAsync);
        app.MapPost("/s/{code}/answer", AnswerAsync);
        return app;
    }

    private static string LanguageOf(string? lang, HttpRequest request)
    {
        if (FormLanguages.TryGet(lang, out var l)) return l.Code;
        foreach (var part in request.Headers.AcceptLanguage.ToString().Split(','))
            if (FormLanguages.TryGet(part.Split(';')[0].Trim(), out var accepted)) return accepted.Code;
        return "en";
    }

    private static IResult EnterCode([FromQuery] string? code, [FromQuery] string? lang, HttpRequest request)
    {
        var language = LanguageOf(lang, request);
        if (!string.IsNullOrWhiteSpace(code))
            return Results.Redirect($"/s/{Uri.EscapeDataString(Normalise(code))}?lang={language}");
        return Result(EnterPage(new ResidentHtml(language), null));
    }

    // People write codes down with spaces, dashes and lower case; the code itself is unambiguous without them.
    private static string Normalise(string code) => new(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    private static string EnterPage(ResidentHtml h, string? message)
    {
        var body = new StringBuilder("<h1>").Append(h.T("status.title")).Append("</h1>");
        if (message is not null) body.Append("<div class=\"errors\" role=\"alert\"><p>").Append(message).Append("</p></div>");
        body.Append("<form method=\"get\" action=\"/s\"><input type=\"hidden\" name=\"lang\" value=\"").Append(h.Language).Append("\">")
            .Append("<label for=\"code\">").Append(h.T("status.enterCode")).Append("</label>")
            .Append("<input type=\"text\" id=\"code\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" spellcheck=\"false\" dir=\"ltr\" required>")
            .Append("<button type=\"submit\">").Append(h.T("status.check")).Append("</button></form>");
        return h.Page(h.T("status.title"), body.ToString());
    }

    private static async Task<IResult> ShowAsync(string code, [FromQuery] string? lang, [FromQuery(Name = "new")] string? isNew,
        [FromQuery] string? answered, HttpContext http, StatusLookup lookup, ReferenceDataProvider reference, SignalTable signals, CancellationToken ct)
    {
        http.Response.Headers.CacheControl = "no-store";
        var outcome = await lookup.FindAsync(StatusLookup.ClientOf(http), Normalise(code), ct);
        if (outcome is not LookupOutcome.Found found) return NotFoundPage(outcome, LanguageOf(lang, http.Request), http);
        var signal = found.Stored.Signal;
        var language = FormLanguages.TryGet(lang, out var l) ? l.Code : signal.Language;
        var h = new ResidentHtml(language);
        var merged = signal.MergedInto is { } into ? (await signals.GetAsync(into, ct))?.Signal : null;
        var view = ResidentViews.Status(signal, ResidentTexts.Default, await reference.GetAsync(ct), language, merged);
        var body = new StringBuilder();
        var justSubmitted = isNew == "1";
        body.Append("<h1>").Append(justSubmitted ? h.T("confirmation.title") : h.T("status.title")).Append("</h1>");
        // An emergency shows 112 (and 113) at the top every time the resident looks, until it is closed.
        if ((signal.IsUrgent || signal.Flags.MentionsSuicide) && Domain.Clocks.SignalClocks.IsOpen(signal.Status))
            body.Append(h.Emergency(signal.Flags.MentionsSuicide)).Append("<p class=\"notice\">").Append(h.T("emergency.urgentNote")).Append("</p>");
        // Said before routing too: a sensitive signal can only go to the confidential handler.
        if (signal.Flags.Sensitive) body.Append("<p class=\"notice\">").Append(h.T("event.confidential")).Append("</p>");
        body.Append("<p><strong>").Append(h.T("confirmation.code")).Append("</strong></p><p class=\"code\" id=\"tracking-code\">").Append(E(view.TrackingCode)).Append("</p>");
        if (justSubmitted)
        {
            body.Append("<p>").Append(h.T("confirmation.codeHelp")).Append("</p>");
            // A second way back: the status page's own address as a QR code, to photograph now and scan later.
            var statusUrl = $"{http.Request.Scheme}://{http.Request.Host}/s/{signal.Code.Value}?lang={language}";
            using var generator = new QRCoder.QRCodeGenerator();
            using var qr = generator.CreateQrCode(statusUrl, QRCoder.QRCodeGenerator.ECCLevel.L);
            body.Append("<figure class=\"status-qr\"><div role=\"img\" aria-label=\"QR: ").Append(E(view.TrackingCode)).Append("\">")
                .Append(new QRCoder.SvgQRCode(qr).GetGraphic(4)).Append("</div><figcaption>").Append(h.T("status.scanLater")).Append("</figcaption></figure>");
        }
        if (answered is "solved" or "not-solved")
            body.Append("<p class=\"notice\" role=\"status\">").Append(h.T("status.thanks")).Append(answered == "not-solved" ? " " + h.T("status.reopenedNote") : "").Append("</p>");
        body.Append("<p class=\"status\">").Append(E(view.StatusLabel)).Append("</p>");
        if (view.SharedOutcome is not null) body.Append("<p class=\"notice\">").Append(E(view.SharedOutcome)).Append("</p>");
        if (view.ComplaintDeadline is not null) body.Append("<p class=\"notice\">").Append(E(view.ComplaintDeadline)).Append("</p>");
        if (view.OthersReported is not null) body.Append("<p>").Append(E(view.OthersReported)).Append("</p>");
        body.Append("<p>").Append(E(view.Promise.Text)).Append("</p>");
        if (justSubmitted && signal.Translation != TranslationState.NotNeeded) body.Append("<p class=\"help\">").Append(h.T("confirmation.untranslated")).Append("</p>");

        if (view.AwaitsAnswer)
        {
            body.Append("<form method=\"post\" action=\"/s/").Append(E(signal.Code.Value)).Append("/answer\"><input type=\"hidden\" name=\"lang\" value=\"").Append(language)
                .Append("\"><h2>").Append(h.T("status.solvedQuestion")).Append("</h2><label for=\"comment\">").Append(h.T("status.commentLabel"))
                .Append("</label><textarea id=\"comment\" name=\"comment\" maxlength=\"2000\" dir=\"auto\"></textarea>")
                .Append("<button type=\"submit\" name=\"solved\" value=\"no\">").Append(h.T("status.no")).Append("</button>")
                .Append("<button type=\"submit\" name=\"solved\" value=\"yes\" class=\"secondary\">").Append(h.T("status.yes")).Append("</button></form>");
        }

        body.Append("<h2>").Append(h.T("responses.title")).Append("</h2>");
        if (view.Responses.Count == 0) body.Append("<p>").Append(E(view.ResponsesNone)).Append("</p>");
        foreach (var r in view.Responses.Reverse())
        {
            var rtl = FormLanguages.TryGet(r.Language, out var rl) && rl.RightToLeft ? "rtl" : "ltr";
            body.Append("<div class=\"notice response\"><time datetime=\"").Append(r.At.UtcDateTime.ToString("o", CultureInfo.InvariantCulture)).Append("\">")
                .Append(TimeZoneInfo.ConvertTime(r.At, Netherlands).ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)).Append("</time><p lang=\"")
                .Append(E(r.Language)).Append("\" dir=\"").Append(rtl).Append("\">").Append(E(r.Text)).Append("</p>")
                .Append(r.Label is null ? "" : $"<span class=\"label\">{E(r.Label)}</span>").Append("</div>");
        }
        body.Append("<h2>").Append(h.T("history.title")).Append("</h2><ol class=\"history\" reversed>");
        foreach (var item in view.History.Reverse())
        {
            var local = TimeZoneInfo.ConvertTime(item.At, Netherlands);
            body.Append("<li><time datetime=\"").Append(item.At.UtcDateTime.ToString("o", CultureInfo.InvariantCulture)).Append("\">")
                .Append(local.ToString("dd-MM-yyyy HH:mm", CultureInfo.InvariantCulture)).Append("</time>").Append(E(item.Text)).Append("</li>");
        }
        body.Append("</ol>");
        return Result(h.Page(justSubmitted ? h.T("confirmation.title") : h.T("status.title"), body.ToString()));
    }

    private static IResult NotFoundPage(LookupOutcome outcome, string language, HttpContext http)
    {
        var h = new ResidentHtml(language);
        if (outcome is LookupOutcome.Blocked blocked)
        {
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(blocked.RetryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Result(EnterPage(h, h.T("status.tooManyAttempts")), StatusCodes.Status429TooManyRequests);
        }
        return Result(EnterPage(h, h.T("status.notFound")), StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> AnswerAsync(string code, HttpContext http, StatusLookup lookup, SignalTable signals, TimeProvider time,
        CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var language = LanguageOf(form["lang"], http.Request);
        var outcome = await lookup.FindAsync(StatusLookup.ClientOf(http), Normalise(code), ct);
        if (outcome is not LookupOutcome.Found found) return NotFoundPage(outcome, language, http);
        var solved = form["solved"].ToString() switch { "yes" => true, "no" => false, _ => (bool?)null };
        var back = $"/s/{found.Stored.Signal.Code.Value}?lang={language}";
        if (solved is null) return Results.Redirect(back);
        var stored = found.Stored;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (!stored.Signal.AwaitsResidentAnswer) return Results.Redirect(back); // answered already (a double tap)
            try { stored.Signal.AnswerSolved(solved.Value, form["comment"], time.GetUtcNow()); }
            catch (DomainException) { return Results.Redirect(back); }
            if (await signals.SaveAsync(stored, stored.Signal, [], [], time.GetUtcNow(), ct))
                return Results.Redirect(back + "&answered=" + (solved.Value ? "solved" : "not-solved"));
            stored = await signals.GetAsync(stored.Signal.Code, ct) ?? stored;
        }
        throw new InvalidOperationException($"Signal {code} kept changing while the resident answered.");
    }
}
