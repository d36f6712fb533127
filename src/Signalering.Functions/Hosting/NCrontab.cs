namespace Signalering.Functions.Hosting;

/// <summary>
/// The six-field NCRONTAB schedules of timer triggers ("sec min hour day month day-of-week"), in UTC as on Flex
/// Consumption. Supports what function.json files use: *, n, a-b, */n, a-b/n and comma lists.
/// </summary>
public sealed class NCrontab
{
    private readonly bool[] _seconds, _minutes, _hours, _days, _months, _weekdays;

    private NCrontab(bool[][] fields) =>
        (_seconds, _minutes, _hours, _days, _months, _weekdays) = (fields[0], fields[1], fields[2], fields[3], fields[4], fields[5]);

    public static NCrontab Parse(string expression)
    {
        var parts = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 6) throw new FormatException($"'{expression}' is not a six-field NCRONTAB expression.");
        (int Min, int Max)[] ranges = [(0, 59), (0, 59), (0, 23), (1, 31), (1, 12), (0, 6)];
        return new NCrontab(parts.Select((p, i) => Field(p, ranges[i].Min, ranges[i].Max)).ToArray());
    }

    /// <summary>The first time strictly after <paramref name="after"/> that matches, to the second.</summary>
    public DateTimeOffset Next(DateTimeOffset after)
    {
        var t = after.ToUniversalTime();
        var start = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, TimeSpan.Zero).AddSeconds(1);
        var minute = new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero);
        for (var i = 0; i < 60 * 24 * 366 * 5; i++, minute = minute.AddMinutes(1))
        {
            if (!_months[minute.Month] || !_days[minute.Day] || !_weekdays[(int)minute.DayOfWeek] || !_hours[minute.Hour] || !_minutes[minute.Minute])
                continue;
            var firstSecond = minute == new DateTimeOffset(start.Year, start.Month, start.Day, start.Hour, start.Minute, 0, TimeSpan.Zero) ? start.Second : 0;
            for (var s = firstSecond; s < 60; s++)
                if (_seconds[s]) return minute.AddSeconds(s);
        }
        throw new InvalidOperationException("The schedule never fires.");
    }

    private static bool[] Field(string text, int min, int max)
    {
        var set = new bool[max + 1];
        foreach (var item in text.Split(','))
        {
            var (range, step) = item.Split('/') switch
            {
                [var r] => (r, 1),
                [var r, var s] when int.TryParse(s, out var n) && n > 0 => (r, n),
                _ => throw new FormatException($"Bad NCRONTAB field '{text}'."),
            };
            int from, to;
            if (range == "*") (from, to) = (min, max);
            else if (range.Split('-') is [var a, var b] && int.TryParse(a, out from) && int.TryParse(b, out to)) { }
            else if (int.TryParse(range, out from)) to = step > 1 ? max : from;
            else throw new FormatException($"Bad NCRONTAB field '{text}'.");
            if (from < min || to > max || from > to) throw new FormatException($"NCRONTAB field '{text}' is out of range {min}-{max}.");
            for (var v = from; v <= to; v += step) set[v] = true;
        }
        return set;
    }
}
