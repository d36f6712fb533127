using System.Globalization;
using System.Text;
using Signalering.Domain.Reports;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Reports;

/// <summary>
/// Inline SVG charts for the dashboard. Made to be printed in black and white and photocopied into a council
/// report: no colour carries meaning, series differ by dash pattern and marker shape, every bar carries its value,
/// and each chart repeats its figures in a text description for screen readers. Suppressed months ("&lt;5") show
/// the label without a bar or point, so nobody can read a small number off the axis.
/// </summary>
public static class ReportCharts
{
    private const int Width = 760, Height = 280, Left = 48, Right = 16, Top = 24, Bottom = 40;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Bars(string title, IReadOnlyList<(string Label, Figure Value)> points)
    {
        var id = Id(title);
        var max = NiceTop(points.Count == 0 ? 0 : points.Max(p => p.Value.Value ?? 0));
        var step = (Width - Left - Right) / (double)Math.Max(1, points.Count);
        var b = Open(title, id, points.Select(p => $"{p.Label}: {p.Value.ToDutch()}"));
        Axis(b, max, v => v.ToString("0", Inv));
        for (var i = 0; i < points.Count; i++)
        {
            var (label, value) = points[i];
            var x = Left + i * step + step * 0.15;
            var w = step * 0.7;
            if (value.Value is { } v && v > 0)
            {
                var h = (Height - Top - Bottom) * v / max;
                b.Append($"<rect x=\"{F(x)}\" y=\"{F(Height - Bottom - h)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"#bbb\" stroke=\"#000\"/>");
            }
            var labelY = value.Value is { } v2 ? Height - Bottom - (Height - Top - Bottom) * v2 / max - 4 : Height - Bottom - 4;
            b.Append($"<text x=\"{F(x + w / 2)}\" y=\"{F(labelY)}\" text-anchor=\"middle\" font-size=\"12\">{E(value.ToDutch())}</text>");
            b.Append($"<text x=\"{F(x + w / 2)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"12\">{E(label)}</text>");
        }
        return Close(b, title, id);
    }

    /// <summary>Percentages (0–100) per month, one line per series: solid with circles, dashed with squares, dotted with triangles.</summary>
    public static string Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<(string Name, IReadOnlyList<Figure> Values)> series)
    {
        var id = Id(title);
        string[] dashes = ["", "8 5", "2 4"];
        var step = (Width - Left - Right) / (double)Math.Max(1, labels.Count);
        var desc = labels.Select((l, i) => l + ": " + string.Join(", ", series.Select(s => $"{s.Name} {s.Values[i].ToDutch()}")));
        var b = Open(title, id, desc);
        Axis(b, 100, v => v.ToString("0", Inv) + "%");
        for (var i = 0; i < labels.Count; i++)
            b.Append($"<text x=\"{F(Left + i * step + step / 2)}\" y=\"{Height - Bottom + 16}\" text-anchor=\"middle\" font-size=\"12\">{E(labels[i])}</text>");
        for (var s = 0; s < series.Count; s++)
        {
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < labels.Count; i++)
            {
                if (series[s].Values[i].Value is not { } v) { pen = false; continue; } // a gap, not a zero
                var (x, y) = (Left + i * step + step / 2, Height - Bottom - (Height - Top - Bottom) * v / 100);
                path.Append(pen ? " L" : " M").Append(F(x)).Append(' ').Append(F(y));
                pen = true;
                b.Append(Marker(s, x, y));
            }
            if (path.Length > 0)
                b.Append($"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"{(dashes[s % 3].Length > 0 ? $" stroke-dasharray=\"{dashes[s % 3]}\"" : "")}/>");
            // Legend: the same line and marker, with the series' name.
            var lx = Left + 8 + s * 220;
            b.Append($"<path d=\"M{lx} 10 L{lx + 30} 10\" stroke=\"#000\" stroke-width=\"2\"{(dashes[s % 3].Length > 0 ? $" stroke-dasharray=\"{dashes[s % 3]}\"" : "")}/>")
                .Append(Marker(s, lx + 15, 10))
                .Append($"<text x=\"{lx + 36}\" y=\"14\" font-size=\"12\">{E(series[s].Name)}</text>");
        }
        return Close(b, title, id);
    }

    private static string Marker(int series, double x, double y) => (series % 3) switch
    {
        0 => $"<circle cx=\"{F(x)}\" cy=\"{F(y)}\" r=\"4\" fill=\"#000\"/>",
        1 => $"<rect x=\"{F(x - 4)}\" y=\"{F(y - 4)}\" width=\"8\" height=\"8\" fill=\"#fff\" stroke=\"#000\" stroke-width=\"1.5\"/>",
        _ => $"<path d=\"M{F(x)} {F(y - 5)} L{F(x + 5)} {F(y + 4)} L{F(x - 5)} {F(y + 4)} Z\" fill=\"#000\"/>",
    };

    private static StringBuilder Open(string title, string id, IEnumerable<string> description)
    {
        var b = new StringBuilder(4096);
        b.Append("<figure><figcaption id=\"").Append(id).Append("\">").Append(E(title)).Append("</figcaption>")
            .Append($"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id} {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\">")
            .Append("<desc id=\"").Append(id).Append("-desc\">").Append(E(string.Join("; ", description))).Append("</desc>");
        return b;
    }

    private static string Close(StringBuilder b, string title, string id) => b.Append("</svg></figure>").ToString();

    private static void Axis(StringBuilder b, double max, Func<double, string> label)
    {
        b.Append($"<path d=\"M{Left} {Top} L{Left} {Height - Bottom} L{Width - Right} {Height - Bottom}\" fill=\"none\" stroke=\"#000\"/>");
        for (var i = 0; i <= 4; i++)
        {
            var v = max * i / 4;
            var y = Height - Bottom - (Height - Top - Bottom) * i / 4.0;
            if (i > 0) b.Append($"<path d=\"M{Left} {F(y)} L{Width - Right} {F(y)}\" stroke=\"#999\" stroke-dasharray=\"1 3\"/>");
            b.Append($"<text x=\"{Left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"11\">{E(label(Math.Round(v)))}</text>");
        }
    }

    /// <summary>The axis top: four equal steps of 1, 2 or 5 × 10ⁿ, so every tick is a round number.</summary>
    private static double NiceTop(double max)
    {
        var raw = Math.Max(1, max) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(m => m >= raw);
        return Math.Max(1, step) * 4;
    }

    private static string Id(string title) => "chart-" + Math.Abs(StringComparer.Ordinal.GetHashCode(title) % 100000).ToString(Inv);
    private static string F(double v) => v.ToString("0.#", Inv);
}
