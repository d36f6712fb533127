using Microsoft.Extensions.Options;
using Signalering.Domain.Signals;
using Signalering.Infrastructure.Blobs;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Processing;

/// <summary>Retention periods (section "Retention"); what is kept where and why is in docs/privacy.md.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days a signal is closed before its resident's phone number and e-mail address are erased.</summary>
    public int ContactDaysAfterClosing { get; set; } = 30;

    /// <summary>Days a signal is closed before its text, translation, comments, photos, notes and free-text replies are removed (Signalen: 365).</summary>
    public int ContentDaysAfterClosing { get; set; } = 365;

    /// <summary>
    /// Days after a signal's last audited read or change before its audit trail is deleted, whole. Longer than
    /// <see cref="ContentDaysAfterClosing"/>: a complaint about who read a resident's words can come after the words are
    /// gone (docs/privacy.md).
    /// </summary>
    public int AuditDays { get; set; } = 5 * 365 + 1;

    public RetentionPolicy Policy => new(TimeSpan.FromDays(ContactDaysAfterClosing), TimeSpan.FromDays(ContentDaysAfterClosing));
}

/// <summary>What one retention run did, in counts only.</summary>
public sealed record RetentionRun(int Examined, int ContactsErased, int Anonymised, int PhotosDeleted, int BucketsPruned, int AuditEntriesErased, int DeliveryMarksPruned, int PushSubscriptionsErased = 0);

/// <summary>
/// Applies <see cref="RetentionOptions"/>: finds closed signals old enough to owe something, erases contact details
/// or removes the resident's content (photos first, then the signal's row, in one transaction with its report
/// marker), deletes audit trails past <see cref="RetentionOptions.AuditDays"/>, and prunes rate-limit buckets and
/// webhook delivery marks that guard nothing any more. Idempotent: a signal with nothing left to erase
/// is skipped on its stored row alone, and a run that stops halfway is finished by the next.
/// </summary>
public sealed class RetentionService(SignalTable signals, AttachmentStore attachments, RateLimitTable buckets, AuditTable audit, WebhookTable hooks, IOptions<RetentionOptions> options,
    TimeProvider time, PushSubscriptionTable pushes)
{
    public async Task<RetentionRun> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var policy = options.Value.Policy;
        // A signal closes after it was received: only those received before the shortest period ago can owe anything.
        var closed = string.Join(" or ", SignalRetention.ClosedStatuses.Select(s => $"Status eq '{Domain.Workflow.SignalStatusCodes.ToCode(s)}'"));
        var filter = $"({closed}) and " + Azure.Data.Tables.TableClient.CreateQueryFilter($"ReceivedAt le {now - policy.ContactAfterClosing}");
        int examined = 0, contacts = 0, anonymised = 0, photos = 0;
        var candidates = new List<TrackingCode>();
        await foreach (var row in signals.QueryAsync(filter, ct))
        {
            examined++;
            // The row without its history is enough to see that nothing is left, or nothing yet.
            if (row.Contact is null && !row.HoldsResidentContent) continue;
            if (row.Contact is null && row.ReceivedAt > now - policy.ContentAfterClosing) continue;
            candidates.Add(row.Code);
        }
        foreach (var code in candidates)
        {
            switch (await ApplyAsync(code, policy, now, ct))
            {
                case (RetentionDue.EraseContact, _): contacts++; break;
                case (RetentionDue.Anonymise, var deleted): anonymised++; photos += deleted; break;
            }
        }
        var pruned = await buckets.PruneAsync(now - TimeSpan.FromDays(1), ct);
        var audited = await audit.PruneAsync(now - TimeSpan.FromDays(options.Value.AuditDays), ct);
        // A webhook delivery is retried for at most a day and a queue message lives seven: a week-old mark guards nothing.
        var marks = await hooks.PruneDeliveriesAsync(now - TimeSpan.FromDays(8), ct);
        return new RetentionRun(examined, contacts, anonymised, photos, pruned, audited, marks, await ErasePushSubscriptionsAsync(policy, now, ct));
    }

    /// <summary>
    /// A phone's push subscription is a way to reach the resident, like a phone number: it goes when the contact
    /// details would, once the signal has been closed for <see cref="RetentionPolicy.ContactAfterClosing"/> (or is gone).
    /// Only phones that opted in have rows, so this reads few signals.
    /// </summary>
    private async Task<int> ErasePushSubscriptionsAsync(RetentionPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        var erased = 0;
        foreach (var code in await pushes.ListCodesAsync(ct))
        {
            var signal = (await signals.GetAsync(code, ct))?.Signal;
            if (signal is null || signal.ClosedAt is { } closed && now - closed >= policy.ContactAfterClosing)
                erased += await pushes.DeleteAllAsync(code, ct);
        }
        return erased;
    }

    private async Task<(RetentionDue Done, int PhotosDeleted)> ApplyAsync(TrackingCode code, RetentionPolicy policy, DateTimeOffset now, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await signals.GetAsync(code, ct) is not { } stored) return (RetentionDue.Nothing, 0);
            var due = SignalRetention.Due(stored.Signal, policy, now);
            var deleted = 0;
            switch (due)
            {
                case RetentionDue.Nothing:
                    return (due, 0);
                case RetentionDue.EraseContact:
                    stored.Signal.EraseContact(now);
                    break;
                case RetentionDue.Anonymise:
                    // Photos first: if the save then fails, the next run finds the names and deletes nothing twice.
                    deleted = await attachments.DeleteAllAsync(code, ct);
                    stored.Signal.Anonymise(now);
                    break;
            }
            // The intake fingerprint is a hash over the text and contact details: it goes with them.
            if (await signals.SaveAsync(stored with { Fingerprint = "" }, stored.Signal, [], [], now, ct) is not null) return (due, deleted);
        }
        throw new InvalidOperationException($"Signal {code} kept changing during retention.");
    }
}
