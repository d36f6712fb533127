using Signalering.Domain.Clocks;
using Signalering.Domain.ReferenceData;

namespace Signalering.Domain.Reports;

/// <summary>How report rows are grouped.</summary>
public enum ReportGrouping { Organisation, Category, Location, LocationType, TargetGroup }

/// <summary>Which signals a report covers: received on <see cref="From"/> up to and including <see cref="To"/> (Dutch dates), optionally narrowed.</summary>
public sealed record ReportFilter(DateOnly From, DateOnly To, string? Organisation = null, string? Category = null, string? Location = null,
    string? LocationType = null, string? TargetGroup = null)
{
    public const int MaxDays = 3 * 366 + 1;

    public static ReportFilter Create(DateOnly from, DateOnly to, string? organisation = null, string? category = null, string? location = null,
        string? locationType = null, string? targetGroup = null)
    {
        if (to < from) throw new DomainException("The period ends before it starts.", "to");
        if (to.DayNumber - from.DayNumber >= MaxDays) throw new DomainException("A report covers at most three years.", "from");
        return new ReportFilter(from, to, organisation, category, location, locationType, targetGroup);
    }

    public bool Covers(DateOnly day) => day >= From && day <= To;
}

/// <summary>
/// Figures of one group. Counts and durations are exact; <see cref="ReportFigures.Suppress"/> turns them into what
/// may be published. Durations are hours: working hours (paused while awaiting the resident) and calendar hours.
/// </summary>
public sealed record GroupFigures(
    int Received,
    int Accepted,
    int AcceptedInTime,
    DurationStats ToAccept,
    DurationStats ToFirstResponse,
    DurationStats ToResolution,
    int Resolved,
    int ResolvedInTime,
    int Open,
    double? OpenMedianAgeDays,
    double? OpenOldestAgeDays,
    int OverdueNow,
    int Reopened,
    int SolvedYes,
    int SolvedNo,
    int Forwarded,
    int PassedOnMoreThanOnce,
    int BouncedBack);

/// <summary>Median and 90th percentile of one duration, in working hours and in calendar hours, over <see cref="Count"/> signals.</summary>
public sealed record DurationStats(int Count, double? MedianWorkingHours, double? P90WorkingHours, double? MedianCalendarHours, double? P90CalendarHours)
{
    public static DurationStats Of(IEnumerable<Duration> durations)
    {
        var list = durations.ToList();
        var working = list.Select(d => d.WorkingMinutes / 60.0).Order().ToList();
        var calendar = list.Select(d => d.CalendarMinutes / 60.0).Order().ToList();
        return new DurationStats(list.Count, Round(Statistics.Median(working)), Round(Statistics.Percentile(working, 0.9)),
            Round(Statistics.Median(calendar)), Round(Statistics.Percentile(calendar, 0.9)));
    }

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 1) : null;
}

public sealed record ReportRow(string Key, string Label, GroupFigures Figures);

/// <summary>One month of the trend: the same figures, for the signals received that month.</summary>
public sealed record TrendPoint(int Year, int Month, GroupFigures Figures);

/// <summary>The same subcategory reported again and again at one location: the dates tell since when.</summary>
public sealed record RecurringProblem(string LocationId, string LocationName, string Category, string CategoryName, int Count, int OpenNow,
    IReadOnlyList<DateOnly> Dates);

/// <summary>
/// The response-time report over a set of facts. Signals in the confidential channel are left out of every group
/// and counted apart (<see cref="ConfidentialReceived"/>, <see cref="ConfidentialOpen"/>): grouping them by
/// location or category could point at a person.
/// </summary>
public sealed record ResponseTimeReport(ReportFilter Filter, ReportGrouping Grouping, DateTimeOffset Now, GroupFigures Total,
    IReadOnlyList<ReportRow> Rows, IReadOnlyList<TrendPoint> Trend, IReadOnlyList<RecurringProblem> Recurring, int ConfidentialReceived,
    int ConfidentialOpen, int FactsRead)
{
    /// <summary>The fewest signals at one location and subcategory that count as a recurring problem; also the publication floor.</summary>
    public const int RecurringFloor = ReportFigures.SuppressBelow;

    public static ResponseTimeReport Build(IEnumerable<SignalFact> facts, ReferenceSet reference, ReportFilter filter, ReportGrouping grouping,
        DateTimeOffset now)
    {
        var read = 0;
        var inPeriod = new List<SignalFact>();
        int confidentialReceived = 0, confidentialOpen = 0;
        foreach (var f in facts)
        {
            read++;
            if (!filter.Covers(f.Day) || !Matches(f, reference, filter)) continue;
            if (f.Confidential)
            {
                confidentialReceived++;
                if (f.IsOpen) confidentialOpen++;
                continue;
            }
            inPeriod.Add(f);
        }

        var rows = inPeriod
            .GroupBy(f => KeyOf(f, grouping, reference))
            .Select(g => new ReportRow(g.Key, LabelOf(g.Key, grouping, reference), Figures(g, now, BouncesIn(inPeriod, g.Key, grouping, reference))))
            .ToList();
        // Under organisation grouping, an organisation that only bounced signals still gets its row: it is the one to ask.
        if (grouping == ReportGrouping.Organisation)
            foreach (var org in inPeriod.SelectMany(f => f.Bounces).Select(b => b.Organisation).Distinct().Where(o => rows.All(r => r.Key != o)).ToList())
                rows.Add(new ReportRow(org, LabelOf(org, grouping, reference), Figures([], now, BouncesIn(inPeriod, org, grouping, reference))));
        rows = rows.OrderByDescending(r => r.Figures.Received).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();

        var trend = inPeriod.GroupBy(f => (f.Day.Year, f.Day.Month))
            .Select(g => new TrendPoint(g.Key.Year, g.Key.Month, Figures(g, now, g.Sum(f => f.Bounces.Count))))
            .ToList();
        // Every month of the period appears, also the quiet ones: a gap in a chart is a figure too.
        for (var m = new DateOnly(filter.From.Year, filter.From.Month, 1); m <= filter.To; m = m.AddMonths(1))
            if (!trend.Any(t => t.Year == m.Year && t.Month == m.Month))
                trend.Add(new TrendPoint(m.Year, m.Month, Figures([], now, 0)));
        trend = trend.OrderBy(t => t.Year).ThenBy(t => t.Month).ToList();

        var recurring = inPeriod.GroupBy(f => (f.LocationId, Category: f.Subcategory ?? f.Category))
            .Where(g => g.Count() >= RecurringFloor)
            .Select(g => new RecurringProblem(g.Key.LocationId, reference.Locations.TryGetValue(g.Key.LocationId, out var l) ? l.Name : g.Key.LocationId,
                g.Key.Category, reference.Categories.TryGet(g.Key.Category, out var c) ? c.NameIn("nl") : g.Key.Category, g.Count(),
                g.Count(f => f.IsOpen), g.Select(f => f.Day).Order().ToList()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Dates[0])
            .ToList();

        return new ResponseTimeReport(filter, grouping, now, Figures(inPeriod, now, inPeriod.Sum(f => f.Bounces.Count)), rows, trend, recurring,
            confidentialReceived, confidentialOpen, read);
    }

    private static int BouncesIn(List<SignalFact> facts, string key, ReportGrouping grouping, ReferenceSet reference) =>
        grouping == ReportGrouping.Organisation
            ? facts.Sum(f => f.Bounces.Count(b => b.Organisation == key))
            : facts.Where(f => KeyOf(f, grouping, reference) == key).Sum(f => f.Bounces.Count);

    private static bool Matches(SignalFact f, ReferenceSet reference, ReportFilter filter)
    {
        if (filter.Organisation is { } o && f.Organisation != o && f.Bounces.All(b => b.Organisation != o)) return false;
        if (filter.Category is { } c && f.Category != c && f.Subcategory != c) return false;
        if (filter.Location is { } l && f.LocationId != l) return false;
        if (filter.LocationType is { } t && KeyOf(f, ReportGrouping.LocationType, reference) != t) return false;
        if (filter.TargetGroup is { } g && KeyOf(f, ReportGrouping.TargetGroup, reference) != g) return false;
        return true;
    }

    public static string KeyOf(SignalFact f, ReportGrouping grouping, ReferenceSet reference) => grouping switch
    {
        ReportGrouping.Organisation => f.Organisation ?? "-",
        ReportGrouping.Category => f.Category,
        ReportGrouping.Location => f.LocationId,
        ReportGrouping.LocationType => reference.Locations.TryGetValue(f.LocationId, out var l) ? LocationTypeCode(l.Type) : "-",
        ReportGrouping.TargetGroup => reference.Locations.TryGetValue(f.LocationId, out var l2) ? TargetGroups.Of(l2.Type) : "-",
        _ => throw new ArgumentOutOfRangeException(nameof(grouping)),
    };

    public static string LocationTypeCode(Locations.LocationType type) => type switch
    {
        Locations.LocationType.Azc => "azc",
        Locations.LocationType.UkrainianReception => "oekraiense-opvang",
        Locations.LocationType.LabourMigrantHousing => "arbeidsmigrantenhuisvesting",
        Locations.LocationType.FirstHome => "eerste-woning",
        _ => "-",
    };

    public static string LabelOf(string key, ReportGrouping grouping, ReferenceSet reference) => grouping switch
    {
        ReportGrouping.Organisation => reference.Organisations.TryGetValue(key, out var o) ? o.Name : key == "-" ? "Nog niet gerouteerd" : key,
        ReportGrouping.Category => reference.Categories.TryGet(key, out var c) ? c.NameIn("nl") : key,
        ReportGrouping.Location => reference.Locations.TryGetValue(key, out var l) ? l.Name : key,
        ReportGrouping.LocationType => key switch
        {
            "azc" => "Azc", "oekraiense-opvang" => "Opvang Oekraïners", "arbeidsmigrantenhuisvesting" => "Huisvesting arbeidsmigranten",
            "eerste-woning" => "Eerste woning statushouders", _ => key,
        },
        ReportGrouping.TargetGroup => TargetGroups.DutchName(key),
        _ => key,
    };

    private static GroupFigures Figures(IEnumerable<SignalFact> group, DateTimeOffset now, int bounced)
    {
        var list = group as IReadOnlyCollection<SignalFact> ?? group.ToList();
        var open = list.Where(f => f.IsOpen).ToList();
        var ages = open.Select(f => (now - f.ReceivedAt).TotalDays).Order().ToList();
        return new GroupFigures(
            Received: list.Count,
            Accepted: list.Count(f => f.AcceptedInTime is not null),
            AcceptedInTime: list.Count(f => f.AcceptedInTime == true),
            ToAccept: DurationStats.Of(list.Where(f => f.ToAccept is not null).Select(f => f.ToAccept!.Value)),
            ToFirstResponse: DurationStats.Of(list.Where(f => f.ToFirstResponse is not null).Select(f => f.ToFirstResponse!.Value)),
            ToResolution: DurationStats.Of(list.Where(f => f.ToResolution is not null).Select(f => f.ToResolution!.Value)),
            Resolved: list.Count(f => f.ResolvedAt is not null),
            ResolvedInTime: list.Count(f => f.ResolvedAt is not null && f.ResolvedInTime),
            Open: open.Count,
            OpenMedianAgeDays: Statistics.Median(ages) is { } m ? Math.Round(m, 1) : null,
            OpenOldestAgeDays: ages.Count > 0 ? Math.Round(ages[^1], 1) : null,
            OverdueNow: open.Count(f => f.IsOverdue(now)),
            Reopened: list.Count(f => f.Reopened > 0),
            SolvedYes: list.Sum(f => f.SolvedYes),
            SolvedNo: list.Sum(f => f.SolvedNo),
            Forwarded: list.Count(f => f.Forwards > 0),
            PassedOnMoreThanOnce: list.Count(f => f.HandOffs > 1),
            BouncedBack: bounced);
    }
}
