namespace Signalering.Domain.Clocks;

/// <summary>
/// Working time as the handling-time promises mean it: Monday to Friday, 09:00–17:00 Dutch time, not on Dutch public
/// holidays (<see cref="DutchHolidays"/>). "Acknowledge within 16 working hours" for a signal received on Friday at
/// 16:00 therefore ends on Tuesday at 16:00. Times are in and out in UTC; the Dutch day (with summer time) is applied
/// inside.
/// </summary>
public sealed class WorkingTime : IHandlingTime
{
    public static readonly TimeOnly DayStart = new(9, 0), DayEnd = new(17, 0);
    public static readonly TimeSpan HoursPerDay = DayEnd - DayStart;

    /// <summary>Dutch time (CET/CEST): what every deadline and every time shown to a person is in.</summary>
    public static readonly TimeZoneInfo DutchZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static WorkingTime Netherlands { get; } = new(DutchZone);

    public static DateTimeOffset InDutchTime(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, DutchZone);

    /// <summary>The Dutch date of a moment. The zone's offset is looked up once per UTC hour: reports ask this of every signal.</summary>
    public static DateOnly DutchDate(DateTimeOffset at)
    {
        var hour = at.ToUnixTimeSeconds() / 3600;
        if (!OffsetByHour.TryGetValue(hour, out var offset))
            OffsetByHour[hour] = offset = DutchZone.GetUtcOffset(at.UtcDateTime);
        return DateOnly.FromDateTime(at.UtcDateTime + offset);
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<long, TimeSpan> OffsetByHour = new();

    private readonly TimeZoneInfo _zone;

    public WorkingTime(TimeZoneInfo zone) => _zone = zone;

    public bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !DutchHolidays.IsHoliday(date);

    /// <summary>The moment <paramref name="hours"/> working hours after <paramref name="start"/>.</summary>
    public DateTimeOffset AddWorkingHours(DateTimeOffset start, double hours)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hours);
        if (hours == 0) return start; // 17:00 and the next 09:00 are the same working moment; keep the one given
        var local = TimeZoneInfo.ConvertTime(start, _zone).DateTime;
        var left = TimeSpan.FromHours(hours);
        var cursor = Clamp(local);
        while (true)
        {
            var dayEnd = cursor.Date + DayEnd.ToTimeSpan();
            var available = dayEnd - cursor;
            if (left <= available) return ToUtc(cursor + left);
            left -= available;
            cursor = NextDayStart(cursor.Date);
        }
    }

    /// <summary>The end of the working day that is <paramref name="days"/> working days after <paramref name="start"/>'s day.</summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = DateOnly.FromDateTime(Clamp(TimeZoneInfo.ConvertTime(start, _zone).DateTime));
        for (var added = 0; added < days;)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date)) added++;
        }
        return ToUtc(date.ToDateTime(DayEnd));
    }

    DateTimeOffset IHandlingTime.AddHours(DateTimeOffset start, double hours) => AddWorkingHours(start, hours);
    DateTimeOffset IHandlingTime.AddDays(DateTimeOffset start, int days) => AddWorkingDays(start, days);

    /// <summary>Working time between two moments (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from) return TimeSpan.Zero;
        var a = Clamp(TimeZoneInfo.ConvertTime(from, _zone).DateTime);
        var b = TimeZoneInfo.ConvertTime(to, _zone).DateTime;
        var total = TimeSpan.Zero;
        while (a < b)
        {
            var dayEnd = a.Date + DayEnd.ToTimeSpan();
            total += (b < dayEnd ? b : dayEnd) - a;
            a = NextDayStart(a.Date);
        }
        return total;
    }

    // Moves a local time into working time: before 09:00 to 09:00, after 17:00 or on a day off to the next day's start.
    private DateTime Clamp(DateTime local)
    {
        var date = DateOnly.FromDateTime(local);
        if (!IsWorkingDay(date) || TimeOnly.FromDateTime(local) >= DayEnd) return NextDayStart(local.Date);
        return TimeOnly.FromDateTime(local) < DayStart ? local.Date + DayStart.ToTimeSpan() : local;
    }

    private DateTime NextDayStart(DateTime day)
    {
        var date = DateOnly.FromDateTime(day).AddDays(1);
        while (!IsWorkingDay(date)) date = date.AddDays(1);
        return date.ToDateTime(DayStart);
    }

    private DateTimeOffset ToUtc(DateTime local) =>
        new(TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), _zone), TimeSpan.Zero);
}
