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
    public static DurationStats Of(IReadOnlyCollection<Duration> list)
    {
        var working = new double[list.Count];
        var calendar = new double[list.Count];
        var i = 0;
        foreach (var d in list) { working[i] = d.WorkingMinutes / 60.0; calendar[i++] = d.CalendarMinutes / 60.0; }
        Array.Sort(working);
        Array.Sort(calendar);
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
        // One pass over the facts: each one feeds the total, its group and its month; durations are sorted once per
        // group at the end. A year's report reads about a hundred thousand facts.
        var read = 0;
        int confidentialReceived = 0, confidentialOpen = 0;
        var total = new FiguresBuilder();
        var groups = new Dictionary<string, FiguresBuilder>(StringComparer.Ordinal);
        var months = new Dictionary<(int Year, int Month), FiguresBuilder>();
        var recurring = new Dictionary<(string Location, string Category), (List<DateOnly> Days, int Open)>();
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
            var key = KeyOf(f, grouping, reference);
            total.Add(f, now);
            total.Bounced += f.Bounces.Count;
            Get(groups, key).Add(f, now);
            // Under organisation grouping a bounce counts for the organisation that let the signal go; an organisation
            // that only bounced signals still gets its row: it is the one to ask.
            if (grouping == ReportGrouping.Organisation) foreach (var bounce in f.Bounces) Get(groups, bounce.Organisation).Bounced++;
            else Get(groups, key).Bounced += f.Bounces.Count;
            var month = Get(months, (f.Day.Year, f.Day.Month));
            month.Add(f, now);
            month.Bounced += f.Bounces.Count;
            var problem = (f.LocationId, f.Subcategory ?? f.Category);
            var (days, open) = recurring.TryGetValue(problem, out var found) ? found : ([], 0);
            days.Add(f.Day);
            recurring[problem] = (days, open + (f.IsOpen ? 1 : 0));
        }

        var rows = groups.Select(g => new ReportRow(g.Key, LabelOf(g.Key, grouping, reference), g.Value.Build(now)))
            .OrderByDescending(r => r.Figures.Received).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        // Every month of the period appears, also the quiet ones: a gap in a chart is a figure too.
        var trend = new List<TrendPoint>();
        for (var m = new DateOnly(filter.From.Year, filter.From.Month, 1); m <= filter.To; m = m.AddMonths(1))
            trend.Add(new TrendPoint(m.Year, m.Month, (months.TryGetValue((m.Year, m.Month), out var b) ? b : new FiguresBuilder()).Build(now)));
        var problems = recurring.Where(r => r.Value.Days.Count >= RecurringFloor)
            .Select(r => new RecurringProblem(r.Key.Location, reference.Locations.TryGetValue(r.Key.Location, out var l) ? l.Name : r.Key.Location,
                r.Key.Category, reference.Categories.TryGet(r.Key.Category, out var c) ? c.NameIn("nl") : r.Key.Category, r.Value.Days.Count,
                r.Value.Open, r.Value.Days.Order().ToList()))
            .OrderByDescending(r => r.Count).ThenBy(r => r.Dates[0])
            .ToList();

        return new ResponseTimeReport(filter, grouping, now, total.Build(now), rows, trend, problems, confidentialReceived, confidentialOpen, read);

        static FiguresBuilder Get<TKey>(Dictionary<TKey, FiguresBuilder> map, TKey key) where TKey : notnull
        {
            if (!map.TryGetValue(key, out var builder)) map[key] = builder = new FiguresBuilder();
            return builder;
        }
    }

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

}

/// <summary>Collects one group's figures fact by fact; <see cref="Build"/> sorts each duration once.</summary>
internal sealed class FiguresBuilder
{
    private readonly List<Duration> _accept = [], _firstResponse = [], _resolution = [];
    private readonly List<double> _openAges = [];
    private int _received, _accepted, _acceptedInTime, _resolved, _resolvedInTime, _overdue, _reopened, _yes, _no, _forwarded, _passedOn;
    public int Bounced { get; set; }

    public void Add(SignalFact f, DateTimeOffset now)
    {
        _received++;
        if (f.AcceptedInTime is { } inTime) { _accepted++; if (inTime) _acceptedInTime++; }
        if (f.ToAccept is { } a) _accept.Add(a);
        if (f.ToFirstResponse is { } r) _firstResponse.Add(r);
        if (f.ToResolution is { } d) _resolution.Add(d);
        if (f.ResolvedAt is not null) { _resolved++; if (f.ResolvedInTime) _resolvedInTime++; }
        if (f.IsOpen)
        {
            _openAges.Add((now - f.ReceivedAt).TotalDays);
            if (f.IsOverdue(now)) _overdue++;
        }
        if (f.Reopened > 0) _reopened++;
        _yes += f.SolvedYes;
        _no += f.SolvedNo;
        if (f.Forwards > 0) _forwarded++;
        if (f.HandOffs > 1) _passedOn++;
    }

    public GroupFigures Build(DateTimeOffset now)
    {
        _openAges.Sort();
        return new GroupFigures(_received, _accepted, _acceptedInTime, DurationStats.Of(_accept), DurationStats.Of(_firstResponse),
            DurationStats.Of(_resolution), _resolved, _resolvedInTime, _openAges.Count,
            Statistics.Median(_openAges) is { } m ? Math.Round(m, 1) : null, _openAges.Count > 0 ? Math.Round(_openAges[^1], 1) : null,
            _overdue, _reopened, _yes, _no, _forwarded, _passedOn, Bounced);
    }
}
