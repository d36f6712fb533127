namespace Signalering.Domain.Reports;

/// <summary>Exact order statistics over a report's durations (every fact keeps its own durations, so nothing is estimated).</summary>
public static class Statistics
{
    /// <summary>
    /// The <paramref name="p"/>-quantile (0–1) by linear interpolation between the closest ranks: the definition of
    /// Excel's PERCENTILE.INC and numpy's default, so a policy officer can check a figure in a spreadsheet. The
    /// median of an even count is the mean of the two middle values. Null for no values.
    /// </summary>
    public static double? Percentile(IReadOnlyList<double> sorted, double p)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(p, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(p, 1);
        if (sorted.Count == 0) return null;
        var rank = p * (sorted.Count - 1);
        var lower = (int)Math.Floor(rank);
        var upper = Math.Min(lower + 1, sorted.Count - 1);
        return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
    }

    public static double? Median(IReadOnlyList<double> sorted) => Percentile(sorted, 0.5);
}
