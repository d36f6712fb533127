using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Signalering.Domain.Workflow;
using Signalering.Functions.Auth;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Inbox;

/// <summary>
/// The coordinators' API (a bearer token with a role and an organisation, see <see cref="SignaleringAuth"/>), a thin
/// face over <see cref="InboxService"/>. Changes need <c>If-Match</c> with the signal's ETag: two coordinators acting
/// at once get a 412, never a silent overwrite.
/// <list type="bullet">
/// <item><c>GET /api/inbox</c>: the organisation's open signals, overdue and urgent first, with their clocks, a text
/// preview, the assignee and each one's ETag; filtered by <c>status</c>, <c>category</c>, <c>location</c>, <c>urgent</c>,
/// <c>overdue</c>, <c>q</c> (a tracking code, or words in the text or its translation), <c>assignee</c> (an account id,
/// or <c>me</c>), ordered by <c>sort</c> (<see cref="InboxSort"/>) and <c>dir</c> (asc, desc);</item>
/// <item><c>GET /api/inbox/signals/{code}</c>: one signal: original text, Dutch machine translation (labelled),
/// contact details (stored only with the resident's consent), history;</item>
/// <item><c>POST /api/inbox/signals/{code}/{action}</c>: a workflow step — <c>accept</c>, <c>start</c>,
/// <c>await-resident</c> (the resolution clock pauses), <c>resolve</c>, <c>cancel</c> <c>{reasonCode, text?, reason?}</c> (the resident
/// reads the standard reason and the text, machine-translated; the reason is an internal note), <c>reopen</c>,
/// <c>forward</c> <c>{to, reason}</c> (the receiving organisation must accept; the resident is told),
/// <c>reject</c> <c>{reasonCode, reason, text?}</c> (not ours: back to municipality triage; the resident reads why), <c>note</c> <c>{text}</c> (internal),
/// <c>respond</c> <c>{text}</c> or <c>{standardReply}</c> (to the resident, machine-translated and labelled),
/// <c>merge</c> <c>{into}</c>, <c>extend-complaint</c> <c>{weeks, reason}</c> (the Awb period, once, at most 4 weeks),
/// <c>assign</c> <c>{to}</c> (a colleague's account id; none to take it off everyone).</item>
/// </list>
/// </summary>
[Authorize(Policy = SignaleringAuth.InboxPolicy)]
public static class InboxApi
{
    /// <summary>The JSON body of a step; which fields count depends on the step (see <see cref="InboxAction"/>).</summary>
    public sealed record ActionBody(string? To, string? Reason, string? Text, string? StandardReply, string? Into = null, int? Weeks = null,
        string? ReasonCode = null);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<IResult> ListAsync(HttpContext http, InboxService inbox, CancellationToken ct,
        [FromQuery] string? status = null, [FromQuery] string? category = null, [FromQuery] string? location = null,
        [FromQuery] string? urgent = null, [FromQuery] string? overdue = null, [FromQuery] string? q = null, [FromQuery] string? sort = null,
        [FromQuery] string? dir = null, [FromQuery] string? assignee = null)
    {
        // Parsed here rather than bound: "urgent=maybe" is the caller's mistake, a 400 naming the field, never a 500.
        if (!TryFlag(urgent, out var isUrgent)) return Problems.Field("urgent", "Use urgent=true or urgent=false.");
        if (!TryFlag(overdue, out var isOverdue)) return Problems.Field("overdue", "Use overdue=true or overdue=false.");
        if (status is not null && !SignalStatusCodes.TryParse(status, out _))
            return Problems.Field("status", $"Unknown status. Use one of: {string.Join(", ", Enum.GetValues<SignalStatus>().Select(s => s.ToCode()))}.");
        if (!InboxOrder.TryParse(sort, dir, out var order))
            return Problems.Field(InboxOrder.TryParse(sort, null, out _) ? "dir" : "sort",
                $"Sort by one of: {string.Join(", ", Enum.GetNames<InboxSort>().Select(n => n.ToLowerInvariant()))}; dir=asc or dir=desc.");
        // "me" is whoever asks: their own signals.
        var filter = new InboxFilter(status, category, location, isUrgent, isOverdue, q,
            assignee == "me" ? InboxService.Me(http.User).Id : string.IsNullOrEmpty(assignee) ? null : assignee);
        var org = SignaleringClaims.OrganisationOf(http.User)!;
        return Results.Ok(new { organisation = org, filter, signals = await inbox.ListAsync(org, filter, ct, order) });
    }

    public static async Task<IResult> DetailAsync(string code, HttpContext http, InboxService inbox, CancellationToken ct)
    {
        if (await inbox.ReadAsync(http.User, code, ct) is not { } read) return NotInYourInbox();
        var s = read.Signal;
        http.Response.Headers.ETag = read.ETag;
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new
        {
            item = read.Item,
            text = s.Text,
            textNl = s.TextNl is null ? null : new { text = s.TextNl, machineTranslated = true, detectedLanguage = s.DetectedLanguage },
            translation = s.Translation.ToString(),
            contact = s.Contact is null || !InboxService.CanSeeContact(http.User) ? null : new { phone = s.Contact.Phone, email = s.Contact.Email },
            residentComments = s.ResidentComments,
            photos = s.Attachments.Count,
            history = s.Events.Select(e => new { e.At, e.Kind, e.Actor, e.Detail }),
        });
    }

    public static async Task<IResult> ActAsync(string code, string action, HttpContext http, InboxService inbox, CancellationToken ct)
    {
        if (!InboxService.IsAction(action)) return UnknownAction(InboxService.Actions);
        var body = new ActionBody(null, null, null, null);
        if (InboxService.ActionsWithInput.Contains(action))
        {
            var (read, problem) = await JsonBody.ReadAsync<ActionBody>(http.Request, Json, ct);
            if (problem is not null) return problem;
            body = read!;
        }
        var step = new InboxAction(action, body.To, body.Reason, body.Text, body.StandardReply, body.Into, body.Weeks, body.ReasonCode);
        switch (await inbox.ActAsync(http.User, code, step, http.Request.Headers.IfMatch.ToString(), ct))
        {
            case InboxActionResult.Done done:
                if (done.ETag is not null) http.Response.Headers.ETag = done.ETag;
                return Results.Ok(done.Item);
            case InboxActionResult.NotFound:
                return NotInYourInbox();
            case InboxActionResult.UnknownAction unknown:
                return UnknownAction(unknown.Known);
            case InboxActionResult.Refused refused:
                return Problems.Field(refused.Field, refused.Message, refused.Why switch
                {
                    Refusal.NotFound => StatusCodes.Status404NotFound,
                    Refusal.Conflict => StatusCodes.Status409Conflict,
                    Refusal.Stale => StatusCodes.Status412PreconditionFailed,
                    Refusal.ETagRequired => StatusCodes.Status428PreconditionRequired,
                    _ => StatusCodes.Status400BadRequest,
                });
            default:
                throw new InvalidOperationException();
        }
    }

    // Not found and not yours look the same: a coordinator cannot probe for other organisations' signals.
    private static IResult NotInYourInbox() => Results.Problem(title: "No such signal in your inbox.", statusCode: StatusCodes.Status404NotFound);

    private static IResult UnknownAction(IReadOnlyList<string> known) =>
        Problems.Field("action", $"Unknown action. Use one of: {string.Join(", ", known)}.", StatusCodes.Status404NotFound);

    private static bool TryFlag(string? value, out bool? flag)
    {
        flag = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (!bool.TryParse(value, out var b)) return false;
        flag = b;
        return true;
    }
}
