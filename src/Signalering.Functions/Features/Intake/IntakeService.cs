using Microsoft.Extensions.Options;
using Signalering.Domain.Flagging;
using Signalering.Domain.Intake;
using Signalering.Domain.Locations;
using Signalering.Domain.Signals;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Features.Admin;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Intake;

public abstract record IntakeResult
{
    public sealed record Accepted(Signal Signal, bool Replayed) : IntakeResult;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : IntakeResult;
    /// <summary>The idempotency key was used before for a different report.</summary>
    public sealed record KeyReused : IntakeResult;
}

/// <summary>
/// Accepts a resident's signal: validate everything, store the signal with its route marker in one transaction,
/// then hand it on. The store is the commitment: once it succeeded the answer is 202, and whatever fails after it,
/// the marker makes the sweep finish the work later. The tracking code is derived from the idempotency key, so a
/// retry of the same report finds its own signal instead of making a second one.
/// Without a translator there is nothing to wait for before routing, so the signal is routed in the same
/// transaction that stores it (flags come from the resident's words and answers alone, as they would after a failed
/// translation) and its organisation's message is sent at once; with a translator it is queued for
/// <see cref="SignalProcessor"/>, which translates, flags again and then routes.
/// </summary>
public sealed class IntakeService(
    ReferenceDataProvider reference,
    LocationTokens tokens,
    SignalTable signals,
    SignalQueues queues,
    SignalProcessor processor,
    SignalFlagger flagger,
    IOptions<SignalOptions> options,
    TimeProvider time,
    ILogger<IntakeService> log)
{
    private const int MaxCodeAttempts = 8;
    private readonly byte[] _secret = Convert.FromBase64String(options.Value.TrackingCodeSecret);

    public async Task<IntakeResult> SubmitAsync(IntakeRequest request, CancellationToken ct)
    {
        var (intake, errors) = IntakeValidator.Validate(request, await reference.GetAsync(ct), tokens);
        if (intake is null) return new IntakeResult.Invalid(errors);

        var keyHash = SignalTable.HashKey(intake.IdempotencyKey);
        var textFlags = flagger.Flag(intake.Text, intake.Language);
        var flags = SignalFlagsInfo.From(intake.Category, intake.Subcategory, textFlags, intake.DangerNow, intake.AboutStaff);
        for (var attempt = 0; attempt < MaxCodeAttempts; attempt++)
        {
            var code = TrackingCode.Derive(_secret, intake.IdempotencyKey, attempt);
            var now = time.GetUtcNow();
            var signal = Signal.Receive(code, intake, flags, now, Telemetry.SignaleringTelemetry.CurrentTraceParent());
            var routed = processor.RoutesAtIntake;
            if (routed)
            {
                signal.MarkUntranslated(now, "not-configured");
                signal.Route(SignalProcessor.Decide(await reference.GetAsync(ct), signal), now);
            }
            // Routed here, the signal owes its report entry (no later save marks it) and, untranslated, its translation.
            string[] todos = !routed ? [] : signal.Translation == TranslationState.Untranslated ? [TodoKinds.Report, TodoKinds.Translate] : [TodoKinds.Report];
            var lease = routed ? now + options.Value.DeliveryLease : (DateTimeOffset?)null;
            if (await signals.CreateAsync(signal, keyHash, intake.Fingerprint, now, ct, todos, lease) == CreateOutcome.Created)
            {
                if (routed) await TryDeliverAsync(() => processor.DeliverClaimedAsync(signal, [], CancellationToken.None), code);
                else await TryEnqueueAsync(code, ct);
                Telemetry.SignaleringTelemetry.SignalsReceived.Add(1,
                    new KeyValuePair<string, object?>("category", intake.Category),
                    new KeyValuePair<string, object?>("urgent", signal.IsUrgent));
                return new IntakeResult.Accepted(signal, Replayed: false);
            }
            var existing = await signals.GetAsync(code, ct);
            if (existing is null) continue;
            if (existing.IdempotencyKeyHash != keyHash) continue; // another report owns this code: walk to the next
            if (existing.Fingerprint != intake.Fingerprint) return new IntakeResult.KeyReused();
            // A retry. If the first attempt stored but never queued or delivered, do it now: processing is idempotent,
            // and a delivery another request or worker holds the claim to is left to it.
            if (existing.Signal.Status == Domain.Workflow.SignalStatus.Received) await TryEnqueueAsync(code, ct);
            else if (!existing.OrganisationNotified) await TryDeliverAsync(() => processor.DeliverOwedAsync(existing, CancellationToken.None), code);
            return new IntakeResult.Accepted(existing.Signal, Replayed: true);
        }
        throw new InvalidOperationException("No free tracking code after several attempts.");
    }

    private async Task TryDeliverAsync(Func<Task> deliver, TrackingCode code)
    {
        try
        {
            await deliver();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stored is accepted: the route marker stays and the sweep delivers when storage is back.
            log.LogWarning(e, "Delivering signal {Code} failed; the sweep will deliver it", code.ToString());
        }
    }

    private async Task TryEnqueueAsync(TrackingCode code, CancellationToken ct)
    {
        try
        {
            await queues.EnqueueIntakeAsync(code, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stored is accepted: the route marker stays and the sweep queues the signal when the queue is back.
            log.LogWarning(e, "Queueing signal {Code} failed; the sweep will queue it", code.ToString());
        }
    }
}
