using System.Collections.Frozen;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Signals;

/// <summary>
/// How long a closed signal keeps what identifies its resident. Both periods run from <see cref="Signal.ClosedAt"/>;
/// an open signal keeps everything, because someone is still working on it. Reopening restarts the clock.
/// </summary>
public sealed record RetentionPolicy
{
    /// <summary>After this long closed, the phone number and e-mail address go: nobody will call back about a closed signal.</summary>
    public TimeSpan ContactAfterClosing { get; }

    /// <summary>After this long closed, the resident's words, photos and the replies written for them go (Signalen: 365 days).</summary>
    public TimeSpan ContentAfterClosing { get; }

    /// <exception cref="DomainException">A period is not positive, or contact would outlive the content.</exception>
    public RetentionPolicy(TimeSpan contactAfterClosing, TimeSpan contentAfterClosing)
    {
        if (contactAfterClosing <= TimeSpan.Zero || contentAfterClosing <= TimeSpan.Zero)
            throw new DomainException("Retention periods must be positive.", "retention");
        if (contactAfterClosing > contentAfterClosing)
            throw new DomainException("Contact details cannot be kept longer than the signal's content.", "retention");
        (ContactAfterClosing, ContentAfterClosing) = (contactAfterClosing, contentAfterClosing);
    }
}

/// <summary>What retention owes a signal now.</summary>
public enum RetentionDue { Nothing, EraseContact, Anonymise }

public static class SignalRetention
{
    /// <summary>Statuses whose only way on is reopening: read from the workflow table, not listed again.</summary>
    public static readonly FrozenSet<SignalStatus> ClosedStatuses = SignalWorkflow.Transitions
        .Where(t => t.Value is [SignalStatus.Reopened]).Select(t => t.Key).ToFrozenSet();

    public static bool IsClosed(SignalStatus status) => ClosedStatuses.Contains(status);

    /// <summary>What <paramref name="policy"/> asks of <paramref name="signal"/> (with its complete history) at <paramref name="now"/>.</summary>
    public static RetentionDue Due(Signal signal, RetentionPolicy policy, DateTimeOffset now)
    {
        if (signal.ClosedAt is not { } closed) return RetentionDue.Nothing;
        if (now - closed >= policy.ContentAfterClosing && (signal.HoldsResidentContent || signal.Contact is not null)) return RetentionDue.Anonymise;
        if (now - closed >= policy.ContactAfterClosing && signal.Contact is not null) return RetentionDue.EraseContact;
        return RetentionDue.Nothing;
    }
}
