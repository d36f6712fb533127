namespace Signalering.Domain.Clocks;

/// <summary>
/// The time a signal's handling clocks run on. Most signals run on <see cref="WorkingTime.Netherlands"/> (office hours,
/// no weekends or Dutch holidays); an emergency runs on <see cref="RoundTheClock"/>: "someone looks within an hour"
/// must not turn into Monday morning for a report made on Saturday night. Which one a signal gets is decided in one
/// place, <see cref="SignalClocks.TimeOf"/>.
/// </summary>
public interface IHandlingTime
{
    /// <summary>The moment <paramref name="hours"/> hours of this time after <paramref name="start"/>.</summary>
    DateTimeOffset AddHours(DateTimeOffset start, double hours);

    /// <summary>The deadline <paramref name="days"/> days of this time after <paramref name="start"/>.</summary>
    DateTimeOffset AddDays(DateTimeOffset start, int days);

    /// <summary>How much of this time lies between two moments (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    TimeSpan Between(DateTimeOffset from, DateTimeOffset to);
}

/// <summary>Every hour counts, nights, weekends and holidays included; a day is 24 hours from the start.</summary>
public sealed class RoundTheClock : IHandlingTime
{
    public static RoundTheClock Instance { get; } = new();

    private RoundTheClock() { }

    public DateTimeOffset AddHours(DateTimeOffset start, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        return start.AddHours(hours);
    }

    public DateTimeOffset AddDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        return start.AddDays(days);
    }

    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to) => to > from ? to - from : TimeSpan.Zero;
}
