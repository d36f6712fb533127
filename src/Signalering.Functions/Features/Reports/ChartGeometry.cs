using System.Globalization;
using Signalering.Domain.Reports;

namespace Signalering.Functions.Features.Reports;

/// <summary>
/// The drawing area the dashboard's charts share (<see cref="BarChart"/>, <see cref="LineChart"/>): made to be printed in
/// black and white and photocopied into a council report, so no colour carries meaning, series differ by dash pattern
/// and marker shape, and every value is written next to its bar or point. Numbers only: no user text is drawn here.
/// </summary>
public static class ChartGeometry
{
    public const int Width = 760, Height = 280, Left = 48, Right = 16, Top = 24, Bottom = 40;
    public const int PlotHeight = Height - Top - Bottom;
    public const int AxisY = Height - Bottom;

    /// <summary>An empty chart says so rather than showing bare axes someone might read as zero.</summary>
    public const string TooFew = "te weinig meldingen";

    /// <summary>The width of one month's slot on the x-axis.</summary>
    public static double Step(int count) => (Width - Left - Right) / (double)Math.Max(1, count);

    /// <summary>The axis top: four equal steps of 1, 2 or 5 × 10ⁿ, so every tick is a round number.</summary>
    public static double NiceTop(double max)
    {
        var raw = Math.Max(1, max) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(m => m >= raw);
        return Math.Max(1, step) * 4;
    }

    /// <summary>The y of <paramref name="value"/> on an axis from 0 to <paramref name="top"/>.</summary>
    public static double Y(double value, double top) => AxisY - PlotHeight * value / top;

    /// <summary>The four gridlines above the x-axis with their labels, from 0 to <paramref name="top"/>.</summary>
    public static IEnumerable<(double Y, string Label)> Ticks(double top, string unit = "") =>
        Enumerable.Range(0, 5).Select(i => (AxisY - PlotHeight * i / 4.0, Math.Round(top * i / 4).ToString("0", CultureInfo.InvariantCulture) + unit));

    /// <summary>Whether a figure has something to draw: suppressed ("&lt;5") and missing figures draw nothing.</summary>
    public static bool Drawable(Figure f) => f.Value is > 0 && !f.Suppressed;

    public static string Id(string title) => "chart-" + Math.Abs(StringComparer.Ordinal.GetHashCode(title) % 100000).ToString(CultureInfo.InvariantCulture);

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
