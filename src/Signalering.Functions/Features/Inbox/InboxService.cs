using System.Diagnostics;
using System.Security.Claims;
using Signalering.Domain.Clocks;
using Signalering.Domain.Organisations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Translation;
using Signalering.Domain.Workflow;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Auth;
using Signalering.Functions.Telemetry;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Inbox;

/// <summary>
/// One line of the inbox: what a coordinator needs to decide what to do first. <see cref="Preview"/> is the start of
/// the Dutch translation, or of the resident's own words while there is none (<see cref="PreviewLanguage"/> says which).
/// </summary>
public sealed record InboxItem(string TrackingCode, string Status, string Category, string? Subcategory, string LocationId, string Language,
    bool Urgent, bool Confidential, DateTimeOffset ReceivedAt, DateTimeOffset? RoutedAt, ClockView Clock, bool FormalComplaint = false,
    string? Preview = null, string? PreviewLanguage = null, StaffMember? Assignee = null, string? ETag = null)
{
    public const int PreviewLength = 80;

    public static InboxItem Of(Signal s, DateTimeOffset now) => new(s.Code.ToString(), s.Status.ToCode(), s.Category, s.Subcategory, s.LocationId,
        s.Language, s.IsUrgent, s.RoutingReason == RoutingReason.Confidential, s.ReceivedAt, s.RoutedAt, HandlingClocks.For(s, now), s.FormalComplaint,
        PreviewOf(s.TextNl ?? s.Text), s.TextNl is not null ? "nl" : s.Language, s.Assignee);

    /// <summary>The first deadline still ahead of the organisation: taking the signal on, else solving it, else the Awb decision, whichever comes first.</summary>
    public DateTimeOffset? NextDeadline =>
        new[] { SignalClocks.AwaitingAcceptance.Contains(SignalStatusCodes.Parse(Status)) ? Clock.AcknowledgeBy : Clock.ResolveBy, Clock.ComplaintDecideBy }
            .Where(d => d is not null).Min();

    private static string? PreviewOf(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= PreviewLength) return text;
        // Never cut a character made of two UTF-16 units in half.
        var cut = char.IsHighSurrogate(text[PreviewLength - 1]) ? PreviewLength - 1 : PreviewLength;
        return text[..cut].TrimEnd() + "…";
    }
}

/// <summary>
/// Inbox filters; all optional. Without <see cref="Status"/> (a status code), closed signals are left out.
/// <see cref="Search"/> finds a tracking code (with or without dashes), or words in the resident's text or its
/// translation; <see cref="Assignee"/> is a staff member's account id.
/// </summary>
public sealed record InboxFilter(string? Status, string? Category, string? Location, bool? Urgent, bool? Overdue, string? Search = null,
    string? Assignee = null);

/// <summary>The orders an inbox can be read in; <see cref="Priority"/> is overdue and urgent first, then by the acknowledgement deadline.</summary>
public enum InboxSort { Priority, Received, Age, Deadline, Status, Category }

/// <summary>How the inbox is ordered: <see cref="By"/>, reversed when <see cref="Descending"/>.</summary>
public sealed record InboxOrder(InboxSort By = InboxSort.Priority, bool Descending = false)
{
    public static readonly InboxOrder Default = new();

    /// <summary>The stable codes in a URL (<c>sort=received&amp;dir=desc</c>).</summary>
    public string SortCode => By.ToString().ToLowerInvariant();

    public static bool TryParse(string? sort, string? dir, out InboxOrder order)
    {
        order = Default;
        if (string.IsNullOrEmpty(sort) && string.IsNullOrEmpty(dir)) return true;
        if (!Enum.TryParse<InboxSort>(sort ?? "priority", ignoreCase: true, out var by) || !Enum.IsDefined(by) || sort?.Any(char.IsDigit) == true) return false;
        if (dir is not (null or "" or "asc" or "desc")) return false;
        order = new InboxOrder(by, dir == "desc");
        return true;
    }
}

/// <summary>A signal as a coordinator reads it, with the ETag a change must send back.</summary>
public sealed record InboxSignal(Signal Signal, string ETag, InboxItem Item);

/// <summary>
/// A coordinator's step on a signal: <see cref="Name"/> is one of <see cref="InboxService.Actions"/>; the other fields
/// are what that step needs (<c>forward</c>: To and Reason; <c>reject</c>: ReasonCode, Reason, optionally Text;
/// <c>cancel</c>: ReasonCode, optionally Reason and Text; <c>note</c>: Text; <c>respond</c>: Text or StandardReply;
/// <c>merge</c>: Into; <c>extend-complaint</c>: Weeks and Reason; <c>assign</c>: To, a colleague's account id, or none).
/// ReasonCode is one of <see cref="ResidentReasons.All"/>: the resident reads it, with Text machine-translated.
/// </summary>
public sealed record InboxAction(string Name, string? To = null, string? Reason = null, string? Text = null, string? StandardReply = null,
    string? Into = null, int? Weeks = null, string? ReasonCode = null);

/// <summary>Why a step was refused, as the faces tell it: a wrong input, something not found, a state that does not allow it, a stale read.</summary>
public enum Refusal { Invalid, NotFound, Conflict, Stale, ETagRequired }

/// <summary>What a coordinator's step came to.</summary>
public abstract record InboxActionResult
{
    /// <summary>Saved and audited; <see cref="ETag"/> is the signal's new one.</summary>
    public sealed record Done(InboxItem Item, string? ETag) : InboxActionResult;
    /// <summary>Not in this coordinator's inbox: no such signal, or another organisation's (the two look the same).</summary>
    public sealed record NotFound : InboxActionResult;
    public sealed record UnknownAction(IReadOnlyList<string> Known) : InboxActionResult;
    /// <summary>Nothing was changed; <see cref="Message"/> says why, about the input <see cref="Field"/>.</summary>
    public sealed record Refused(string Field, string Message, Refusal Why) : InboxActionResult;
}

/// <summary>
/// The coordinators' inbox: the use case behind its API and its pages. A coordinator sees only signals routed to their
/// own organisation — signals in the confidential channel are routed only to the confidential handler, so no one else
/// ever sees them. Every read and change is written to the audit trail. A change names the ETag of the signal as it
/// was read: two coordinators acting at once get a refusal, never a silent overwrite. A step the signal's state does
/// not allow throws <see cref="Domain.DomainException"/> from the domain, which the host answers.
/// </summary>
public sealed class InboxService(SignalTable signals, AuditTable audit, ColleagueTable colleagues, ReferenceDataProvider reference,
    ITextTranslator translator, TimeProvider time, ILogger<InboxService> log, Notifications.ResidentNotifier notifier)
{
    /// <summary>The steps that need more than the signal and its ETag.</summary>
    public static readonly IReadOnlyList<string> ActionsWithInput = ["cancel", "forward", "reject", "note", "respond", "merge", "extend-complaint", "assign"];

    /// <summary>The steps taken on many signals at once from the list; each still names the ETag its signal was listed with.</summary>
    public static readonly IReadOnlyList<string> BulkActions = ["accept", "assign"];

    /// <summary>Every step a coordinator can take: the workflow's status changes, then the other steps with input.</summary>
    public static readonly IReadOnlyList<string> Actions = [.. SignalWorkflow.StatusActions.Select(a => a.Name).Union(ActionsWithInput)];

    public static bool IsAction(string? name) => name is not null && Actions.Contains(name);

    /// <summary>Contact details (stored only with the resident's consent) are for those who handle signals, not for technical administrators.</summary>
    public static bool CanSeeContact(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Municipality);

    /// <summary>An organisation's signals, filtered, in <paramref name="order"/> (by default overdue and urgent first, then by the acknowledgement deadline).</summary>
    public async Task<IReadOnlyList<InboxItem>> ListAsync(string organisation, InboxFilter filter, CancellationToken ct, InboxOrder? order = null)
    {
        var now = time.GetUtcNow();
        var items = new List<InboxItem>();
        var search = Searchable(filter.Search);
        // Organisation ids are validated reference data (letters, digits, dashes): safe inside the filter.
        await foreach (var (s, etag) in signals.QueryWithETagsAsync($"OrganisationId eq '{organisation.Replace("'", "''")}'", ct))
        {
            if (filter.Status is null ? !SignalWorkflow.IsOpen(s.Status) : s.Status.ToCode() != filter.Status) continue;
            if (filter.Category is not null && s.Category != filter.Category && s.Subcategory != filter.Category) continue;
            if (filter.Location is not null && s.LocationId != filter.Location) continue;
            if (filter.Urgent is { } u && s.IsUrgent != u) continue;
            if (filter.Assignee is not null && s.Assignee?.Id != filter.Assignee) continue;
            if (search is not null && !Matches(s, search)) continue;
            var item = InboxItem.Of(s, now) with { ETag = etag.ToString() };
            if (filter.Overdue is { } o && (item.Clock.AcknowledgeOverdue || item.Clock.ResolveOverdue) != o) continue;
            items.Add(item);
        }
        return await SortAsync(items, order ?? InboxOrder.Default, ct);
    }

    private async Task<IReadOnlyList<InboxItem>> SortAsync(List<InboxItem> items, InboxOrder order, CancellationToken ct)
    {
        if (order.By == InboxSort.Priority)
        {
            var byPriority = items.OrderByDescending(i => i.Clock.AcknowledgeOverdue || i.Clock.ResolveOverdue)
                .ThenByDescending(i => i.Urgent)
                .ThenBy(i => i.Clock.AcknowledgeBy ?? DateTimeOffset.MaxValue);
            return order.Descending ? byPriority.Reverse().ToList() : byPriority.ToList();
        }
        var set = order.By == InboxSort.Category ? await reference.GetAsync(ct) : null;
        var sorted = order.By switch
        {
            InboxSort.Received => items.OrderBy(i => i.ReceivedAt),
            // Age is time since receipt: ascending starts with the youngest.
            InboxSort.Age => items.OrderByDescending(i => i.ReceivedAt),
            InboxSort.Deadline => items.OrderBy(i => i.NextDeadline ?? DateTimeOffset.MaxValue),
            InboxSort.Status => items.OrderBy(i => SignalStatusCodes.Parse(i.Status)),
            InboxSort.Category => items.OrderBy(i => Subject(set!, i.Category, i.Subcategory), StringComparer.Create(Dutch, ignoreCase: true)),
            _ => throw new InvalidOperationException($"Sort {order.By} is listed but not handled."),
        };
        // Ties stay in a fixed order, so paging never shows a signal twice.
        var result = sorted.ThenBy(i => i.TrackingCode, StringComparer.Ordinal).ToList();
        if (order.Descending) result.Reverse();
        return result;
    }

    private static readonly System.Globalization.CultureInfo Dutch = System.Globalization.CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The subcategory's Dutch name, else the category's, else its code.</summary>
    public static string Subject(ReferenceSet reference, string category, string? subcategory) =>
        reference.Categories.TryGet(subcategory ?? category, out var c) ? c.NameIn("nl") : category;

    private sealed record SearchTerms(string Words, string? Code);

    private static SearchTerms? Searchable(string? search)
    {
        search = search?.Trim();
        if (string.IsNullOrEmpty(search)) return null;
        // People type codes with or without dashes, in any case; a few letters or digits may be part of one.
        var code = new string(search.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return new SearchTerms(search, code.Length >= 3 && code.Length == search.Count(c => c != '-' && c != ' ') ? code : null);
    }

    private static bool Matches(Signal s, SearchTerms search) =>
        (search.Code is not null && s.Code.Value.Contains(search.Code, StringComparison.Ordinal))
        || Contains(s.Text, search.Words) || Contains(s.TextNl, search.Words);

    private static bool Contains(string? text, string words) =>
        text is not null && Dutch.CompareInfo.IndexOf(text, words, System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) >= 0;

    /// <summary>One signal in <paramref name="user"/>'s inbox, the read audited; null when it is not there.</summary>
    public async Task<InboxSignal?> ReadAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        if (await LoadVisibleAsync(user, code, ct) is not { } stored) return null;
        var now = time.GetUtcNow();
        await AuditAsync(stored.Signal, user, "read", now, ct);
        return new InboxSignal(stored.Signal, stored.ETag.ToString(), InboxItem.Of(stored.Signal, now));
    }

    /// <summary>One step on a signal in <paramref name="user"/>'s inbox, if it is still as read when <paramref name="ifMatch"/> was its ETag.</summary>
    public async Task<InboxActionResult> ActAsync(ClaimsPrincipal user, string code, InboxAction action, string? ifMatch, CancellationToken ct)
    {
        if (!IsAction(action.Name)) return new InboxActionResult.UnknownAction(Actions);
        if (string.IsNullOrEmpty(ifMatch))
            return new InboxActionResult.Refused("If-Match", "Send the ETag of the signal as you last read it.", Refusal.ETagRequired);
        if (await LoadVisibleAsync(user, code, ct) is not { } stored) return new InboxActionResult.NotFound();
        if (stored.ETag.ToString() != ifMatch) return Changed;

        // The coordinator's action joins the trace of the resident's submission.
        var parent = ActivityContext.TryParse(stored.Signal.TraceParent, null, isRemote: true, out var context) ? context : default;
        using var activity = SignaleringTelemetry.Source.StartActivity("Inbox." + action.Name, ActivityKind.Internal, parent,
            links: Activity.Current is { } request ? [new ActivityLink(request.Context)] : null);
        activity?.SetTag(SignaleringTelemetry.TrackingCodeTag, stored.Signal.Code.Value);

        var now = time.GetUtcNow();
        var refused = await ApplyAsync(user, stored, action, now, ct);
        if (refused is not null) return refused;
        if (await signals.SaveAsync(stored, stored.Signal, [], [], now, ct) is not { } etag) return Changed;
        await AuditAsync(stored.Signal, user, action.Name, now, ct);
        // The resident's phones hear "there is news" when the step changed what their status page says.
        if (ResidentNews.Since(stored.Signal, stored.LastEventSequence)) await notifier.QueueAsync(stored.Signal.Code, ct);
        return new InboxActionResult.Done(InboxItem.Of(stored.Signal, now), etag.ToString());
    }

    private static readonly InboxActionResult.Refused InvalidReasonCode =
        Invalid("reasonCode", $"Choose the reason the resident reads: one of {string.Join(", ", ResidentReasons.All)}.");

    /// <summary>The standard reason the resident reads, with the coordinator's own words translated for them; null when no known reason was chosen.</summary>
    private async Task<ResidentReason?> ReasonForResidentAsync(Signal s, InboxAction action, CancellationToken ct)
    {
        if (action.ReasonCode is not { } code || !ResidentReasons.All.Contains(code)) return null;
        var text = string.IsNullOrWhiteSpace(action.Text) ? null : action.Text.Trim();
        var (translated, machine) = text is null ? (null, false) : await TranslateForResidentAsync(text, s.Language, ct);
        return new ResidentReason(0, code, text, translated, machine);
    }

    /// <summary>The signed-in staff member: their account id, and the name their sign-in gave (Entra's <c>name</c> claim).</summary>
    public static StaffMember Me(ClaimsPrincipal user)
    {
        var id = SignaleringClaims.ActorOf(user);
        return new StaffMember(id, user.FindFirst("name")?.Value ?? user.Identity?.Name ?? id);
    }

    /// <summary>Remembers who uses this organisation's inbox, so colleagues can give them a signal; once an hour per person is enough.</summary>
    public async Task RememberAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var org = SignaleringClaims.OrganisationOf(user)!;
        var me = Me(user);
        var now = time.GetUtcNow();
        if (_remembered.TryGetValue((org, me), out var at) && now - at < TimeSpan.FromHours(1)) return;
        await colleagues.RememberAsync(org, me, now, ct);
        _remembered[(org, me)] = now;
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, StaffMember), DateTimeOffset> _remembered = new();

    /// <summary>The colleagues at <paramref name="user"/>'s organisation a signal can be given to, the user among them.</summary>
    public async Task<IReadOnlyList<StaffMember>> ColleaguesAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var me = Me(user);
        var known = await colleagues.OfAsync(SignaleringClaims.OrganisationOf(user)!, ct);
        return known.Any(c => c.Id == me.Id) ? known : [me, .. known];
    }

    /// <summary>
    /// One step on many signals from the list, each with the ETag it was listed with: each is done or refused on its
    /// own (a signal someone changed meanwhile is left alone and reported), never all or nothing.
    /// </summary>
    public async Task<IReadOnlyList<(string Code, InboxActionResult Result)>> ActOnManyAsync(ClaimsPrincipal user,
        IReadOnlyList<(string Code, string? ETag)> listed, InboxAction action, CancellationToken ct)
    {
        if (!BulkActions.Contains(action.Name)) return [.. listed.Select(l => (l.Code, (InboxActionResult)new InboxActionResult.UnknownAction(BulkActions)))];
        var results = new List<(string, InboxActionResult)>();
        foreach (var (code, etag) in listed)
        {
            InboxActionResult result;
            try { result = await ActAsync(user, code, action, etag, ct); }
            // The domain refuses a step this signal's state does not allow (already accepted): that signal alone.
            catch (Domain.DomainException e) { result = new InboxActionResult.Refused(e.Field ?? "status", e.Message, Refusal.Conflict); }
            results.Add((code, result));
        }
        return results;
    }

    private static readonly InboxActionResult.Refused Changed =
        new("If-Match", "Someone changed this signal since you read it. Read it again.", Refusal.Stale);

    private static InboxActionResult.Refused Invalid(string field, string message) => new(field, message, Refusal.Invalid);

    /// <summary>Changes the signal in memory; null when done, else why not. The domain throws where the signal's state does not allow the step.</summary>
    private async Task<InboxActionResult.Refused?> ApplyAsync(ClaimsPrincipal user, StoredSignal stored, InboxAction action, DateTimeOffset now, CancellationToken ct)
    {
        var org = SignaleringClaims.OrganisationOf(user)!;
        var s = stored.Signal;
        if (SignalWorkflow.TryGetStatusAction(action.Name, out var to))
        {
            ResidentReason? reason = null;
            if (SignalWorkflow.NeedsResidentReason(to))
            {
                if (await ReasonForResidentAsync(s, action, ct) is not { } given) return InvalidReasonCode;
                reason = given;
            }
            s.ChangeStatus(to, org, now, reason);
            // The resident's reason is kept on the signal; what colleagues alone should know goes in a note.
            if (reason is not null && !string.IsNullOrWhiteSpace(action.Reason)) s.AddNote(org, action.Reason.Trim(), now);
            return null;
        }
        var set = await reference.GetAsync(ct);
        switch (action.Name)
        {
            case "note":
                s.AddNote(org, action.Text ?? "", now);
                return null;
            case "forward":
                if (string.IsNullOrWhiteSpace(action.To) || !set.Organisations.TryGetValue(action.To, out var target))
                    return Invalid("to", "Name the organisation (its id) that should take this signal.");
                if (string.IsNullOrWhiteSpace(action.Reason)) return Invalid("reason", "Say why it goes to them; it helps them act.");
                // The confidential channel never reaches the location's operator.
                if (s.RoutingReason == RoutingReason.Confidential && set.Locations.TryGetValue(s.LocationId, out var location)
                    && (location.OperatorId == target.Id || target.Kind == OrganisationKind.Coa))
                    return new("to", "A confidential signal cannot go to the location's operator.", Refusal.Conflict);
                s.AddNote(org, "Doorgestuurd naar " + target.Name + ": " + action.Reason.Trim(), now);
                s.Forward(target.Id, org, now);
                s.Respond(new ResidentResponse(0, now, org, s.Language, null, null, false, StandardReplies.Forwarded), now);
                return null;
            case "reject":
                if (await ReasonForResidentAsync(s, action, ct) is not { } residentReason) return InvalidReasonCode;
                if (string.IsNullOrWhiteSpace(action.Reason)) return Invalid("reason", "Say why this is not yours, for the triage desk.");
                var fallback = set.Router.Fallback(s.Flags.Sensitive).OrganisationId;
                if (fallback == org) return new("action", "The triage desk cannot reject to itself: forward it instead.", Refusal.Conflict);
                s.AddNote(org, "Niet van ons: " + action.Reason.Trim(), now);
                s.Escalate(fallback, "not-ours", org, now, residentReason);
                return null;
            case "assign":
                if (string.IsNullOrEmpty(action.To))
                {
                    s.Assign(null, org, now);
                    return null;
                }
                var me = Me(user);
                var colleague = action.To == me.Id ? me : (await colleagues.OfAsync(org, ct)).FirstOrDefault(c => c.Id == action.To);
                if (colleague is null) return Invalid("to", "Name a colleague at your organisation (their account id), or no one.");
                s.Assign(colleague, org, now);
                return null;
            case "extend-complaint":
                if (action.Weeks is null) return Invalid("weeks", $"Say by how many weeks (1 to {Signal.MaxComplaintExtensionWeeks}).");
                if (string.IsNullOrWhiteSpace(action.Reason)) return Invalid("reason", "The Awb asks for a reason; it is kept as an internal note.");
                s.ExtendComplaint(action.Weeks.Value, org, now);
                s.AddNote(org, $"Klachttermijn verlengd met {action.Weeks} weken: {action.Reason.Trim()}", now);
                return null;
            case "merge":
                return await MergeAsync(user, stored, action.Into, now, ct);
            case "respond":
                if (action.StandardReply is { } key)
                {
                    if (!StandardReplies.Choosable.Contains(key)) return Invalid("standardReply", $"Use one of: {string.Join(", ", StandardReplies.Choosable)}.");
                    s.Respond(new ResidentResponse(0, now, org, s.Language, null, null, false, key), now);
                    return null;
                }
                var text = action.Text?.Trim();
                if (string.IsNullOrEmpty(text)) return Invalid("text", "Write the response, or choose a standardReply.");
                var (translated, machine) = await TranslateForResidentAsync(text, s.Language, ct);
                s.Respond(new ResidentResponse(0, now, org, "nl", text, translated, machine, null), now);
                return null;
            default:
                throw new InvalidOperationException($"Action {action.Name} is listed but not handled.");
        }
    }

    /// <summary>Same problem reported again: this one closes, its resident follows the other's outcome.</summary>
    private async Task<InboxActionResult.Refused?> MergeAsync(ClaimsPrincipal user, StoredSignal stored, string? into, DateTimeOffset now, CancellationToken ct)
    {
        var s = stored.Signal;
        if (!TrackingCode.TryParse(into, out var intoCode) || intoCode == s.Code)
            return Invalid("into", "Give the tracking code of the signal this one duplicates.");
        if (await LoadVisibleAsync(user, intoCode.Value, ct) is not { } other) return new("into", "That signal is not in your inbox.", Refusal.NotFound);
        if (other.Signal.Status is SignalStatus.Merged or SignalStatus.Cancelled)
            return new("into", "Merge into a signal that stays open.", Refusal.Conflict);
        s.MergeInto(other.Signal.Code, SignaleringClaims.OrganisationOf(user)!, now); // checks the transition before anything is written
        other.Signal.AddDuplicate(s.Code);
        // The target first: if the second write fails, the target counts one duplicate too many, and a retry fixes it.
        if (await signals.SaveAsync(other, other.Signal, [], [], now, ct) is null)
            return new("into", "The other signal changed meanwhile. Try again.", Refusal.Stale);
        return null;
    }

    private async Task<StoredSignal?> LoadVisibleAsync(ClaimsPrincipal user, string code, CancellationToken ct)
    {
        // Not found and not yours look the same: a coordinator cannot probe for other organisations' signals.
        if (!TrackingCode.TryParse(code, out var parsed)) return null;
        var stored = await signals.GetAsync(parsed, ct);
        return stored is not null && stored.Signal.OrganisationId == SignaleringClaims.OrganisationOf(user) ? stored : null;
    }

    private Task AuditAsync(Signal s, ClaimsPrincipal user, string action, DateTimeOffset now, CancellationToken ct) =>
        audit.WriteAsync(new AuditEntry(s.Code.Value, now, SignaleringClaims.ActorOf(user), SignaleringClaims.OrganisationOf(user)!, action), ct);

    /// <summary>The coordinator's Dutch into the resident's language, when a translator is there; otherwise as written.</summary>
    private async Task<(string? Text, bool Machine)> TranslateForResidentAsync(string text, string residentLanguage, CancellationToken ct)
    {
        if (residentLanguage == "nl" || !translator.IsConfigured) return (null, false);
        try
        {
            var result = await translator.TranslateAsync(text, "nl", [residentLanguage], ct);
            return result.Translations.TryGetValue(residentLanguage, out var t) ? (t, true) : (null, false);
        }
        catch (TranslationUnavailableException e)
        {
            log.LogWarning("Translating a response failed: {Reason}; the resident sees it as written", e.Message);
            return (null, false);
        }
    }
}
