using Microsoft.Extensions.Options;
using Signalering.Domain.Flagging;
using Signalering.Domain.Intake;
using Signalering.Domain.Locations;
using Signalering.Domain.Signals;
using Signalering.Storage.Queues;
using Signalering.Storage.Tables;

namespace Signalering.Functions.Application;

public abstract record IntakeResult
{
    public sealed record Accepted(Signal Signal, bool Replayed) : IntakeResult;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : IntakeResult;
    /// <summary>The idempotency key was used before for a different report.</summary>
    public sealed record KeyReused : IntakeResult;
}

/// <summary>
/// Accepts a resident's signal: validate everything, store the signal with its route marker in one transaction,
/// then queue it. The store is the commitment: once it succeeded the answer is 202, and if queueing fails the
/// marker makes the sweep queue it later. The tracking code is derived from the idempotency key, so a retry of the
/// same report finds its own signal instead of making a second one.
/// </summary>
public sealed class IntakeService(
    ReferenceDataProvider reference,
    LocationTokens tokens,
    SignalTable signals,
    SignalQueues queues,
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
            if (await signals.CreateAsync(signal, keyHash, intake.Fingerprint, now, ct) == CreateOutcome.Created)
            {
                await TryEnqueueAsync(code, ct);
                Telemetry.SignaleringTelemetry.SignalsReceived.Add(1,
                    new KeyValuePair<string, object?>("category", intake.Category),
                    new KeyValuePair<string, object?>("urgent", signal.IsUrgent));
                return new IntakeResult.Accepted(signal, Replayed: false);
            }
            var existing = await signals.GetAsync(code, ct);
            if (existing is null) continue;
            if (existing.IdempotencyKeyHash != keyHash) continue; // another report owns this code: walk to the next
            if (existing.Fingerprint != intake.Fingerprint) return new IntakeResult.KeyReused();
            // A retry. If the first attempt stored but never queued, queue now; processing is idempotent.
            if (existing.Signal.Status == Domain.Workflow.SignalStatus.Received) await TryEnqueueAsync(code, ct);
            return new IntakeResult.Accepted(existing.Signal, Replayed: true);
        }
        throw new InvalidOperationException("No free tracking code after several attempts.");
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
