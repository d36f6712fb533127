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
/// <item><c>POST /api/inbox/signals/{code}/accept</c>, <c>…/resolve</c>: workflow steps.</item>
/// </list>
/// </summary>
public static class InboxEndpoints
{
    public static IEndpointRouteBuilder MapInboxEndpoints(this IEndpointRouteBuilder app)
    {
        var inbox = app.MapGroup("/api/inbox").RequireAuthorization(SignaleringAuth.InboxPolicy);
        inbox.MapGet("", ListAsync);
        inbox.MapGet("/signals/{code}", DetailAsync);
        inbox.MapPost("/signals/{code}/accept", (string code, HttpContext http, SignalTable signals, AuditTable audit, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(code, "accept", (s, actor, now) => s.Accept(actor, now), http, signals, audit, time, ct));
        inbox.MapPost("/signals/{code}/resolve", (string code, HttpContext http, SignalTable signals, AuditTable audit, TimeProvider time, CancellationToken ct) =>
            ChangeAsync(code, "resolve", (s, actor, now) => s.Resolve(actor, now), http, signals, audit, time, ct));
        return app;
    }

    public sealed record InboxItem(string TrackingCode, string Status, string Category, string? Subcategory, string LocationId, string Language,
        bool Urgent, bool Confidential, DateTimeOffset ReceivedAt, DateTimeOffset? RoutedAt, ClockView Clock);

    private static InboxItem Item(Signal s, DateTimeOffset now) => new(s.Code.ToString(), s.Status.ToCode(), s.Category, s.Subcategory, s.LocationId,
        s.Language, s.IsUrgent, s.RoutingReason == Domain.Routing.RoutingReason.Confidential, s.ReceivedAt, s.RoutedAt, HandlingClocks.For(s, now));

    private static async Task<IResult> ListAsync(HttpContext http, SignalTable signals, TimeProvider time, CancellationToken ct)
    {
        var org = SignaleringClaims.OrganisationOf(http.User)!;
        var now = time.GetUtcNow();
        var items = new List<InboxItem>();
        // Organisation ids are validated reference data (letters, digits, dashes): safe inside the filter.
        await foreach (var s in signals.QueryAsync($"OrganisationId eq '{org.Replace("'", "''")}'", ct))
            if (s.Status is not (SignalStatus.Resolved or SignalStatus.Cancelled or SignalStatus.Merged))
                items.Add(Item(s, now));
        var ordered = items
            .OrderByDescending(i => i.Clock.AcknowledgeOverdue || i.Clock.ResolveOverdue)
            .ThenByDescending(i => i.Urgent)
            .ThenBy(i => i.Clock.AcknowledgeBy ?? DateTimeOffset.MaxValue)
            .ToList();
        return Results.Ok(new { organisation = org, signals = ordered });
    }

    private static async Task<(StoredSignal? Stored, IResult? Problem)> LoadVisibleAsync(string code, ClaimsPrincipal user, SignalTable signals, CancellationToken ct)
    {
        // Not found and not yours look the same: a coordinator cannot probe for other organisations' signals.
        var notFound = Results.Problem(title: "No such signal in your inbox.", statusCode: StatusCodes.Status404NotFound);
        if (!TrackingCode.TryParse(code, out var parsed)) return (null, notFound);
        var stored = await signals.GetAsync(parsed, ct);
        return stored is not null && stored.Signal.OrganisationId == SignaleringClaims.OrganisationOf(user) ? (stored, null) : (null, notFound);
    }

    private static Task AuditAsync(AuditTable audit, Signal s, ClaimsPrincipal user, string action, DateTimeOffset now, CancellationToken ct) =>
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
            contact = s.Contact is null ? null : new { phone = s.Contact.Phone, email = s.Contact.Email },
            residentComments = s.ResidentComments,
            photos = s.Attachments.Count,
            history = s.Events.Select(e => new { e.At, e.Kind, e.Actor, e.Detail }),
        });
    }

    private static async Task<IResult> ChangeAsync(string code, string action, Action<Signal, string, DateTimeOffset> change, HttpContext http,
        SignalTable signals, AuditTable audit, TimeProvider time, CancellationToken ct)
    {
        var ifMatch = http.Request.Headers.IfMatch.ToString();
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
        var actor = SignaleringClaims.OrganisationOf(http.User)!;
        try { change(stored.Signal, actor, now); }
        catch (DomainException e) { return Problems.Field(e.Field ?? "status", e.Message, StatusCodes.Status409Conflict); }
        if (!await signals.SaveAsync(stored, stored.Signal, [], [], now, ct))
            return Problems.Field("If-Match", "Someone changed this signal since you read it. Read it again.", StatusCodes.Status412PreconditionFailed);
        await AuditAsync(audit, stored.Signal, http.User, action, now, ct);
        var fresh = await signals.GetAsync(stored.Signal.Code, ct);
        if (fresh is not null) http.Response.Headers.ETag = fresh.ETag.ToString();
        return Results.Ok(Item(stored.Signal, now));
    }
}
