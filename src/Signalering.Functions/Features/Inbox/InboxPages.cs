using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Workflow;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Auth;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Inbox;

/// <summary>
/// The coordinators' inbox as pages in Dutch, for a laptop or a tablet: <c>GET /inbox</c> (the list, filtered),
/// <c>GET /inbox/signals/{code}</c> (one signal), <c>POST /inbox/signals/{code}/{action}</c> (a step, as a form with
/// the ETag the page was read with). A thin face over
/// <see cref="InboxService"/>, under the same rules as the API. Someone not signed in is sent to
/// the one staff sign-in (<c>/aanmelden</c>) and back.
/// </summary>
[Microsoft.AspNetCore.Antiforgery.RequireAntiforgeryToken]
public static class InboxPages
{
    private const string Home = "/inbox";

    public static async Task<IResult> ListAsync(HttpContext http, InboxService inbox, ReferenceDataProvider reference, PageRenderer pages, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] string? category = null, [FromQuery] string? location = null,
        [FromQuery] string? urgent = null, [FromQuery] string? overdue = null)
    {
        if (!SignedIn(http.User)) return StaffAccess.SignIn(http);
        var org = SignaleringClaims.OrganisationOf(http.User)!;
        var set = await reference.GetAsync(ct);
        // A form sends empty fields and unchecked boxes: anything not understood means "no filter", never an error page.
        var filter = new InboxFilter(SignalStatusCodes.TryParse(status, out _) ? status : null, string.IsNullOrEmpty(category) ? null : category,
            string.IsNullOrEmpty(location) ? null : location, urgent == "true" ? true : null, overdue == "true" ? true : null);
        return await pages.PageAsync<InboxListPage>(new
        {
            User = http.User,
            OrganisationName = set.Organisations.TryGetValue(org, out var o) ? o.Name : org,
            Filter = filter,
            Items = await inbox.ListAsync(org, filter, ct),
            Reference = set,
        });
    }

    public static async Task<IResult> DetailAsync(string code, HttpContext http, InboxService inbox, ReferenceDataProvider reference, PageRenderer pages,
        CancellationToken ct)
    {
        if (!SignedIn(http.User)) return StaffAccess.SignIn(http);
        return await SignalPageAsync(code, http, inbox, reference, pages, null, ct);
    }

    public static async Task<IResult> ActAsync(string code, string action, HttpContext http, InboxService inbox, ReferenceDataProvider reference,
        PageRenderer pages, CancellationToken ct)
    {
        if (!SignedIn(http.User)) return StaffAccess.SignIn(http);
        if (!InboxService.IsAction(action)) return Results.Redirect(Home);
        var form = await http.Request.ReadFormAsync(ct);
        string? F(string name) => form[name].ToString() is { Length: > 0 } v ? v : null;
        var step = new InboxAction(action, F("to"), F("reason"), F("text"), F("standardReply"), F("into"));
        return await inbox.ActAsync(http.User, code, step, F("etag"), ct) switch
        {
            InboxActionResult.Done => Results.Redirect(Home + "/signals/" + Uri.EscapeDataString(code)),
            InboxActionResult.Refused refused => await SignalPageAsync(code, http, inbox, reference, pages, refused.Message, ct),
            InboxActionResult.NotFound => await SignalPageAsync(code, http, inbox, reference, pages, null, ct),
            _ => Results.Redirect(Home),
        };
    }

    /// <summary>The signal's page, read (and audited) again; with <paramref name="error"/> the step that was refused, as a 409.</summary>
    private static async Task<IResult> SignalPageAsync(string code, HttpContext http, InboxService inbox, ReferenceDataProvider reference, PageRenderer pages,
        string? error, CancellationToken ct)
    {
        if (await inbox.ReadAsync(http.User, code, ct) is not { } read)
            return await pages.PageAsync<InboxNotFoundPage>(new { User = http.User }, StatusCodes.Status404NotFound);
        http.Response.Headers.CacheControl = "no-store";
        return await pages.PageAsync<InboxSignalPage>(new { User = http.User, Read = read, Reference = await reference.GetAsync(ct), Error = error },
            error is null ? StatusCodes.Status200OK : StatusCodes.Status409Conflict);
    }


    private static bool SignedIn(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && SignaleringClaims.OrganisationOf(user) is not null && Roles.All.Any(user.IsInRole);

    /// <summary>A status code as coordinators say it.</summary>
    public static string StatusName(string code) => StaffTexts.T("inbox.status." + code);

    /// <summary>The subcategory's Dutch name, else the category's, else its code.</summary>
    public static string Subject(ReferenceSet reference, string category, string? subcategory) =>
        reference.Categories.TryGet(subcategory ?? category, out var c) ? c.NameIn("nl") : category;
}
