using Signalering.Domain.Categories;
using Signalering.Domain.Texts;

namespace Signalering.Domain.Clocks;

/// <summary>
/// A handling promise as a resident reads it: in days on the calendar, counted from the Dutch date the clocks
/// started ("by tomorrow", "within 3 days"), not in working hours, which mean little to someone who does not know
/// our working week. Both counts come from the same working-time deadlines as the staff's clocks
/// (<see cref="SignalClocks.PromisedBy"/>), taken to the date each deadline falls on, so the words never promise
/// sooner than the clock runs out.
/// </summary>
/// <param name="LookWithinDays">Calendar days until someone looks at the signal: 0 is today, 1 tomorrow.</param>
/// <param name="SolveWithinDays">Calendar days until it should be solved; at least 1.</param>
public readonly record struct ResidentPromise(int LookWithinDays, int SolveWithinDays)
{
    /// <summary>The promise for a signal whose clocks start at <paramref name="start"/> (routing, or receipt before it).</summary>
    public static ResidentPromise From(HandlingPromise promise, DateTimeOffset start)
    {
        var (acknowledgeBy, resolveBy) = SignalClocks.PromisedBy(promise, start);
        var today = WorkingTime.DutchDate(start).DayNumber;
        return new(WorkingTime.DutchDate(acknowledgeBy).DayNumber - today, WorkingTime.DutchDate(resolveBy).DayNumber - today);
    }

    /// <summary>"When will someone look at it": today, tomorrow, or within n days with the language's plural.</summary>
    public string LookText(ResidentTexts texts, string language) => LookWithinDays switch
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
