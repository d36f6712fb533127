namespace Signalering.Domain.Clocks;

/// <summary>
/// The public holidays on which Dutch municipalities, COA and most organisations here are closed, so no handling
/// time runs: New Year's Day, Good Friday, Easter Monday, King's Day (27 April, or 26 April when the 27th is a Sunday),
/// Liberation Day (5 May; a day off for government every fifth year: 2025, 2030, …), Ascension Day, Whit Monday,
/// Christmas Day and Boxing Day. Easter and the days that follow it are computed (Gregorian computus), not listed.
/// </summary>
public static class DutchHolidays
{
    public static bool IsHoliday(DateOnly date) => For(date.Year).Contains(date);

    public static IReadOnlySet<DateOnly> For(int year)
    {
        var easter = EasterSunday(year);
        var kingsDay = new DateOnly(year, 4, 27);
        if (kingsDay.DayOfWeek == DayOfWeek.Sunday) kingsDay = kingsDay.AddDays(-1);
        var days = new HashSet<DateOnly>
        {
            new(year, 1, 1),
            easter.AddDays(-2),  // Good Friday
            easter.AddDays(1),   // Easter Monday
            kingsDay,
            easter.AddDays(39),  // Ascension Day
            easter.AddDays(50),  // Whit Monday
            new(year, 12, 25),
            new(year, 12, 26),
        };
        if (year % 5 == 0) days.Add(new DateOnly(year, 5, 5));
        return days;
    }

    /// <summary>Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30, i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31, day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
