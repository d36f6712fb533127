using Signalering.Domain;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Functions.Features.Admin;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Status;

/// <summary>What a resident's look-up of a tracking code comes to.</summary>
public abstract record StatusResult
{
    /// <summary>The signal, as the resident reads it in <see cref="StatusView.Language"/>, and the signal itself for the page's own choices.</summary>
    public sealed record Found(StatusView View, Signal Signal) : StatusResult;
    /// <summary>No such signal. <see cref="WellFormed"/> false: the code cannot exist (a typing error, said as a field error).</summary>
    public sealed record NotFound(bool WellFormed) : StatusResult;
    /// <summary>Too many misses: try again after <see cref="RetryAfter"/>.</summary>
    public sealed record Blocked(TimeSpan RetryAfter) : StatusResult;
}

/// <summary>What the resident's "is your problem solved?" answer came to.</summary>
public abstract record AnswerResult
{
    /// <summary>Recorded: solved, or not solved and reopened with the comment; or the answer to the organisation's question.</summary>
    public sealed record Answered(TrackingCode Code, bool Solved) : AnswerResult;
    /// <summary>Nothing to answer (any more): a double tap, or the signal moved on.</summary>
    public sealed record Unchanged(TrackingCode Code) : AnswerResult;
    public sealed record NotFound : AnswerResult;
    public sealed record Blocked(TimeSpan RetryAfter) : AnswerResult;
}

/// <summary>
/// "What happened with my signal": the use case behind the status API and the status page. Look-ups go through
/// <see cref="StatusLookup"/> (limited misses, equal timing for hits and misses); a merged signal shows the outcome of
/// the signal it was merged into.
/// </summary>
public sealed class StatusService(StatusLookup lookup, ReferenceDataProvider reference, SignalTable signals, TimeProvider time)
{
    public async Task<StatusResult> FindAsync(string client, string? code, string? language, CancellationToken ct)
    {
        switch (await lookup.FindAsync(client, Normalise(code), ct))
        {
            case LookupOutcome.Blocked blocked: return new StatusResult.Blocked(blocked.RetryAfter);
            case LookupOutcome.NotFound notFound: return new StatusResult.NotFound(notFound.WellFormed);
            case LookupOutcome.Found found:
                var signal = found.Stored.Signal;
                var merged = signal.MergedInto is { } into ? (await signals.GetAsync(into, ct))?.Signal : null;
                return new StatusResult.Found(ResidentViews.Status(signal, ResidentTexts.Default, await reference.GetAsync(ct), language, merged), signal);
            default: throw new InvalidOperationException();
        }
    }

    /// <summary>
    /// The resident's answer after resolution: "no" reopens the signal with their comment. A double tap, or an answer
    /// to a signal no longer waiting for one, changes nothing.
    /// </summary>
    public async Task<AnswerResult> AnswerAsync(string client, string? code, bool solved, string? comment, CancellationToken ct) =>
        await ResidentStepAsync(client, code, s => s.AwaitsResidentAnswer, s => s.AnswerSolved(solved, comment, time.GetUtcNow()), ct) switch
        {
            AnswerResult.Answered a => a with { Solved = solved },
            var other => other,
        };

    /// <summary>
    /// The resident's answer to the organisation's question: their words reach the inbox and the work resumes. An
    /// empty or too long answer is refused (<see cref="DomainException"/>, nothing stored); a second tap, or an
    /// answer after the question was withdrawn, changes nothing.
    /// </summary>
    public Task<AnswerResult> ReplyAsync(string client, string? code, string? answer, CancellationToken ct) =>
        ResidentStepAsync(client, code, s => s.AwaitsResidentReply, s => s.ReplyToQuestion(answer, time.GetUtcNow()), ct);

    /// <summary>
    /// One step by the resident, through the same guarded lookup as reading the status (a guessed code costs the
    /// same as a lookup), saved with the signal's ETag and tried again when a coordinator saved in between.
    /// </summary>
    private async Task<AnswerResult> ResidentStepAsync(string client, string? code, Func<Signal, bool> awaited, Action<Signal> step, CancellationToken ct)
    {
        switch (await lookup.FindAsync(client, Normalise(code), ct))
        {
            case LookupOutcome.Blocked blocked: return new AnswerResult.Blocked(blocked.RetryAfter);
            case LookupOutcome.Found found:
                var stored = found.Stored;
                for (var attempt = 0; attempt < 5; attempt++)
                {
                    if (!awaited(stored.Signal)) return new AnswerResult.Unchanged(stored.Signal.Code);
                    try { step(stored.Signal); }
                    catch (DomainException e) when (e.StateConflict) { return new AnswerResult.Unchanged(stored.Signal.Code); }
                    if (await signals.SaveAsync(stored, stored.Signal, [], [], time.GetUtcNow(), ct) is not null) return new AnswerResult.Answered(stored.Signal.Code, false);
                    stored = await signals.GetAsync(stored.Signal.Code, ct) ?? stored;
                }
                throw new InvalidOperationException($"Signal {stored.Signal.Code} kept changing while the resident answered.");
            default: return new AnswerResult.NotFound();
        }
    }

    /// <summary>People write codes down with spaces, dashes and lower case; the code itself is unambiguous without them.</summary>
    public static string? Normalise(string? code) =>
        code is null ? null : new string(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
}
