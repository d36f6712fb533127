using Signalering.Domain.Categories;
using Signalering.Domain.Texts;

namespace Signalering.Domain.Clocks;

/// <summary>
/// A handling promise as a resident reads it: in days on the calendar, counted from the Dutch date the clocks
/// started ("by tomorrow", "within 3 days"), not in working hours, which mean little to someone who does not know
/// our working week. Both counts come from the same deadlines as the staff's clocks
/// (<see cref="SignalClocks.PromisedBy"/>), taken to the date each deadline falls on, so the words never promise
/// sooner than the clock runs out. An emergency's clock runs round the clock, and its first promise is said in hours:
/// "within an hour", which "today" would not be at half past eleven at night.
/// </summary>
/// <param name="LookWithinDays">Calendar days until someone looks at the signal: 0 is today, 1 tomorrow.</param>
/// <param name="SolveWithinDays">Calendar days until it should be solved; at least 1.</param>
/// <param name="LookWithinAnHour">Someone looks within the hour, whatever the day and time (an emergency).</param>
public readonly record struct ResidentPromise(int LookWithinDays, int SolveWithinDays, bool LookWithinAnHour = false)
{
    /// <summary>The promise <paramref name="s"/> makes now: its clocks start at routing, or at receipt before it.</summary>
    public static ResidentPromise For(Signals.Signal s) => From(s.Promise, s.RoutedAt ?? s.ReceivedAt, SignalClocks.TimeOf(s));

    /// <summary>The promise for clocks that start at <paramref name="start"/> and run on <paramref name="time"/> (working time when not given).</summary>
    public static ResidentPromise From(HandlingPromise promise, DateTimeOffset start, IHandlingTime? time = null)
    {
        time ??= WorkingTime.Netherlands;
        var (acknowledgeBy, resolveBy) = SignalClocks.PromisedBy(promise, start, time);
        var today = WorkingTime.DutchDate(start).DayNumber;
        return new(WorkingTime.DutchDate(acknowledgeBy).DayNumber - today, WorkingTime.DutchDate(resolveBy).DayNumber - today,
            time is RoundTheClock && acknowledgeBy - start <= TimeSpan.FromHours(1));
    }

    /// <summary>"When will someone look at it": within the hour, today, tomorrow, or within n days with the language's plural.</summary>
    public string LookText(ResidentTexts texts, string language) => LookWithinAnHour
        ? texts.Get(language, "promise.lookHour")
        : LookWithinDays switch
        {
            0 => texts.Get(language, "promise.lookToday"),
            1 => texts.Get(language, "promise.lookTomorrow"),
            var days => texts.Plural(language, "promise.lookDays", days),
        };

    /// <summary>"When should it be solved": tomorrow, or within n days with the language's plural.</summary>
    public string SolveText(ResidentTexts texts, string language) => SolveWithinDays <= 1
        ? texts.Get(language, "promise.solveTomorrow")
        : texts.Plural(language, "promise.solveDays", SolveWithinDays);
}
