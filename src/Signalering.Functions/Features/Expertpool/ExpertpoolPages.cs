using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using QRCoder;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Intake;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Features.Status;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>What the join form holds, as typed (sent back with the errors).</summary>
public sealed record JoinValues(string? TargetGroup, string? LocationId, IReadOnlyCollection<string> Languages, string? AgeRange, string? Gender,
    IReadOnlyCollection<string> Indicators, string? Channel, string? Email, string? Phone, bool Consent, string? LocationToken);

/// <summary>What the answer form holds, as sent (sent back with the error).</summary>
public sealed record AnswerValues(IReadOnlyDictionary<string, int> Scores, IReadOnlyDictionary<string, int> Choices, IReadOnlyDictionary<string, string> Open)
{
    public static readonly AnswerValues None = new(new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, string>());
}

/// <summary>
/// The expertpool's member pages: phone-first, in the member's language, plain links and form posts that work without
/// JavaScript, like the report form. The member code travels only in form posts, never in a URL. A thin face over
/// <see cref="MembershipService"/>.
/// <list type="bullet">
/// <item><c>GET /e/l/{token}?lang=</c>: a location's expertpool page (reached from the report form's first page):
/// join, my page, and "you said, we did" of consultations at that location;</item>
/// <item><c>GET|POST /e/join?lang=&amp;loc=</c>: join: profile, how to be invited, explicit consent; shows the member code once;</item>
/// <item><c>GET|POST /e/me</c>: enter the member code; see open invitations and leave;</item>
/// <item><c>POST /e/leave</c>: leave the expertpool (personal data erased);</item>
/// <item><c>GET|POST /e/i/{token}</c>: the personal invitation: score the indicators 1–10, answer the questions, once;
/// <c>GET /e/i/{token}/qr.svg</c>: its QR code, for an invitation on paper;</item>
/// <item><c>GET /e/results/{id}?lang=</c>: "you said, we did" of a closed consultation.</item>
/// </list>
/// </summary>
public static class ExpertpoolPages
{
    /// <summary>The language asked for, else English (the member pages speak what the link or form says, not the phone's).</summary>
    private static ResidentLanguage Language(string? lang) => new(FormLanguages.TryGet(lang, out var l) ? l.Code : "en");

    private static Task<IResult> ChooseLanguageAsync(PageRenderer pages, Func<string, string> href) =>
        pages.PageAsync<ChooseLanguagePage>(new { Href = href });

    public static async Task<IResult> LocationAsync(string token, [FromQuery] string? lang, ReferenceDataProvider reference, LocationTokens tokens,
        MembershipService members, PageRenderer pages, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        if (!tokens.TryVerify(token, out var tokenId) || !set.TryResolveToken(tokenId, out var location, out _)) return await pages.PageAsync<TokenErrorPage>(new { }, StatusCodes.Status404NotFound);
        if (!FormLanguages.TryGet(lang, out _)) return await ChooseLanguageAsync(pages, l => $"/e/l/{token}?lang={l}");
        return await pages.PageAsync<LocationPage>(new { L = Language(lang), LocationToken = token, Published = await members.PublishedAtAsync(location.Id, ct) });
    }

    // ---- joining

    public static async Task<IResult> JoinFormAsync([FromQuery] string? lang, [FromQuery] string? loc, ReferenceDataProvider reference, LocationTokens tokens,
        PageRenderer pages, CancellationToken ct)
    {
        if (!FormLanguages.TryGet(lang, out var language))
            return await ChooseLanguageAsync(pages, l => $"/e/join?lang={l}" + (loc is null ? "" : "&loc=" + Uri.EscapeDataString(loc)));
        var set = await reference.GetAsync(ct);
        var location = tokens.TryVerify(loc, out var tokenId) && set.TryResolveToken(tokenId, out var l, out _) ? l.Id : null;
        var values = new JoinValues(null, location, [language.Code], null, null, [], null, null, null, false, loc);
        return await pages.PageAsync<JoinPage>(new { L = Language(language.Code), Values = values, Locations = set.Locations.Values });
    }

    public static async Task<IResult> JoinAsync(HttpRequest request, MembershipService members, ReferenceDataProvider reference, PageRenderer pages,
        CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        if (!FormLanguages.TryGet(form["lang"], out var language)) return Results.Redirect("/e/join");
        var l = Language(language.Code);
        string? Text(string name) => form[name].ToString() is { Length: > 0 } s ? s.Trim() : null;
        var v = new JoinValues(Text("targetGroup"), Text("locationId"), form["languages"].OfType<string>().ToHashSet(), Text("ageRange"), Text("gender"),
            form["indicators"].OfType<string>().ToHashSet(), Text("channel"), Text("email"), Text("phone"), form["consent"] == "true", Text("loc"));
        var result = await members.JoinAsync(new JoinRequest(language.Code, v.TargetGroup, v.LocationId, null, [.. v.Languages], v.AgeRange, v.Gender,
            [.. v.Indicators], v.Channel, v.Email, v.Phone, v.Consent), ct);
        if (result is JoinResult.Joined joined)
            return await pages.PageAsync<JoinedPage>(new { L = l, Code = joined.Code.ToString() }, StatusCodes.Status201Created);
        var errors = ((JoinResult.Invalid)result).Errors.Select(e => JoinError(l, e)).DistinctBy(e => e.Field)
            .OrderBy(e => Array.IndexOf(JoinFields, e.Field)).ToDictionary(e => e.Field, e => e.Message);
        return await pages.PageAsync<JoinPage>(new { L = l, Values = v, Locations = (await reference.GetAsync(ct)).Locations.Values, Errors = errors },
            StatusCodes.Status400BadRequest);
    }

    /// <summary>The join form's fields that can be wrong, in the order the form asks them.</summary>
    private static readonly string[] JoinFields = ["targetGroup", "locationId", "languages", "ageRange", "channel", "email", "phone", "consent"];

    /// <summary>A join error as the member reads it, on the field it belongs to (an error the form has no field for goes to the first question).</summary>
    private static (string Field, string Message) JoinError(ResidentLanguage l, FieldError error)
    {
        var message = error.Field switch
        {
            "consent" => l.T("ep.error.consent"),
            "email" => l.T("error.email"),
            "phone" => l.T("error.phone"),
            "contact" => l.T("error.general"),
            _ => l.T("ep.error.required"),
        };
        var field = JoinFields.Contains(error.Field) ? error.Field : JoinFields[0];
        return (field, message);
    }

    // ---- the member's own page

    public static Task<IResult> EnterCode([FromQuery] string? lang, PageRenderer pages) => pages.PageAsync<MemberCodePage>(new { L = Language(lang) });

    public static async Task<IResult> MyPageAsync(HttpContext http, MembershipService members, PageRenderer pages, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var l = Language(form["lang"]);
        switch (await members.FindAsync(StatusLookup.ClientOf(http), form["code"], ct))
        {
            case MemberLookup.Found { Code: var code, View: var view }:
                return await pages.PageAsync<MyPage>(new { L = l, Code = code.ToString(), View = view, Published = await members.PublishedAtAsync(view.Member.LocationId, ct) });
            case MemberLookup.Blocked b:
                return await TooManyAsync(http, b.RetryAfter, l, pages);
            default:
                return await pages.PageAsync<MemberCodePage>(new { L = l, Message = l.T("ep.me.notFound") }, StatusCodes.Status404NotFound);
        }
    }

    private static Task<IResult> TooManyAsync(HttpContext http, TimeSpan retryAfter, ResidentLanguage l, PageRenderer pages)
    {
        http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return pages.PageAsync<MemberCodePage>(new { L = l, Message = l.T("status.tooManyAttempts") }, StatusCodes.Status429TooManyRequests);
    }

    public static async Task<IResult> LeaveAsync(HttpContext http, MembershipService members, PageRenderer pages, CancellationToken ct)
    {
        var form = await http.Request.ReadFormAsync(ct);
        var l = Language(form["lang"]);
        return await members.WithdrawAsync(StatusLookup.ClientOf(http), form["code"], ct) switch
        {
            WithdrawResult.Withdrawn => await pages.PageAsync<MessagePage>(new { L = l, Heading = l.T("ep.left") }),
            WithdrawResult.Blocked b => await TooManyAsync(http, b.RetryAfter, l, pages),
            _ => await pages.PageAsync<MemberCodePage>(new { L = l, Message = l.T("ep.me.notFound") }, StatusCodes.Status404NotFound),
        };
    }

    // ---- answering

    public static async Task<IResult> InvitationAsync(string token, [FromQuery] string? lang, MembershipService members, PageRenderer pages, CancellationToken ct)
    {
        var state = await members.InvitationAsync(token, ct);
        if (state is not InvitationState.Open open) return await ClosedAsync(Language(lang), state, pages);
        var l = Language(FormLanguages.TryGet(lang, out _) ? lang : open.Invitation.Language);
        return await pages.PageAsync<AnswerPage>(new { L = l, Token = token, Texts = new ConsultationText(open.Consultation, l.Code) });
    }

    private static Task<IResult> ClosedAsync(ResidentLanguage l, InvitationState state, PageRenderer pages)
    {
        var (key, status) = state switch
        {
            InvitationState.Used => ("ep.answer.used", StatusCodes.Status409Conflict),
            InvitationState.NotOpen => ("ep.answer.closed", StatusCodes.Status410Gone),
            _ => ("ep.answer.invalid", StatusCodes.Status404NotFound),
        };
        return pages.PageAsync<MessagePage>(new { L = l, Heading = l.T(key) }, status);
    }

    public static async Task<IResult> AnswerAsync(string token, HttpRequest request, MembershipService members, PageRenderer pages, CancellationToken ct)
    {
        var form = await request.ReadFormAsync(ct);
        var l = Language(form["lang"]);
        static int? Number(string? s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var scores = new Dictionary<string, int>();
        var choices = new Dictionary<string, int>();
        var open = new Dictionary<string, string>();
        foreach (var (key, value) in form)
        {
            if (key.StartsWith("score.", StringComparison.Ordinal) && Number(value) is { } score) scores[key[6..]] = score;
            else if (key.StartsWith("choice.", StringComparison.Ordinal) && Number(value) is { } option) choices[key[7..]] = option;
            else if (key.StartsWith("open.", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(value)) open[key[5..]] = value.ToString();
        }
        var values = new AnswerValues(scores, choices, open);
        return await members.AnswerAsync(token, l.Code, values.Scores, values.Choices, values.Open, ct) switch
        {
            AnsweringResult.Stored => await pages.PageAsync<MessagePage>(new { L = l, Heading = l.T("ep.answer.thanks") }),
            AnsweringResult.Invalid invalid => await pages.PageAsync<AnswerPage>(new
            {
                L = l, Token = token, Texts = new ConsultationText(invalid.Invitation.Consultation, l.Code), Values = values, Error = l.T("ep.error.required"),
            }, StatusCodes.Status400BadRequest),
            AnsweringResult.Refused refused => await ClosedAsync(l, refused.State, pages),
            _ => throw new InvalidOperationException(),
        };
    }

    public static async Task<IResult> QrAsync(string token, HttpRequest request, Web.PublicSite site, MembershipService members, CancellationToken ct)
    {
        if (await members.InvitationAsync(token, ct) is InvitationState.Invalid) return Problems.Field("token", "Unknown invitation.", StatusCodes.Status404NotFound);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode($"{site.BaseUrl(request)}/e/i/{token}", QRCodeGenerator.ECCLevel.M);
        return Results.Text(new SvgQRCode(data).GetGraphic(10), "image/svg+xml", Encoding.UTF8);
    }

    // ---- you said, we did

    public static async Task<IResult> ResultsAsync(string id, [FromQuery] string? lang, MembershipService members, PageRenderer pages, CancellationToken ct)
    {
        var l = Language(lang);
        if (await members.PublishedAsync(id, ct) is not { } c)
            return await pages.PageAsync<MessagePage>(new { L = l, Heading = l.T("ep.results.title"), Text = l.T("ep.results.none") }, StatusCodes.Status404NotFound);
        return await pages.PageAsync<ResultsPage>(new { L = l, Texts = new ConsultationText(c, l.Code) });
    }
}
