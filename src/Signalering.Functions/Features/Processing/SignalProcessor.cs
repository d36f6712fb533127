using Microsoft.Extensions.Options;
using Signalering.Domain.Flagging;
using Signalering.Domain.Languages;
using Signalering.Domain.Routing;
using Signalering.Domain.Translation;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Telemetry;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Features.Admin;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Processing;

/// <summary>
/// Routes a received signal and puts it on the responsible organisation's queue. Where Translator is configured, the
/// text is first translated into Dutch (waiting at most <see cref="SignalOptions.TranslateBeforeRoutingTimeout"/>) and the
/// translation flagged too: words the lexicon of the resident's language missed can still send an abuse report to the
/// confidential handler and make an emergency urgent. On any failure the signal is routed on its original words.
/// Safe to run any number of times, at once or after a crash: the routing is saved with the signal's ETag and that
/// save is also the claim to deliver (a second worker loses and sees it routed and claimed); a routed signal whose
/// message is still owed is claimed with its ETag before anything is sent; the route marker goes only once the
/// organisation's message, its copies and webhook jobs are sent (<see cref="SignalTable.MarkDeliveredAsync"/>).
/// </summary>
public sealed class SignalProcessor(
    ReferenceDataProvider reference,
    SignalTable signals,
    SignalQueues queues,
    WebhookSender webhooks,
    ITextTranslator translator,
    SignalFlagger flagger,
    PipelineHealth health,
    IOptions<SignalOptions> options,
    TimeProvider time,
    ILogger<SignalProcessor> log,
    Security.AbuseGuard abuse)
{
    // Sent, but the confirmation could not be written: this instance confirms instead of sending again.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<TrackingCode, bool> _sentUnconfirmed = new();

    /// <summary>Whether signals are routed at intake: when no translator is configured there is nothing to wait for.</summary>
    public bool RoutesAtIntake => options.Value.RouteAtIntake && !translator.IsConfigured;

    public async Task ProcessAsync(TrackingCode code, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await signals.GetAsync(code, ct) ?? throw new SignalNotFoundException(code);
            var signal = stored.Signal;
            if (signal.Status != SignalStatus.Received)
            {
                if (await DeliverOwedAsync(stored, ct) == Delivery.Changed) continue;
                return;
            }
            await TranslateAndFlagAsync(signal, ct);
            var now = time.GetUtcNow();
            if (!translator.IsConfigured) signal.MarkUntranslated(now, "not-configured");
            signal.Route(Decide(await reference.GetAsync(ct), signal), now);
            var addTodos = signal.Translation is TranslationState.Pending or TranslationState.Untranslated ? new[] { TodoKinds.Translate } : [];
            // The route marker stays (it promises the message); saving the route is this worker's claim to send it.
            if (await signals.SaveAsync(stored, signal, addTodos, [], now, ct, deliveryLeaseUntil: now + options.Value.DeliveryLease) is null)
                continue; // changed under us: read again
            log.LogInformation("Signal {Code} routed to {Organisation} ({Reason})", code.ToString(), signal.OrganisationId, signal.RoutingReason);
            await DeliverClaimedAsync(signal, [], ct);
            if (signal.Translation == TranslationState.Pending)
            {
                try { await queues.EnqueueTranslationAsync(code, ct); }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "Queueing translation of {Code} failed; the sweep will retry", code.ToString());
                }
            }
            return;
        }
        throw new InvalidOperationException($"Signal {code} kept changing while being routed.");
    }

    /// <summary>
    /// The organisation the router chooses for a received signal. A location removed since intake still gets its
    /// signal handled: municipality triage decides. Sensitive signals go to the confidential handler.
    /// </summary>
    public static RoutingDecision Decide(Domain.ReferenceData.ReferenceSet set, Signal signal) =>
        set.Locations.TryGetValue(signal.LocationId, out var location)
            ? set.Router.Route(location, signal.Category, signal.Subcategory, signal.Flags.Sensitive)
            : set.Router.Fallback(signal.Flags.Sensitive);

    public enum Delivery { Done, Busy, Changed }

    /// <summary>
    /// Sends a routed signal's message if it is still owed and nobody holds the claim: <see cref="Delivery.Busy"/>
    /// when another worker's lease runs (the marker stays; the sweep comes back after the lease), <see cref="Delivery.Changed"/>
    /// when the claim lost to another write (read again). Throws when sending fails; the marker stays.
    /// </summary>
    public async Task<Delivery> DeliverOwedAsync(StoredSignal stored, CancellationToken ct)
    {
        var code = stored.Signal.Code;
        if (stored.OrganisationNotified || stored.Signal.OrganisationId is null)
        {
            await signals.DeleteTodoAsync(TodoKinds.Route, code, ct); // a repeat delivery: nothing left to do
            return Delivery.Done;
        }
        if (_sentUnconfirmed.ContainsKey(code))
        {
            await ConfirmAsync(code, ct);
            return Delivery.Done;
        }
        var now = time.GetUtcNow();
        if (stored.DeliveryLeaseUntil > now) return Delivery.Busy;
        if (await signals.TryClaimDeliveryAsync(stored, now + options.Value.DeliveryLease, ct) is not { } claim) return Delivery.Changed;
        // A lease that ran out without being released or confirmed: its worker died, maybe after a send it could not record.
        var holderDied = stored.DeliveryLeaseUntil > DateTimeOffset.UnixEpoch;
        // Looking at the queue may take longer than the claim: before sending, the claim is extended on the ETag of our
        // own last claim, which fails if another worker claimed meanwhile (it looks, and sends, instead).
        DeadHolder? deadHolder = holderDied ? new(stored.DeliveryLeaseUntil.GetValueOrDefault(), async c =>
        {
            if (await signals.TryClaimDeliveryAsync(code, claim, time.GetUtcNow() + options.Value.DeliveryLease, c) is not { } extended) return false;
            claim = extended;
            return true;
        }) : null;
        try
        {
            await DeliverClaimedAsync(stored.Signal, stored.DeliveredTargets ?? [], ct, deadHolder);
        }
        catch (DeliveryDeferredException)
        {
            log.LogInformation("Whether {Code} was sent before its worker died cannot be told yet; the sweep asks again after the claim", code.ToString());
            return Delivery.Busy;
        }
        return Delivery.Done;
    }

    /// <summary>
    /// Sends what the claimed signal still owes, then confirms it. A failure releases the claim and keeps what was
    /// sent, so the next attempt starts at once and sends only the rest.
    /// </summary>
    /// <param name="deadHolder">Set when a previous worker's claim ran out unreleased: before sending to an organisation,
    /// look whether its queue holds the message already (sent, but the worker died before recording it), and send only
    /// once the claim is extended.</param>
    public async Task DeliverClaimedAsync(Signal signal, IReadOnlyList<string> alreadySent, CancellationToken ct, DeadHolder? deadHolder = null)
    {
        var sent = new HashSet<string>(alreadySent, StringComparer.Ordinal);
        try
        {
            await NotifyAsync(signal, ct, sent: sent, deadHolder: deadHolder);
        }
        // Deferred, the claim is left to run out: given back, a retry would find the queue still partly hidden, and a
        // claim that ran out while scanning may be another worker's now.
        catch (Exception e) when (e is not DeliveryDeferredException && (e is not OperationCanceledException || !ct.IsCancellationRequested))
        {
            health.DeliveryFailed(time.GetUtcNow());
            try { await signals.ReleaseDeliveryAsync(signal.Code, sent, CancellationToken.None); }
            catch (Exception release) { log.LogWarning(release, "Releasing the claim on {Code} failed; it runs out by itself", signal.Code.ToString()); }
            throw;
        }
        _sentUnconfirmed[signal.Code] = true;
        await ConfirmAsync(signal.Code, ct);
        SignaleringTelemetry.RoutingDuration.Record((time.GetUtcNow() - signal.ReceivedAt).TotalSeconds,
            new KeyValuePair<string, object?>("organisation", signal.OrganisationId),
            new KeyValuePair<string, object?>("urgent", signal.IsUrgent));
    }

    private async Task ConfirmAsync(TrackingCode code, CancellationToken ct)
    {
        // Sending again would duplicate the message: try the confirmation a few times before giving up to a retry.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await signals.MarkDeliveredAsync(code, ct);
                _sentUnconfirmed.TryRemove(code, out _);
                health.DeliverySucceeded(time.GetUtcNow());
                return;
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                log.LogWarning(e, "Confirming the delivery of {Code} failed (attempt {Attempt}); trying again", code.ToString(), attempt);
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct); // real time: a fake clock in tests must not stall it
            }
        }
    }

    /// <summary>
    /// Translates the text into Dutch within the routing budget and lets the translation raise the flags. Only the
    /// flag kinds are logged, never words. A failure leaves the translation pending for the translation function.
    /// </summary>
    private async Task TranslateAndFlagAsync(Signal signal, CancellationToken ct)
    {
        if (signal.Translation != TranslationState.Pending || string.IsNullOrWhiteSpace(signal.Text) || !translator.IsConfigured) return;
        // Over the location's daily budget: route on the original words; the translation function marks it untranslated.
        if (!(await abuse.TakeTranslationAsync(signal.LocationId, ct)).Allowed) return;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(ct);
        budget.CancelAfter(options.Value.TranslateBeforeRoutingTimeout);
        TranslationResult result;
        try
        {
            var language = FormLanguages.Get(signal.Language);
            result = await translator.TranslateAsync(signal.Text, language.TranslatorAutoDetects ? null : language.Code, ["nl"], budget.Token);
        }
        catch (Exception e) when (e is TranslationUnavailableException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.LogWarning("Translation of {Code} before routing unavailable ({Reason}); routing on the original words", signal.Code.ToString(),
                e is OperationCanceledException ? "timed out" : e.Message);
            return;
        }
        if (!result.Translations.TryGetValue("nl", out var textNl) || string.IsNullOrWhiteSpace(textNl)) return;
        var now = time.GetUtcNow();
        signal.RecordTranslation(textNl, result.DetectedLanguage, now);
        if (signal.RaiseFlags(signal.Flags.WithTranslation(flagger.Flag(textNl, "nl")), now))
            log.LogInformation("Signal {Code} flagged from its translation: {Kinds}", signal.Code.ToString(), signal.Flags.ToDetail());
    }

    /// <summary>
    /// Puts the signal's message on its organisation's queue (and its copies'). Also used after an escalation. With
    /// <paramref name="sent"/> (the outbox): skips what it names, adds what was sent, and a failed webhook job fails
    /// the delivery; without it a webhook job is a courtesy that never fails the message.
    /// </summary>
    public async Task NotifyAsync(Signal signal, CancellationToken ct, string eventName = "routed", IReadOnlyList<string>? copiesTo = null,
        ISet<string>? sent = null, DeadHolder? deadHolder = null)
    {
        var set = await reference.GetAsync(ct);
        var routedAt = signal.RoutedAt ?? time.GetUtcNow();
        // A reminder concerns only the organisation that must accept; copies are for information.
        var copies = copiesTo ?? (eventName == "due-soon" ? [] : signal.CopyTo);
        foreach (var (orgId, isCopy) in copies.Select(c => (c, true)).Prepend((signal.OrganisationId!, false)))
        {
            var queueName = set.Organisations.TryGetValue(orgId, out var org) ? org.QueueName : "org-" + orgId;
            using var activity = SignaleringTelemetry.Source.StartActivity("SendToOrganisation", System.Diagnostics.ActivityKind.Producer);
            activity?.SetTag("messaging.destination.name", queueName);
            activity?.SetTag(SignaleringTelemetry.TrackingCodeTag, signal.Code.Value);
            var messageId = $"{signal.Code.Value}:{routedAt.UtcTicks}:{orgId}" + (eventName == "routed" ? "" : ":" + eventName);
            // A copy is for information: the receiving organisation gets neither the tracking code (which opens the
            // resident's status page) nor an id that contains it.
            if (isCopy) messageId = "copy:" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(messageId)))[..32].ToLowerInvariant();
            var message = new OrganisationMessage(messageId, isCopy ? null : signal.Code.ToString(), orgId, isCopy,
                signal.LocationId, signal.Category, signal.Subcategory, signal.Language, signal.IsUrgent,
                signal.RoutingReason == RoutingReason.Confidential, signal.Translation.ToString(), signal.ReceivedAt, routedAt,
                signal.Promise.AcknowledgeWithinWorkingHours, signal.Promise.ResolveWithinWorkingDays,
                SignaleringTelemetry.CurrentTraceParent(), eventName);
            if (sent is null)
            {
                await queues.SendToOrganisationAsync(queueName, message, ct);
                await webhooks.QueueAsync(eventName, message, ct);
                continue;
            }
            if (!sent.Contains(orgId))
            {
                if (deadHolder is not null)
                {
                    var holds = await queues.HoldsAsync(queueName, messageId, options.Value.DeliveryLease, ct);
                    if (holds == true)
                        log.LogInformation("The message of {Code} for {Organisation} was on its queue already; not sent again", signal.Code.ToString(), orgId);
                    // Part of the queue was hidden: a scan that died with its process hides what it read for one lease,
                    // so until then ask again later. After that what is hidden is a reader's (the organisation's own),
                    // and the same message id lets it drop a second copy.
                    else if (holds is null && time.GetUtcNow() < deadHolder.LeaseEnded + options.Value.DeliveryLease * 2) throw new DeliveryDeferredException(signal.Code);
                    // Another worker claimed while this one looked: it looks, and sends, instead.
                    else if (!await deadHolder.ExtendClaimAsync(ct)) throw new DeliveryDeferredException(signal.Code);
                    else await queues.SendToOrganisationAsync(queueName, message, ct);
                }
                else await queues.SendToOrganisationAsync(queueName, message, ct);
                sent.Add(orgId);
            }
            if (!sent.Contains("hook:" + orgId))
            {
                await webhooks.EnqueueAsync(eventName, message, ct);
                sent.Add("hook:" + orgId);
            }
        }
    }
}

public sealed class SignalNotFoundException(TrackingCode code) : Exception($"Signal {code} does not exist.");

/// <summary>
/// A delivery taken over from a worker that died holding its claim: when that claim ended, and how to extend this
/// worker's own claim before a send (false: another worker claimed it meanwhile).
/// </summary>
public sealed record DeadHolder(DateTimeOffset LeaseEnded, Func<CancellationToken, Task<bool>> ExtendClaimAsync);

/// <summary>
/// Whether a dead worker sent the signal's message cannot be told yet (its queue was partly hidden, or another worker
/// claimed it while this one looked): nothing is sent, the claim runs out, and the sweep asks again.
/// </summary>
internal sealed class DeliveryDeferredException(TrackingCode code) : Exception($"Whether {code} was sent before its worker died cannot be told yet.");
