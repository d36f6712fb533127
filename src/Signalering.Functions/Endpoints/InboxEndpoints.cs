using Signalering.Domain.Clocks;
using System.Diagnostics;
using System.Security.Claims;
using Signalering.Domain;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Application;
using Signalering.Functions.Auth;
using Signalering.Functions.Telemetry;
using Signalering.Storage.Tables;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// The coordinators' API (function folder Inbox; a bearer token with a role and an organisation, see
/// <see cref="SignaleringAuth"/>). A coordinator sees only signals routed to their own organisation — signals in the
/// confidential channel are routed only to the confidential handler, so no one else ever sees them. Every read and
/// change is written to the audit trail. Changes need <c>If-Match</c> with the signal's ETag: two coordinators acting
/// at once get a 412, never a silent overwrite.
/// <list type="bullet">
/// <item><c>GET /api/inbox</c>: the organisation's open signals, overdue and urgent first, with their clocks;</item>
/// <item><c>GET /api/inbox/signals/{code}</c>: one signal: original text, Dutch machine translation (labelled),
/// contact details (stored only with the resident's consent), history;</item>
/// <item><c>POST /api/inbox/signals/{code}/{action}</c>: a workflow step — <c>accept</c>, <c>start</c>,
/// <c>await-resident</c> (the resolution clock pauses), <c>resolve</c>, <c>cancel</c>, <c>reopen</c>,
/// <c>forward</c> <c>{to, reason}</c> (the receiving organisation must accept; the resident is told),
/// <c>reject</c> <c>{reason}</c> (not ours: back to municipality triage), <c>note</c> <c>{text}</c> (internal),
/// <c>respond</c> <c>{text}</c> or <c>{standardReply}</c> (to the resident, machine-translated and labelled),
/// <c>merge</c> <c>{into}</c>, <c>extend-complaint</c> <c>{weeks, reason}</c> (the Awb period, once, at most 4 weeks).</item>
/// </list>
/// </summary>
public static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/inbox").RequireAuthorization(SignaleringAuth.InboxPolicy);
        inbox.MapGet("", ListAsync);
        inbox.MapGet("/signals/{code}", DetailAsync);
        inbox.MapPost("/signals/{code}/{action}", ActAsync);
        return app;
    }

    public sealed record InboxItem(string TrackingCode, string Status, string Category, string? Subcategory, string LocationId, string Language,
        bool Urgent, bool Confidential, DateTimeOffset ReceivedAt, DateTimeOffset? RoutedAt, ClockView Clock);

    internal static InboxItem Item(Signal s, DateTimeOffset now) => new(s.Code.ToString(), s.Status.ToCode(), s.Category, s.Subcategory, s.LocationId,
        s.Language, s.IsUrgent, s.RoutingReason == Domain.Routing.RoutingReason.Confidential, s.ReceivedAt, s.RoutedAt, HandlingClocks.For(s, now));

    /// <summary>Inbox filters; all optional. Without <c>status</c>, closed signals (resolved, cancelled, merged) are left out.</summary>
    private static bool TryFlag(string? value, out bool? flag)
    {
        flag = null;
        if (string.IsNullOrEmpty(value)) return true;
        if (!bool.TryParse(value, out var b)) return false;
        flag = b;
        return true;
    }

    public sealed record InboxFilter(string? Status, string? Category, string? Location, bool? Urgent, bool? Overdue);

    private static async Task<IResult> ListAsync(HttpContext http, SignalTable signals, TimeProvider time, CancellationToken ct,
        string? status = null, string? category = null, string? location = null, string? urgent = null, string? overdue = null)
    {
        // Parsed here rather than bound: "urgent=maybe" is the caller's mistake, a 400 naming the field, never a 500.
        if (!TryFlag(urgent, out var isUrgent)) return Problems.Field("urgent", "Use urgent=true or urgent=false.");
        if (!TryFlag(overdue, out var isOverdue)) return Problems.Field("overdue", "Use overdue=true or overdue=false.");
        var filter = new InboxFilter(status, category, location, isUrgent, isOverdue);
        if (status is not null && !SignalStatusCodes.TryParse(status, out _))
            return Problems.Field("status", $"Unknown status. Use one of: {string.Join(", ", Enum.GetValues<SignalStatus>().Select(s => s.ToCode()))}.");
        var org = SignaleringClaims.OrganisationOf(http.User)!;
        return Results.Ok(new { organisation = org, filter, signals = await InboxAsync(org, filter, signals, time.GetUtcNow(), ct) });
    }

    /// <summary>An organisation's signals, filtered, overdue and urgent first, then by the acknowledgement deadline.</summary>
    internal static async Task<List<InboxItem>> InboxAsync(string org, InboxFilter filter, SignalTable signals, DateTimeOffset now, CancellationToken ct)
    {
        var items = new List<InboxItem>();
        // Organisation ids are validated reference data (letters, digits, dashes): safe inside the filter.
        await foreach (var s in signals.QueryAsync($"OrganisationId eq '{org.Replace("'", "''")}'", ct))
        {
            if (filter.Status is null ? s.Status is SignalStatus.Resolved or SignalStatus.Cancelled or SignalStatus.Merged : s.Status.ToCode() != filter.Status) continue;
            if (filter.Category is not null && s.Category != filter.Category && s.Subcategory != filter.Category) continue;
            if (filter.Location is not null && s.LocationId != filter.Location) continue;
            if (filter.Urgent is { } u && s.IsUrgent != u) continue;
            var item = Item(s, now);
            if (filter.Overdue is { } o && (item.Clock.AcknowledgeOverdue || item.Clock.ResolveOverdue) != o) continue;
            items.Add(item);
        }
        return items
            .OrderByDescending(i => i.Clock.AcknowledgeOverdue || i.Clock.ResolveOverdue)
            .ThenByDescending(i => i.Urgent)
            .ThenBy(i => i.Clock.AcknowledgeBy ?? DateTimeOffset.MaxValue)
            .ToList();
    }

    internal static async Task<(StoredSignal? Stored, IResult? Problem)> LoadVisibleAsync(string code, ClaimsPrincipal user, SignalTable signals, CancellationToken ct)
    {
        // Not found and not yours look the same: a coordinator cannot probe for other organisations' signals.
        var notFound = Results.Problem(title: "No such signal in your inbox.", statusCode: StatusCodes.Status404NotFound);
        if (!TrackingCode.TryParse(code, out var parsed)) return (null, notFound);
        var stored = await signals.GetAsync(parsed, ct);
        return stored is not null && stored.Signal.OrganisationId == SignaleringClaims.OrganisationOf(user) ? (stored, null) : (null, notFound);
    }

    internal static bool CanSeeContact(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Municipality);

    internal static Task AuditAsync(AuditTable audit, Signal s, ClaimsPrincipal user, string action, DateTimeOffset now, CancellationToken ct) =>
        audit.WriteAsync(new AuditEntry(s.Code.Value, now, SignaleringClaims.ActorOf(user), SignaleringClaims.OrganisationOf(user)!, action), ct);

    private static async Task<IResult> DetailAsync(string code, HttpContext http, SignalTable signals, AuditTable audit, TimeProvider time, CancellationToken ct)
    {
        var (stored, problem) = await LoadVisibleAsync(code, http.User, signals, ct);
        if (problem is not null) return problem;
        var s = stored!.Signal;
        var now = time.GetUtcNow();
        await AuditAsync(audit, s, http.User, "read", now, ct);
        http.Response.Headers.ETag = stored.ETag.ToString();
        http.Response.Headers.CacheControl = "no-store";
        return Results.Ok(new
        {
            item = Item(s, now),
            text = s.Text,
            textNl = s.TextNl is null ? null : new { text = s.TextNl, machineTranslated = true, detectedLanguage = s.DetectedLanguage },
            translation = s.Translation.ToString(),
            // Stored only with the resident's consent; shown to those who handle signals, not to technical administrators.
            contact = s.Contact is null || !CanSeeContact(http.User) ? null : new { phone = s.Contact.Phone, email = s.Contact.Email },
            residentComments = s.ResidentComments,
            photos = s.Attachments.Count,
            history = s.Events.Select(e => new { e.At, e.Kind, e.Actor, e.Detail }),
        });
    }

    public sealed record ActionBody(string? To, string? Reason, string? Text, string? StandardReply, string? Into = null, int? Weeks = null);

    private static readonly string[] StandardReplies = ["looking", "planned", "needInfo", "solved", "forwarded"];
    private static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web);

    internal static readonly string[] ActionsWithBody = ["forward", "reject", "note", "respond", "merge", "extend-complaint"];
    internal static readonly string[] SimpleActions = ["accept", "start", "await-resident", "resolve", "cancel", "reopen"];

    private static async Task<IResult> ActAsync(string code, string action, HttpContext http, SignalTable signals, AuditTable audit,
        ReferenceDataProvider reference, Domain.Translation.ITextTranslator translator, TimeProvider time, ILoggerFactory logs, CancellationToken ct)
    {
        if (!ActionsWithBody.Contains(action) && !SimpleActions.Contains(action))
            return Problems.Field("action", $"Unknown action. Use one of: {string.Join(", ", SimpleActions.Concat(ActionsWithBody))}.", StatusCodes.Status404NotFound);
        var body = new ActionBody(null, null, null, null);
        if (ActionsWithBody.Contains(action))
        {
            var (read, bodyProblem) = await JsonBody.ReadAsync<ActionBody>(http.Request, Json, ct);
            if (bodyProblem is not null) return bodyProblem;
            body = read!;
        }
        return await ApplyAsync(code, action, http.Request.Headers.IfMatch.ToString(), body, http, signals, audit, reference, translator, time, logs, ct);
    }

    /// <summary>One workflow step on a signal, for the API and the inbox page alike.</summary>
    internal static async Task<IResult> ApplyAsync(string code, string action, string? ifMatch, ActionBody body, HttpContext http, SignalTable signals,
        AuditTable audit, ReferenceDataProvider reference, Domain.Translation.ITextTranslator translator, TimeProvider time, ILoggerFactory logs,
        CancellationToken ct)
    {
        if (string.IsNullOrEmpty(ifMatch))
            return Problems.Field("If-Match", "Send the ETag of the signal as you last read it.", StatusCodes.Status428PreconditionRequired);
        var (stored, problem) = await LoadVisibleAsync(code, http.User, signals, ct);
        if (problem is not null) return problem;
        if (stored!.ETag.ToString() != ifMatch)
            return Problems.Field("If-Match", "Someone changed this signal since you read it. Read it again.", StatusCodes.Status412PreconditionFailed);

        // The coordinator's action joins the trace of the resident's submission.
        var parent = ActivityContext.TryParse(stored.Signal.TraceParent, null, isRemote: true, out var context) ? context : default;
        using var activity = SignaleringTelemetry.Source.StartActivity("Inbox." + action, ActivityKind.Internal, parent,
            links: Activity.Current is { } request ? [new ActivityLink(request.Context)] : null);
        activity?.SetTag(SignaleringTelemetry.TrackingCodeTag, stored.Signal.Code.Value);

        var now = time.GetUtcNow();
        var org = SignaleringClaims.OrganisationOf(http.User)!;
        var s = stored.Signal;
        var set = await reference.GetAsync(ct);
        try
        {
            switch (action)
            {
                case "accept": s.Accept(org, now); break;
                case "start": s.Start(org, now); break;
                case "await-resident": s.AwaitResident(org, now); break;
                case "resolve": s.Resolve(org, now); break;
                case "cancel": s.Cancel(org, now); break;
                case "reopen": s.Reopen(org, now); break;
                case "note": s.AddNote(org, body.Text ?? "", now); break;
                case "forward":
                    if (string.IsNullOrWhiteSpace(body.To) || !set.Organisations.TryGetValue(body.To, out var target))
                        return Problems.Field("to", "Name the organisation (its id) that should take this signal.");
                    if (string.IsNullOrWhiteSpace(body.Reason)) return Problems.Field("reason", "Say why it goes to them; it helps them act.");
                    // The confidential channel never reaches the location's operator.
                    if (s.RoutingReason == Domain.Routing.RoutingReason.Confidential && set.Locations.TryGetValue(s.LocationId, out var location)
                        && (location.OperatorId == target.Id || target.Kind == Domain.Organisations.OrganisationKind.Coa))
                        return Problems.Field("to", "A confidential signal cannot go to the location's operator.", StatusCodes.Status409Conflict);
                    s.AddNote(org, "Doorgestuurd naar " + target.Name + ": " + body.Reason.Trim(), now);
                    s.Forward(target.Id, org, now);
                    s.Respond(new ResidentResponse(0, now, org, s.Language, null, null, false, "forwarded"), now);
                    break;
                case "reject":
                    if (string.IsNullOrWhiteSpace(body.Reason)) return Problems.Field("reason", "Say why this is not yours, for the triage desk.");
                    var fallback = set.Router.Fallback(s.Flags.Sensitive).OrganisationId;
                    if (fallback == org) return Problems.Field("action", "The triage desk cannot reject to itself: forward it instead.", StatusCodes.Status409Conflict);
                    s.AddNote(org, "Niet van ons: " + body.Reason.Trim(), now);
                    s.Escalate(fallback, "not-ours", org, now);
                    break;
                case "extend-complaint":
                    if (body.Weeks is null) return Problems.Field("weeks", $"Say by how many weeks (1 to {Signal.MaxComplaintExtensionWeeks}).");
                    if (string.IsNullOrWhiteSpace(body.Reason)) return Problems.Field("reason", "The Awb asks for a reason; it is kept as an internal note.");
                    s.ExtendComplaint(body.Weeks.Value, org, now);
                    s.AddNote(org, $"Klachttermijn verlengd met {body.Weeks} weken: {body.Reason.Trim()}", now);
                    break;
                case "merge":
                    // Same problem reported again: this one closes, its resident follows the other's outcome.
                    if (!TrackingCode.TryParse(body.Into, out var intoCode) || intoCode == s.Code)
                        return Problems.Field("into", "Give the tracking code of the signal this one duplicates.");
                    var (other, otherProblem) = await LoadVisibleAsync(intoCode.Value, http.User, signals, ct);
                    if (otherProblem is not null) return Problems.Field("into", "That signal is not in your inbox.", StatusCodes.Status404NotFound);
                    if (other!.Signal.Status is SignalStatus.Merged or SignalStatus.Cancelled)
                        return Problems.Field("into", "Merge into a signal that stays open.", StatusCodes.Status409Conflict);
                    s.MergeInto(other.Signal.Code, org, now); // checks the transition before anything is written
                    other.Signal.AddDuplicate(s.Code);
                    // The target first: if the second write fails, the target counts one duplicate too many, and a retry fixes it.
                    if (!await signals.SaveAsync(other, other.Signal, [], [], now, ct))
                        return Problems.Field("into", "The other signal changed meanwhile. Try again.", StatusCodes.Status412PreconditionFailed);
                    break;
                case "respond":
                    if (body.StandardReply is { } key)
                    {
                        if (!StandardReplies.Contains(key)) return Problems.Field("standardReply", $"Use one of: {string.Join(", ", StandardReplies)}.");
                        s.Respond(new ResidentResponse(0, now, org, s.Language, null, null, false, key), now);
                    }
                    else
                    {
                        var text = body.Text?.Trim();
                        if (string.IsNullOrEmpty(text)) return Problems.Field("text", "Write the response, or choose a standardReply.");
                        var (translated, machine) = await TranslateForResidentAsync(text, s.Language, translator, logs.CreateLogger("Inbox"), ct);
                        s.Respond(new ResidentResponse(0, now, org, "nl", text, translated, machine, null), now);
                    }
                    break;
            }
        }
        catch (DomainException e) { return Problems.Field(e.Field ?? "status", e.Message, StatusCodes.Status409Conflict); }
        if (!await signals.SaveAsync(stored, s, [], [], now, ct))
            return Problems.Field("If-Match", "Someone changed this signal since you read it. Read it again.", StatusCodes.Status412PreconditionFailed);
        await AuditAsync(audit, s, http.User, action, now, ct);
        var fresh = await signals.GetAsync(s.Code, ct);
        if (fresh is not null) http.Response.Headers.ETag = fresh.ETag.ToString();
        return Results.Ok(Item(s, now));
    }

    /// <summary>The coordinator's Dutch into the resident's language, when a translator is there; otherwise as written.</summary>
    private static async Task<(string? Text, bool Machine)> TranslateForResidentAsync(string text, string residentLanguage,
        Domain.Translation.ITextTranslator translator, ILogger log, CancellationToken ct)
    {
        if (residentLanguage == "nl" || !translator.IsConfigured) return (null, false);
        try
        {
            var result = await translator.TranslateAsync(text, "nl", [residentLanguage], ct);
            return result.Translations.TryGetValue(residentLanguage, out var t) ? (t, true) : (null, false);
        }
        catch (Domain.Translation.TranslationUnavailableException e)
        {
            log.LogWarning("Translating a response failed: {Reason}; the resident sees it as written", e.Message);
            return (null, false);
        }
    }
}
