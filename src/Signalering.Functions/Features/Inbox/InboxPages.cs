using System.Security.Claims;
using Signalering.Domain;
using Signalering.Domain.Signals;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Auth;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Inbox;

/// <summary>What the page says after a step (post, redirect, get): the step done, and for many signals which were left alone.</summary>
public sealed record InboxFlash(string Message, IReadOnlyList<string> Changed, IReadOnlyList<string> Refused);

/// <summary>
/// A step that was refused, for the page to say why and keep what was typed: the step, the field, the Dutch message,
/// and the last event the form was read with (<see cref="Seen"/>), so the page can say what happened since.
/// </summary>
public sealed record InboxRefusal(string Action, string Field, string Message, Refusal Why, IReadOnlyDictionary<string, string> Typed, int? Seen);

/// <summary>
/// The coordinators' inbox as pages in Dutch, for a laptop or a tablet: <c>GET /inbox</c> (the list: search, filters,
/// order and page in the URL), <c>POST /inbox/bulk</c> (accept or assign the ticked signals),
/// <c>GET /inbox/signals/{code}</c> (one signal, with the previous and next in the same list),
/// <c>POST /inbox/signals/{code}/{action}</c> (a step, as a form with the ETag the page was read with). Each step
/// ends in a redirect to a page that says what was done. A thin face over <see cref="InboxService"/>, under the same
/// rules as the API. Someone not signed in is sent to the one staff sign-in (<c>/aanmelden</c>) and back.
/// </summary>
[Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryToken]
public static class InboxPages
{
    private const string Home = "/inbox";

    public static async Task<IResult> ListAsync(HttpContext http, InboxService inbox, ReferenceDataProvider reference, PageRenderer pages, TimeProvider time,
        CancellationToken ct)
    {
        if (!SignedIn(http.User)) return StaffAccess.SignIn(http);
        await inbox.RememberAsync(http.User, ct);
        var org = SignaleringClaims.OrganisationOf(http.User)!;
        var set = await reference.GetAsync(ct);
        var query = InboxQuery.From(http.Request.Query);
        var items = await inbox.ListAsync(org, query.Filter(http.User), ct, query.Order);
        var pageCount = Math.Max(1, (items.Count + InboxQuery.PageSize - 1) / InboxQuery.PageSize);
        if (query.Page > pageCount) query = query with { Page = pageCount };
        http.Response.Headers.CacheControl = "no-store";
        return await pages.PageAsync<InboxListPage>(new
        {
            User = http.User,
            OrganisationName = set.Organisations.TryGetValue(org, out var o) ? o.Name : org,
            Query = query,
            Items = items.Skip((query.Page - 1) * InboxQuery.PageSize).Take(InboxQuery.PageSize).ToList(),
            Total = items.Count,
            PageCount = pageCount,
            Reference = set,
            Colleagues = await inbox.ColleaguesAsync(http.User, ct),
            Flash = FlashOf(http.Request.Query),
            Now = time.GetUtcNow(),
        });
    }

    public static async Task<IResult> DetailAsync(string code, HttpContext http, InboxService inbox, ReferenceDataProvider reference, PageRenderer pages,
        CancellationToken ct)
    {
        if (!SignedIn(http.User)) return StaffAccess.SignIn(http);
        await inbox.RememberAsync(http.User, ct);
        return await SignalPageAsync(code, http, inbox, reference, pages, null, ct);
    }

    public static async Task<IResult> ActAsync(string code, string action, HttpContext http, InboxService inbox, ReferenceDataProvider reference,
        PageRenderer pages, CancellationToken ct)
    {
        if (!SignedIn(http.User)) return StaffAccess.SignIn(http);
        var query = InboxQuery.From(http.Request.Query);
        if (!InboxService.IsAction(action)) return Results.Redirect(query.Link(Home));
        var form = await http.Request.ReadFormAsync(ct);
        string? F(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        var step = new InboxAction(action, F("to"), F("reason"), F("text"), F("standardReply"), F("into"),
            int.TryParse(F("weeks"), out var weeks) ? weeks : null, F("reasonCode"));
        InboxActionResult result;
        try { result = await inbox.ActAsync(http.User, code, step, F("etag"), ct); }
        // A step the signal's state does not allow (a second tab accepted it already): said on the page, not as an error document.
        catch (DomainException e) { result = new InboxActionResult.Refused(e.Field ?? "status", e.Message, e.StateConflict ? Refusal.Conflict : Refusal.Invalid); }
        return result switch
        {
            InboxActionResult.Done => Results.Redirect(query.Link(Home + "/signals/" + Uri.EscapeDataString(code), "klaar", action)),
            InboxActionResult.Refused refused => await SignalPageAsync(code, http, inbox, reference, pages,
                RefusalOf(action, refused, form, int.TryParse(F("seen"), out var seen) ? seen : null), ct),
            InboxActionResult.NotFound => await SignalPageAsync(code, http, inbox, reference, pages, null, ct),
            _ => Results.Redirect(query.Link(Home)),
        };
    }

    /// <summary>
    /// Accept or assign the ticked signals: each names the ETag it was listed with, so one that changed meanwhile is
    /// left alone and named on the list page, while the others are done.
    /// </summary>
    public static async Task<IResult> BulkAsync(HttpContext http, InboxService inbox, CancellationToken ct)
    {
        if (!SignedIn(http.User)) return StaffAccess.SignIn(http);
        var query = InboxQuery.From(http.Request.Query);
        var form = await http.Request.ReadFormAsync(ct);
        var action = form["bulk"].ToString();
        var codes = form["code"].Where(c => !string.IsNullOrEmpty(c)).Select(c => c!).Distinct().Take(InboxQuery.PageSize).ToList();
        if (!InboxService.BulkActions.Contains(action) || codes.Count == 0)
            return Results.Redirect(query.Link(Home, "klaar", "bulk-none"));
        var to = form["to"].ToString() is { Length: > 0 } t ? t : null;
        var results = await inbox.ActOnManyAsync(http.User, [.. codes.Select(c => (c, (string?)form["etag-" + c].ToString()))], new InboxAction(action, To: to), ct);
        var done = results.Count(r => r.Result is InboxActionResult.Done);
        var changed = results.Where(r => r.Result is InboxActionResult.Refused { Why: Refusal.Stale }).Select(r => r.Code);
        var refused = results.Where(r => r.Result is not InboxActionResult.Done and not InboxActionResult.Refused { Why: Refusal.Stale }).Select(r => r.Code);
        return Results.Redirect(query.Link(Home, "klaar", "bulk-" + action) + "&aantal=" + done
            + "&gewijzigd=" + Uri.EscapeDataString(string.Join(",", changed)) + "&geweigerd=" + Uri.EscapeDataString(string.Join(",", refused)));
    }

    /// <summary>The signal's page, read (and audited) again; after a refused step, why (in Dutch), what was typed, and what changed meanwhile.</summary>
    private static async Task<IResult> SignalPageAsync(string code, HttpContext http, InboxService inbox, ReferenceDataProvider reference, PageRenderer pages,
        InboxRefusal? refusal, CancellationToken ct)
    {
        if (await inbox.ReadAsync(http.User, code, ct) is not { } read)
            return await pages.PageAsync<InboxNotFoundPage>(new { User = http.User }, StatusCodes.Status404NotFound);
        http.Response.Headers.CacheControl = "no-store";
        var query = InboxQuery.From(http.Request.Query);
        var list = await inbox.ListAsync(SignaleringClaims.OrganisationOf(http.User)!, query.Filter(http.User), ct, query.Order);
        var at = list.ToList().FindIndex(i => i.TrackingCode == read.Item.TrackingCode);
        // After a step the signal may have left the list (accepted, while the list shows new ones): then "next" is the list's first other one.
        var next = at >= 0 ? list.ElementAtOrDefault(at + 1) : list.FirstOrDefault();
        var previous = at > 0 ? list[at - 1] : null;
        return await pages.PageAsync<InboxSignalPage>(new
        {
            User = http.User, Read = read, Reference = await reference.GetAsync(ct), Refusal = refusal,
            Query = query, Previous = previous?.TrackingCode, Next = next?.TrackingCode, Position = at + 1, Total = list.Count,
            Colleagues = await inbox.ColleaguesAsync(http.User, ct), Flash = FlashOf(http.Request.Query),
        }, refusal?.Why switch
        {
            null => StatusCodes.Status200OK,
            Refusal.Stale => StatusCodes.Status412PreconditionFailed,
            Refusal.Conflict => StatusCodes.Status409Conflict,
            Refusal.NotFound => StatusCodes.Status404NotFound,
            Refusal.ETagRequired => StatusCodes.Status428PreconditionRequired,
            _ => StatusCodes.Status400BadRequest,
        });
    }

    private static InboxRefusal RefusalOf(string action, InboxActionResult.Refused refused, IFormCollection form, int? seen)
    {
        // Dutch for what a coordinator can mend; a refusal with no text here keeps the service's own words.
        var key = refused.Why switch
        {
            Refusal.Stale => "inbox.refused.stale",
            Refusal.Invalid => "inbox.refused." + refused.Field,
            Refusal.Conflict when refused.Field == "status" => "inbox.refused.status",
            _ => "",
        };
        var typed = new Dictionary<string, string>();
        foreach (var field in TypedFields) if (form[field].ToString() is { Length: > 0 } v) typed[field] = v;
        return new InboxRefusal(action, refused.Field, StaffTexts.Keys.Contains(key) ? StaffTexts.T(key) : refused.Message, refused.Why, typed, seen);
    }

    // What a coordinator typed or chose in a step's form, given back when the step is refused.
    private static readonly string[] TypedFields = ["text", "reason", "reasonCode", "standardReply", "to", "into", "weeks"];

    private static InboxFlash? FlashOf(IQueryCollection query)
    {
        var done = query["klaar"].ToString();
        var key = "inbox.done." + done;
        if (done.Length == 0 || !StaffTexts.Keys.Contains(key)) return null;
        static IReadOnlyList<string> Codes(string list) =>
            [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(c => TrackingCode.TryParse(c, out _)).Take(InboxQuery.PageSize)];
        var count = int.TryParse(query["aantal"], out var n) && n >= 0 ? n : 0;
        return new InboxFlash(StaffTexts.T(key, ("count", count.ToString(System.Globalization.CultureInfo.InvariantCulture))),
            Codes(query["gewijzigd"].ToString()), Codes(query["geweigerd"].ToString()));
    }

    private static bool SignedIn(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && SignaleringClaims.OrganisationOf(user) is not null && Roles.All.Any(user.IsInRole);

    /// <summary>A status code as coordinators say it.</summary>
    public static string StatusName(string code) => StaffTexts.T("inbox.status." + code);
}
