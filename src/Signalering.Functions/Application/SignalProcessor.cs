using Microsoft.Extensions.Options;
using Signalering.Domain.Flagging;
using Signalering.Domain.Languages;
using Signalering.Domain.Routing;
using Signalering.Domain.Translation;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Functions.Telemetry;
using Signalering.Storage.Queues;
using Signalering.Storage.Tables;

namespace Signalering.Functions.Application;

/// <summary>
/// Routes a received signal and puts it on the responsible organisation's queue. Where Translator is configured, the
/// text is first translated into Dutch (waiting at most <see cref="SignalOptions.TranslateBeforeRoutingTimeout"/>) and the
/// translation flagged too: words the lexicon of the resident's language missed can still send an abuse report to the
/// confidential handler and make an emergency urgent. On any failure the signal is routed on its original words. Safe to run any number of times
/// for one signal: the routing is saved with the signal's ETag (a second worker loses and sees it routed), and the
/// organisation's message is sent until the signal records that it was.
/// </summary>
public sealed class SignalProcessor(
    ReferenceDataProvider reference,
    SignalTable signals,
    SignalQueues queues,
    WebhookSender webhooks,
    ITextTranslator translator,
    SignalFlagger flagger,
    IOptions<SignalOptions> options,
    TimeProvider time,
    ILogger<SignalProcessor> log,
    Security.AbuseGuard abuse)
{
    public async Task ProcessAsync(TrackingCode code, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var stored = await signals.GetAsync(code, ct) ?? throw new SignalNotFoundException(code);
            var signal = stored.Signal;
            if (signal.Status == SignalStatus.Received)
            {
                await TranslateAndFlagAsync(signal, ct);
                var set = await reference.GetAsync(ct);
                var now = time.GetUtcNow();
                // A location removed since intake still gets its signal handled: municipality triage decides.
                var decision = set.Locations.TryGetValue(signal.LocationId, out var location)
                    ? set.Router.Route(location, signal.Category, signal.Subcategory, signal.Flags.Sensitive)
                    : set.Router.Fallback(signal.Flags.Sensitive);
                signal.Route(decision, now);
                var addTodos = signal.Translation == TranslationState.Pending ? new[] { TodoKinds.Translate } : [];
                if (!await signals.SaveAsync(stored, signal, addTodos, [TodoKinds.Route], now, ct))
                    continue; // changed under us: read again
                log.LogInformation("Signal {Code} routed to {Organisation} ({Reason})", code.ToString(), decision.OrganisationId, decision.Reason);
            }
            else if (stored.OrganisationNotified)
            {
                await signals.DeleteTodoAsync(TodoKinds.Route, code, ct);
                return; // a repeat delivery: nothing left to do
            }

            await NotifyAsync(signal, ct);
            await signals.MarkOrganisationNotifiedAsync(code, ct);
            SignaleringTelemetry.RoutingDuration.Record((time.GetUtcNow() - signal.ReceivedAt).TotalSeconds,
                new KeyValuePair<string, object?>("organisation", signal.OrganisationId),
                new KeyValuePair<string, object?>("urgent", signal.IsUrgent));
            await signals.DeleteTodoAsync(TodoKinds.Route, code, ct);
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

    /// <summary>Puts the signal's message on its organisation's queue (and its copies'). Also used after an escalation.</summary>
    public async Task NotifyAsync(Signal signal, CancellationToken ct, string eventName = "routed", IReadOnlyList<string>? copiesTo = null)
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
            await queues.SendToOrganisationAsync(queueName, message, ct);
            await webhooks.QueueAsync(eventName, message, ct);
        }
    }
}

public sealed class SignalNotFoundException(TrackingCode code) : Exception($"Signal {code} does not exist.");
