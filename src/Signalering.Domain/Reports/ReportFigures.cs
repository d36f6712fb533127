using System.Globalization;

namespace Signalering.Domain.Reports;

/// <summary>
/// One published figure: a number, "no data" (null), or suppressed ("&lt;5") because it rests on fewer than
/// <see cref="ReportFigures.SuppressBelow"/> signals.
/// </summary>
public readonly record struct Figure(double? Value, bool Suppressed)
{
    public static readonly Figure None = new(null, false);
    public static readonly Figure Small = new(null, true);

    public override string ToString() =>
        Suppressed ? ReportFigures.SuppressedText : Value is { } v ? v.ToString(v == Math.Floor(v) ? "0" : "0.0", CultureInfo.InvariantCulture) : "";

    /// <summary>Dutch notation (decimal comma) for the dashboard and the CSV a policy officer opens in Excel.</summary>
    public string ToDutch() =>
        Suppressed ? ReportFigures.SuppressedText : Value is { } v ? v.ToString(v == Math.Floor(v) ? "0" : "0.0", ReportFigures.Dutch) : "–";
}

/// <summary>A column of the response-time report: its stable key, its Dutch header, and how it reads a group's figures.</summary>
public sealed record ReportColumn(string Key, string Header, Func<GroupFigures, Figure> Read);

/// <summary>
/// What may be published of <see cref="GroupFigures"/>: every count of 1 to 4 becomes "&lt;5", and so does every
/// share, median, percentile or age computed over fewer than 5 signals — a median of three signals at one small
/// location says more about three people than about an organisation. Zero stays zero: that nobody reported
/// anything identifies no one.
/// </summary>
public static class ReportFigures
{
    public const int SuppressBelow = 5;
    public const string SuppressedText = "<5";
    public static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Figure Count(int n) => n is > 0 and < SuppressBelow ? Figure.Small : new Figure(n, false);

    /// <summary>A percentage (0–100, one decimal) of <paramref name="part"/> in <paramref name="of"/>.</summary>
    public static Figure Share(int part, int of) =>
        of == 0 ? Figure.None : of < SuppressBelow ? Figure.Small : new Figure(Math.Round(100.0 * part / of, 1), false);

    /// <summary>A statistic over <paramref name="basis"/> signals.</summary>
    public static Figure Over(double? value, int basis) =>
        basis == 0 || value is null ? Figure.None : basis < SuppressBelow ? Figure.Small : new Figure(value, false);

    public static readonly IReadOnlyList<ReportColumn> Columns =
    [
        new("received", "Ontvangen", g => Count(g.Received)),
        new("acceptedInTimePct", "Op tijd geaccepteerd (%)", g => Share(g.AcceptedInTime, g.Accepted)),
        .. Durations("accept", "accepteren", g => g.ToAccept),
        .. Durations("firstResponse", "eerste antwoord", g => g.ToFirstResponse),
        .. Durations("resolution", "oplossing", g => g.ToResolution),
        new("resolvedInTimePct", "Op tijd opgelost (%)", g => Share(g.ResolvedInTime, g.Resolved)),
        new("open", "Open", g => Count(g.Open)),
        new("openMedianAgeDays", "Open: mediane leeftijd (dagen)", g => Over(g.OpenMedianAgeDays, g.Open)),
        new("openOldestAgeDays", "Open: oudste (dagen)", g => Over(g.OpenOldestAgeDays, g.Open)),
        new("overdueNow", "Nu over tijd", g => Count(g.OverdueNow)),
        new("reopenedPct", "Heropend (%)", g => Share(g.Reopened, g.Received)),
        new("solvedYes", "'Opgelost?' ja", g => Count(g.SolvedYes)),
        new("solvedNo", "'Opgelost?' nee", g => Count(g.SolvedNo)),
        new("forwardedPct", "Doorgestuurd (%)", g => Share(g.Forwarded, g.Received)),
        new("passedOnMoreThanOnce", "Vaker dan eens doorgegeven", g => Count(g.PassedOnMoreThanOnce)),
        new("bouncedBack", "Terug naar triage (niet op tijd / niet van ons)", g => Count(g.BouncedBack)),
    ];

    private static IEnumerable<ReportColumn> Durations(string key, string what, Func<GroupFigures, DurationStats> of) =>
    [
        new($"{key}MedianWorkingHours", $"Tijd tot {what}: mediaan (werkuren)", g => Over(of(g).MedianWorkingHours, of(g).Count)),
        new($"{key}P90WorkingHours", $"Tijd tot {what}: 90e percentiel (werkuren)", g => Over(of(g).P90WorkingHours, of(g).Count)),
        new($"{key}MedianCalendarHours", $"Tijd tot {what}: mediaan (kalenderuren)", g => Over(of(g).MedianCalendarHours, of(g).Count)),
        new($"{key}P90CalendarHours", $"Tijd tot {what}: 90e percentiel (kalenderuren)", g => Over(of(g).P90CalendarHours, of(g).Count)),
    ];
}
