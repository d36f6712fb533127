using System.Globalization;
using Signalering.Domain;
using Signalering.Domain.Clocks;
using Signalering.Domain.Intake;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Reports;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Features.Processing;

namespace Signalering.Functions.Features.Reports;

/// <summary>The query of a report, as the API and the dashboard take it (all optional; dates as yyyy-mm-dd).</summary>
public sealed record ReportQuery(string? From, string? To, string? GroupBy, string? Organisation, string? Category, string? Location,
    string? LocationType, string? TargetGroup)
{
    /// <summary>The twelve months up to today, per organisation.</summary>
    public static readonly ReportQuery Default = new(null, null, null, null, null, null, null, null);
}

/// <summary>What asking for the response-time report came to.</summary>
public abstract record ReportResult
{
    /// <summary>The report, with how many aggregate cells it read and the reference data its labels and filters come from.</summary>
    public sealed record Ready(ResponseTimeReport Report, int CellsRead, ReferenceSet Reference) : ReportResult;
    /// <summary>The query names something that does not exist or is no date: each error names its field.</summary>
    public sealed record Invalid(IReadOnlyList<FieldError> Errors, ReferenceSet Reference) : ReportResult;
}

/// <summary>What asking for a year's complaints register came to.</summary>
public abstract record RegisterResult
{
    public sealed record Ready(ComplaintRegister Register) : RegisterResult;
    public sealed record Invalid(FieldError Error) : RegisterResult;
}

/// <summary>
/// The municipality's reports: the use case behind the reports API, the dashboard and the Open311 feed. Figures come
/// from the aggregates (<see cref="ReportAggregates"/>), never from a scan of the signals; published figures have small
/// cells suppressed (<see cref="ReportFigures"/>), and the public feed gets only what <see cref="PublicDisclosure"/> lets out.
/// </summary>
public sealed class ReportsService(ReportAggregates aggregates, ReferenceDataProvider reference, TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, ReportGrouping> Groupings = new Dictionary<string, ReportGrouping>
    {
        ["organisation"] = ReportGrouping.Organisation, ["category"] = ReportGrouping.Category, ["location"] = ReportGrouping.Location,
        ["locationType"] = ReportGrouping.LocationType, ["targetGroup"] = ReportGrouping.TargetGroup,
    };

    /// <summary>The query-string name of a grouping.</summary>
    public static string KeyOf(ReportGrouping grouping) => Groupings.First(g => g.Value == grouping).Key;

    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<ReportResult> ResponseTimesAsync(ReportQuery query, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        var now = time.GetUtcNow();
        var (filter, grouping, errors) = Parse(query, set, now);
        if (filter is null) return new ReportResult.Invalid(errors, set);
        var (report, cells) = await aggregates.ReportAsync(filter, grouping, now, ct);
        return new ReportResult.Ready(report, cells, set);
    }

    /// <summary>The Awb 9:12a register of <paramref name="year"/> (default: this year).</summary>
    public async Task<RegisterResult> ComplaintsRegisterAsync(string? year, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var y = WorkingTime.InDutchTime(now).Year;
        if (!string.IsNullOrEmpty(year) && (!int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out y) || y < 2000 || y > 9999))
            return new RegisterResult.Invalid(new("year", "Give a year such as 2026."));
        var facts = await aggregates.FactsAsync(new DateOnly(y, 1, 1), new DateOnly(y, 12, 31), ct);
        return new RegisterResult.Ready(ComplaintRegister.Build(y, facts, await reference.GetAsync(ct), now));
    }

    /// <summary>
    /// The facts of the signals received from <paramref name="from"/> to <paramref name="to"/> that may be public: only
    /// through <see cref="PublicDisclosure.Filter"/> (public topics, never urgent or confidential, groups of at least five).
    /// </summary>
    public Task<(IReadOnlyList<SignalFact> Facts, ReferenceSet Reference)> PublicFactsAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken ct) =>
        PublicFactsAsync(WorkingTime.DutchDate(from), WorkingTime.DutchDate(to), f => f.ReceivedAt >= from && f.ReceivedAt <= to, ct);

    /// <summary>The public facts of whole Dutch days, <paramref name="from"/> to <paramref name="to"/>.</summary>
    public Task<(IReadOnlyList<SignalFact> Facts, ReferenceSet Reference)> PublicFactsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        PublicFactsAsync(from, to, _ => true, ct);

    private async Task<(IReadOnlyList<SignalFact> Facts, ReferenceSet Reference)> PublicFactsAsync(DateOnly from, DateOnly to, Func<SignalFact, bool> within,
        CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        var facts = await aggregates.FactsAsync(from, to, ct);
        return (PublicDisclosure.Filter(facts.Where(within), set.Categories), set);
    }

    /// <summary>Checks a query against the reference data; the default period is the twelve months up to today.</summary>
    private static (ReportFilter? Filter, ReportGrouping Grouping, List<FieldError> Errors) Parse(ReportQuery q, ReferenceSet set, DateTimeOffset now)
    {
        var errors = new List<FieldError>();
        var today = WorkingTime.DutchDate(now);
        var to = Date(q.To, "to") ?? today;
        var from = Date(q.From, "from") ?? new DateOnly(to.Year, to.Month, 1).AddMonths(-11);
        var grouping = ReportGrouping.Organisation;
        if (!string.IsNullOrEmpty(q.GroupBy) && !Groupings.TryGetValue(q.GroupBy, out grouping))
            errors.Add(new("groupBy", $"Group by one of: {string.Join(", ", Groupings.Keys)}."));
        if (q.Organisation is { Length: > 0 } o && !set.Organisations.ContainsKey(o)) errors.Add(new("organisation", $"Unknown organisation '{o}'."));
        if (q.Category is { Length: > 0 } c && !set.Categories.TryGet(c, out _)) errors.Add(new("category", $"Unknown category '{c}'."));
        if (q.Location is { Length: > 0 } l && !set.Locations.ContainsKey(l)) errors.Add(new("location", $"Unknown location '{l}'."));
        if (q.LocationType is { Length: > 0 } t && !Enum.GetValues<Domain.Locations.LocationType>().Any(x => ResponseTimeReport.LocationTypeCode(x) == t))
            errors.Add(new("locationType", $"Unknown location type '{t}'."));
        if (q.TargetGroup is { Length: > 0 } g && !Enum.GetValues<Domain.Locations.LocationType>().Any(x => TargetGroups.Of(x) == g))
            errors.Add(new("targetGroup", $"Unknown target group '{g}'."));
        if (errors.Count > 0) return (null, grouping, errors);
        try
        {
            return (ReportFilter.Create(from, to, Empty(q.Organisation), Empty(q.Category), Empty(q.Location), Empty(q.LocationType), Empty(q.TargetGroup)),
                grouping, errors);
        }
        catch (DomainException e)
        {
            errors.Add(new(e.Field ?? "from", e.Message));
            return (null, grouping, errors);
        }

        DateOnly? Date(string? value, string field)
        {
            if (string.IsNullOrEmpty(value)) return null;
            // Years outside 2000–2999 hold no signals, and month arithmetic near DateOnly's limits throws.
            if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d.Year is >= 2000 and <= 2999)
                return d;
            errors.Add(new(field, "Give a date as yyyy-mm-dd, from the year 2000 on."));
            return null;
        }
        static string? Empty(string? s) => string.IsNullOrEmpty(s) ? null : s;
    }
}
