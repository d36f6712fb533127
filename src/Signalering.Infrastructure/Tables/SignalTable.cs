using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Signalering.Domain.Categories;
using Signalering.Domain.Reports;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// A signal as loaded: the aggregate, the ETag and last event sequence it was read at (the aggregate itself moves on
/// as it changes), and bookkeeping that is not domain state.
/// <see cref="OrganisationNotified"/>: the organisation's message (its copies' and webhook jobs) was confirmed sent.
/// <see cref="DeliveryLeaseUntil"/>: until then one worker holds the claim to send it (see SignalTable.Delivery.cs);
/// <see cref="DeliveredTargets"/>: what an interrupted delivery already sent, so a retry does not send it again.
/// </summary>
public sealed record StoredSignal(Signal Signal, ETag ETag, int LastEventSequence, string IdempotencyKeyHash, string Fingerprint,
    bool OrganisationNotified, int IntakeEventCount, DateTimeOffset? DeliveryLeaseUntil = null, IReadOnlyList<string>? DeliveredTargets = null);

/// <summary>Work owed to a signal, found by the sweep.</summary>
public sealed record TodoMarker(string Kind, TrackingCode Code, DateTimeOffset CreatedAt, DateTimeOffset? LastEnqueuedAt, int Attempts);

public enum CreateOutcome { Created, CodeTaken }

/// <summary>Reads and writes signals in the <c>signals</c> table; every change to one signal is one transaction.</summary>
public sealed partial class SignalTable(TableClient table)
{
    public const string TableName = "signals";

    public TableClient Client => table;

    public static string HashKey(string idempotencyKey) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];

    /// <summary>
    /// Stores a new signal with its first events and its route marker, atomically. <see cref="CreateOutcome.CodeTaken"/>
    /// when the code exists already (a retry of the same intake, or, rarely, another intake's code).
    /// <paramref name="addTodos"/>: further markers in the same transaction (a signal routed at intake owes its
    /// translation and its report entry); <paramref name="deliveryLeaseUntil"/>: the creator's claim to deliver it.
    /// </summary>
    public async Task<CreateOutcome> CreateAsync(Signal signal, string idempotencyKeyHash, string fingerprint, DateTimeOffset now,
        CancellationToken ct, IEnumerable<string>? addTodos = null, DateTimeOffset? deliveryLeaseUntil = null)
    {
        var main = ToEntity(signal, idempotencyKeyHash, fingerprint, organisationNotified: false);
        main[DeliveryLeaseProperty] = deliveryLeaseUntil;
        // The intake's own events (received, flagged) ride on the signal row: one entity fewer in the hottest write.
        main["IntakeEvents"] = JsonSerializer.Serialize(signal.Events);
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, main) };
        // No report marker here: intake is the hottest write, and routing (owed by the route marker, re-queued by the
        // sweep until done) saves the signal again within seconds, which marks it for the reports.
        actions.Add(new(TableTransactionActionType.UpsertReplace, Marker(TodoKinds.Route, signal.Code, now, now)));
        actions.AddRange((addTodos ?? []).Where(k => k != TodoKinds.Route).Distinct()
            .Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Todo(k, signal, now))));
        try
        {
            await table.SubmitTransactionAsync(actions, ct);
            return CreateOutcome.Created;
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return CreateOutcome.CodeTaken;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return CreateOutcome.CodeTaken;
        }
    }

    public async Task<StoredSignal?> GetAsync(TrackingCode code, CancellationToken ct)
    {
        var pk = SignalKeys.Partition(code);
        var from = SignalKeys.Signal(code);
        var filter = $"PartitionKey eq '{pk}' and RowKey ge '{from}' and RowKey lt '{from}}}'";
        TableEntity? main = null;
        var events = new List<SignalEvent>();
        await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            if (e.RowKey == from) main = e;
            else events.Add(ToEvent(e));
        }
        if (main is null) return null;
        var inlineCount = 0;
        if (main.GetString("IntakeEvents") is { } inline)
        {
            var intakeEvents = JsonSerializer.Deserialize<List<SignalEvent>>(inline)!;
            inlineCount = intakeEvents.Count;
            events.AddRange(intakeEvents);
        }
        return new StoredSignal(Signal.Restore(ToSnapshot(code, main), events), main.ETag, events.Count == 0 ? 0 : events.Max(e => e.Sequence),
            main.GetString("IdempotencyKeyHash") ?? "", main.GetString("Fingerprint") ?? "", main.GetBoolean("OrganisationNotified") ?? false,
            inlineCount, main.GetDateTimeOffset(DeliveryLeaseProperty), SplitTargets(main.GetString(DeliveredTargetsProperty)));
    }

    /// <summary>
    /// Saves a changed signal: the main row (only if unchanged since <paramref name="stored"/> was read: a 412 means
    /// someone else got there first), its new events, and marker changes, in one transaction.
    /// </summary>
    /// <returns>The signal row's new ETag; null when the signal changed in the meantime and nothing was written.</returns>
    /// <param name="deliveryLeaseUntil">Claims the organisation's message for this worker (routing does, in the same write).</param>
    public async Task<ETag?> SaveAsync(StoredSignal stored, Signal changed, IEnumerable<string> addTodos, IEnumerable<string> removeTodos,
        DateTimeOffset now, CancellationToken ct, bool? organisationNotified = null, DateTimeOffset? deliveryLeaseUntil = null)
    {
        var known = stored.LastEventSequence;
        var main = ToEntity(changed, stored.IdempotencyKeyHash, stored.Fingerprint, organisationNotified ?? stored.OrganisationNotified);
        // Delivery bookkeeping survives a coordinator's save (a replace) between the claim and the confirmation.
        main[DeliveryLeaseProperty] = deliveryLeaseUntil ?? stored.DeliveryLeaseUntil;
        main[DeliveredTargetsProperty] = JoinTargets(stored.DeliveredTargets);
        main["IntakeEvents"] = JsonSerializer.Serialize(changed.Events.Where(e => e.Sequence <= stored.IntakeEventCount));
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, main, stored.ETag) };
        actions.AddRange(changed.Events.Where(e => e.Sequence > known)
            .Select(e => new TableTransactionAction(TableTransactionActionType.Add, ToEntity(changed.Code, e))));
        actions.AddRange(addTodos.Append(TodoKinds.Report).Distinct()
            .Select(k => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Todo(k, changed, now))));
        actions.AddRange(removeTodos.Select(k => new TableTransactionAction(TableTransactionActionType.Delete,
            new TableEntity(SignalKeys.Partition(changed.Code), SignalKeys.Todo(k, changed.Code)), ETag.All)));
        try
        {
            var responses = await table.SubmitTransactionAsync(actions, ct);
            // The signal row is the transaction's first action: its answer carries the row's new ETag.
            return responses.Value[0].Headers.ETag ?? throw new InvalidOperationException("The table did not return the signal's new ETag.");
        }
        catch (TableTransactionFailedException e) when (e.Status is 412 or 409)
        {
            return null;
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is { } i && actions[i].ActionType == TableTransactionActionType.Delete)
        {
            // A marker was already gone (another worker finished it): retry without deleting it.
            var without = removeTodos.Where(k => SignalKeys.Todo(k, changed.Code) != actions[i].Entity.RowKey).ToList();
            return await SaveAsync(stored, changed, addTodos, without, now, ct, organisationNotified, deliveryLeaseUntil);
        }
    }

    /// <summary>
    /// Signals (without their history) matching an OData filter on the signal rows, across all shards. For the inbox
    /// (one organisation's signals) and the clock sweep (open signals): reads grow with matching signals, not events.
    /// </summary>
    public async IAsyncEnumerable<Signal> QueryAsync(string filter, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var (signal, _) in QueryWithETagsAsync(filter, ct)) yield return signal;
    }

    /// <summary>
    /// Like <see cref="QueryAsync"/>, with each signal's ETag as listed, so a change made from a list (the inbox's
    /// bulk steps) is refused for a signal that changed since. The signals come without their history.
    /// </summary>
    public async IAsyncEnumerable<(Signal Signal, ETag ETag)> QueryWithETagsAsync(string filter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var full = $"RowKey ge 'sig|' and RowKey lt 'sig}}' and ({filter})";
        await foreach (var e in table.QueryAsync<TableEntity>(full, cancellationToken: ct))
            if (!e.RowKey.Contains("|evt|", StringComparison.Ordinal) && TrackingCode.TryParse(e.GetString("Code"), out var code))
                yield return (Signal.Restore(ToSnapshot(code, e), []), e.ETag);
    }

    /// <summary>
    /// The to-do markers of the given <paramref name="kinds"/>, each kind read by its own key range: the sweep must not
    /// pay, every two minutes, for markers it leaves alone (report markers are the reports timer's; translation markers
    /// wait, untouched, while no translator is configured, and would otherwise make every sweep read all of them).
    /// </summary>
    public async IAsyncEnumerable<TodoMarker> ListTodosAsync(IReadOnlyCollection<string> kinds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var pk in SignalKeys.AllPartitions)
        foreach (var kind in kinds)
        {
            var filter = $"PartitionKey eq '{pk}' and RowKey ge '{SignalKeys.TodoPrefix}{kind}|' and RowKey lt '{SignalKeys.TodoPrefix}{kind}}}'";
            await foreach (var e in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
            {
                var parts = e.RowKey.Split('|');
                if (parts.Length != 3 || !TrackingCode.TryParse(parts[2], out var code)) continue;
                yield return new TodoMarker(parts[1], code, e.GetDateTimeOffset("CreatedAt") ?? e.Timestamp ?? DateTimeOffset.MinValue,
                    e.GetDateTimeOffset("LastEnqueuedAt"), e.GetInt32("Attempts") ?? 0);
            }
        }
    }

    /// <summary>
    /// Bulk-loads complete signals with their histories (a migration from another system; the reports benchmark),
    /// a hundred rows per transaction. The history rides on the signal's row, as the intake's own events do (a later
    /// save keeps it there and adds new events as rows), unless it is too long for one property. Leaves no markers:
    /// rebuild the reports afterwards. Returns the rows written.
    /// </summary>
    public async Task<int> ImportAsync(IEnumerable<Signal> signals, CancellationToken ct)
    {
        var rows = signals.SelectMany(s =>
        {
            var main = ToEntity(s, "", "", organisationNotified: true);
            var history = JsonSerializer.Serialize(s.Events);
            if (history.Length <= 30_000)
            {
                main["IntakeEvents"] = history;
                return [main];
            }
            var intake = s.Events.TakeWhile(e => e.Kind is SignalEventKinds.Received or SignalEventKinds.Flagged).ToList();
            main["IntakeEvents"] = JsonSerializer.Serialize(intake);
            return s.Events.Skip(intake.Count).Select(e => ToEntity(s.Code, e)).Prepend(main);
        });
        var written = 0;
        var pending = new List<Task>();
        foreach (var batch in rows.GroupBy(r => r.PartitionKey).SelectMany(p => p.Chunk(100)))
        {
            pending.Add(table.SubmitTransactionAsync(batch.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), ct));
            written += batch.Length;
            if (pending.Count >= 8) { await Task.WhenAll(pending); pending.Clear(); }
        }
        await Task.WhenAll(pending);
        return written;
    }

    /// <summary>
    /// Signals changed since the reports last saw them: their report markers, with the ETag each was read at and the
    /// signal's fact as of that change (null on a marker written before markers carried it: read the signal then).
    /// </summary>
    public async IAsyncEnumerable<(TrackingCode Code, ETag ETag, SignalFact? Fact)> ListReportMarkersAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var from = SignalKeys.TodoPrefix + TodoKinds.Report + "|";
        foreach (var pk in SignalKeys.AllPartitions)
            await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq '{pk}' and RowKey ge '{from}' and RowKey lt '{from[..^1]}}}'",
                               select: ["PartitionKey", "RowKey", FactProperty, LocationProperty, CategoryProperty], cancellationToken: ct))
                if (TrackingCode.TryParse(e.RowKey[from.Length..], out var code)) yield return (code, e.ETag, FactOf(e));

        // A marker without a fact, or with one in a format this version does not read, sends the update to the signal.
        static SignalFact? FactOf(TableEntity marker)
        {
            if (marker.GetString(FactProperty) is not { } line || marker.GetString(LocationProperty) is not { } location
                || marker.GetString(CategoryProperty) is not { } category) return null;
            try { return SignalFactCodec.Decode(line, location, category); }
            catch (FormatException) { return null; }
        }
    }

    /// <summary>
    /// Clears a report marker unless the signal changed again after it was read (the save replaced the marker, so its
    /// ETag moved on): then it stays for the next update. False when it stayed.
    /// </summary>
    public async Task<bool> DeleteMarkerIfUnchangedAsync(string kind, TrackingCode code, ETag etag, CancellationToken ct)
    {
        try { await table.DeleteEntityAsync(SignalKeys.Partition(code), SignalKeys.Todo(kind, code), etag, ct); return true; }
        catch (RequestFailedException e) when (e.Status == 404) { return true; }
        catch (RequestFailedException e) when (e.Status == 412) { return false; }
    }

    /// <summary>
    /// Every signal with its full history, shard by shard: for rebuilding the reports' aggregates (and, in the
    /// benchmark, as the full scan the aggregates avoid). Reads every row of the table.
    /// </summary>
    public async IAsyncEnumerable<Signal> ScanAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var pk in SignalKeys.AllPartitions)
        {
            TableEntity? main = null;
            var events = new List<SignalEvent>();
            await foreach (var e in table.QueryAsync<TableEntity>($"PartitionKey eq '{pk}' and RowKey ge 'sig|' and RowKey lt 'sig}}'", cancellationToken: ct))
            {
                if (!e.RowKey.Contains("|evt|", StringComparison.Ordinal))
                {
                    if (main is not null && Restore(main, events) is { } done) yield return done;
                    main = e;
                    events = [];
                }
                else events.Add(ToEvent(e));
            }
            if (main is not null && Restore(main, events) is { } last) yield return last;
        }

        static Signal? Restore(TableEntity main, List<SignalEvent> events)
        {
            if (!TrackingCode.TryParse(main.GetString("Code"), out var code)) return null;
            if (main.GetString("IntakeEvents") is { } inline) events.AddRange(JsonSerializer.Deserialize<List<SignalEvent>>(inline)!);
            return Signal.Restore(ToSnapshot(code, main), events);
        }
    }

    /// <summary>
    /// Records that the sweep queued the marker's work again, so it waits before doing so again. A marker that is gone
    /// meanwhile (the work was done between the sweep's listing and this call) is left gone: a merge never recreates it,
    /// and the rest of the sweep goes on.
    /// </summary>
    public async Task TouchTodoAsync(TodoMarker marker, DateTimeOffset now, CancellationToken ct)
    {
        try
        {
            await table.UpdateEntityAsync(new TableEntity(SignalKeys.Partition(marker.Code), SignalKeys.Todo(marker.Kind, marker.Code))
            {
                ["LastEnqueuedAt"] = now,
                ["Attempts"] = marker.Attempts + 1,
            }, ETag.All, TableUpdateMode.Merge, ct);
        }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    public async Task DeleteTodoAsync(string kind, TrackingCode code, CancellationToken ct)
    {
        try { await table.DeleteEntityAsync(SignalKeys.Partition(code), SignalKeys.Todo(kind, code), ETag.All, ct); }
        catch (RequestFailedException e) when (e.Status == 404) { }
    }

    private const string FactProperty = "Fact", LocationProperty = "LocationId", CategoryProperty = "Category";

    /// <summary>
    /// A to-do marker written with a change of <paramref name="signal"/>. The report marker carries the signal's fact
    /// as of this change (its history is complete here: every save starts from <see cref="GetAsync"/>), so the
    /// reports' update reads no signal back: one storage call fewer per changed signal, and on Azurite, whose queries
    /// scan the whole table, the difference between a linear and a quadratic update. The ETag-conditional delete
    /// keeps it exact: a later change replaces the marker, with the later fact.
    /// </summary>
    private static TableEntity Todo(string kind, Signal signal, DateTimeOffset now)
    {
        var marker = Marker(kind, signal.Code, now, null);
        if (kind != TodoKinds.Report) return marker;
        marker[FactProperty] = SignalFactCodec.Encode(SignalFact.From(signal, SignalFactCodec.TriagePlaceholder));
        marker[LocationProperty] = signal.LocationId;
        marker[CategoryProperty] = signal.Category;
        return marker;
    }

    private static TableEntity Marker(string kind, TrackingCode code, DateTimeOffset now, DateTimeOffset? enqueuedAt) =>
        new(SignalKeys.Partition(code), SignalKeys.Todo(kind, code))
        {
            ["CreatedAt"] = now,
            ["LastEnqueuedAt"] = enqueuedAt,
            ["Attempts"] = 0,
        };

    private static SignalEvent ToEvent(TableEntity e) =>
        new(e.GetInt32("Sequence") ?? 0, e.GetString("Kind"), e.GetDateTimeOffset("At")!.Value, e.GetString("Actor"), e.GetString("Detail"));

    private static TableEntity ToEntity(TrackingCode code, SignalEvent e) => new(SignalKeys.Partition(code), SignalKeys.Event(code, e.Sequence))
    {
        ["Sequence"] = e.Sequence,
        ["Kind"] = e.Kind,
        ["At"] = e.At,
        ["Actor"] = e.Actor,
        ["Detail"] = e.Detail,
    };

    private static TableEntity ToEntity(Signal s, string keyHash, string fingerprint, bool organisationNotified) =>
        new(SignalKeys.Partition(s.Code), SignalKeys.Signal(s.Code))
        {
            ["Code"] = s.Code.Value,
            ["LocationId"] = s.LocationId,
            ["Wing"] = s.Wing,
            ["Language"] = s.Language,
            ["Category"] = s.Category,
            ["Subcategory"] = s.Subcategory,
            ["Text"] = s.Text,
            ["ContactPhone"] = s.Contact?.Phone,
            ["ContactEmail"] = s.Contact?.Email,
            ["Emergency"] = s.Flags.Emergency,
            ["Sensitive"] = s.Flags.Sensitive,
            ["FlagKinds"] = s.Flags.ToDetail(),
            ["AcknowledgeWithinWorkingHours"] = s.Promise.AcknowledgeWithinWorkingHours,
            ["ResolveWithinWorkingDays"] = s.Promise.ResolveWithinWorkingDays,
            ["ReceivedAt"] = s.ReceivedAt,
            ["Status"] = s.Status.ToCode(),
            ["OrganisationId"] = s.OrganisationId,
            ["RoutingReason"] = s.RoutingReason?.ToString(),
            ["CopyTo"] = string.Join(',', s.CopyTo),
            ["RoutedAt"] = s.RoutedAt,
            ["Translation"] = s.Translation.ToString(),
            ["TextNl"] = s.TextNl,
            ["DetectedLanguage"] = s.DetectedLanguage,
            ["ResidentComments"] = s.ResidentComments.Count == 0 ? null : JsonSerializer.Serialize(s.ResidentComments),
            ["Attachments"] = s.Attachments.Count == 0 ? null : string.Join('|', s.Attachments),
            ["TraceParent"] = s.TraceParent,
            ["Notes"] = s.Notes.Count == 0 ? null : JsonSerializer.Serialize(s.Notes),
            ["Responses"] = s.Responses.Count == 0 ? null : JsonSerializer.Serialize(s.Responses),
            ["MergedInto"] = s.MergedInto?.Value,
            ["FormalComplaint"] = s.FormalComplaint,
            ["ComplaintExtensionWeeks"] = s.ComplaintExtensionWeeks,
            ["Duplicates"] = s.Duplicates.Count == 0 ? null : string.Join(',', s.Duplicates.Select(d => d.Value)),
            ["Reason"] = s.Reason is null ? null : JsonSerializer.Serialize(s.Reason),
            ["AssigneeId"] = s.Assignee?.Id,
            ["AssigneeName"] = s.Assignee?.Name,
            ["IdempotencyKeyHash"] = keyHash,
            ["Fingerprint"] = fingerprint,
            ["OrganisationNotified"] = organisationNotified,
        };

    private static SignalSnapshot ToSnapshot(TrackingCode code, TableEntity e)
    {
        var phone = e.GetString("ContactPhone");
        var email = e.GetString("ContactEmail");
        var copy = e.GetString("CopyTo");
        return new SignalSnapshot(code, e.GetString("LocationId"), e.GetString("Wing"), e.GetString("Language"), e.GetString("Category"),
            e.GetString("Subcategory"), e.GetString("Text"), phone is null && email is null ? null : new ResidentContact(phone, email),
            SignalFlagsInfo.Parse(e.GetBoolean("Emergency") ?? false, e.GetBoolean("Sensitive") ?? false, e.GetString("FlagKinds")),
            new HandlingPromise(e.GetInt32("AcknowledgeWithinWorkingHours") ?? 0, e.GetInt32("ResolveWithinWorkingDays") ?? 0),
            e.GetDateTimeOffset("ReceivedAt")!.Value, SignalStatusCodes.Parse(e.GetString("Status")), e.GetString("OrganisationId"),
            Enum.TryParse<RoutingReason>(e.GetString("RoutingReason"), out var r) ? r : null,
            string.IsNullOrEmpty(copy) ? [] : copy.Split(','), e.GetDateTimeOffset("RoutedAt"),
            Enum.Parse<TranslationState>(e.GetString("Translation")), e.GetString("TextNl"), e.GetString("DetectedLanguage"),
            e.GetString("ResidentComments") is { } comments ? JsonSerializer.Deserialize<List<ResidentComment>>(comments) : null,
            e.GetString("Attachments") is { Length: > 0 } files ? files.Split('|') : null, e.GetString("TraceParent"),
            e.GetString("Notes") is { } notes ? JsonSerializer.Deserialize<List<InternalNote>>(notes) : null,
            e.GetString("Responses") is { } responses ? JsonSerializer.Deserialize<List<ResidentResponse>>(responses) : null,
            TrackingCode.TryParse(e.GetString("MergedInto"), out var into) ? into : null,
            e.GetString("Duplicates") is { Length: > 0 } dups ? dups.Split(',').Select(d => TrackingCode.TryParse(d, out var c) ? c : (TrackingCode?)null).OfType<TrackingCode>().ToList() : null,
            e.GetBoolean("FormalComplaint") ?? false, e.GetInt32("ComplaintExtensionWeeks") ?? 0,
            e.GetString("Reason") is { } reason ? JsonSerializer.Deserialize<ResidentReason>(reason) : null,
            e.GetString("AssigneeId") is { } assignee ? new StaffMember(assignee, e.GetString("AssigneeName") ?? assignee) : null);
    }
}
