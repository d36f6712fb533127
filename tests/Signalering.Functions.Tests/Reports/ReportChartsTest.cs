using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Signalering.Domain.Reports;
using Signalering.Functions.Features.Reports;
using Signalering.Functions.Web;

namespace Signalering.Functions.Tests.Reports;

/// <summary>
/// The dashboard's charts as they render: a chart with nothing to draw says "te weinig meldingen" instead of bare axes
/// someone might read as zero, a suppressed month draws no bar, and every text is encoded.
/// </summary>
public sealed class ReportChartsTest
{
    private static readonly PageRenderer Pages = new(new ServiceCollection().BuildServiceProvider(), NullLoggerFactory.Instance);

    private static Task<string> BarsAsync(params (string, Figure)[] points) =>
        Pages.RenderAsync<BarChart>(new { Title = "Ontvangen meldingen per maand", Points = (IReadOnlyList<(string, Figure)>)points });

    private static Task<string> LinesAsync(params Figure[] values) =>
        Pages.RenderAsync<LineChart>(new
        {
            Title = "Aandeel op tijd (%) per maand",
            Labels = (IReadOnlyList<string>)values.Select((_, i) => $"m{i}").ToList(),
            Series = (IReadOnlyList<(string, IReadOnlyList<Figure>)>)[("op tijd aangenomen", values)],
        });

    [Fact]
    public async Task BarChart_OnlySuppressedMonths_SaysTooFew_AndDrawsNoBar()
    {
        var svg = await BarsAsync(("okt 26", ReportFigures.Count(3)), ("nov 26", ReportFigures.Count(0)));
        Assert.Contains(ChartGeometry.TooFew, svg);
        Assert.DoesNotContain("<rect", svg);
        Assert.Contains("&lt;5", svg); // the month's label still says why
    }

    [Fact]
    public async Task BarChart_WithCounts_DrawsABarPerCountedMonth_AndNoTooFew()
    {
        var svg = await BarsAsync(("okt 26", ReportFigures.Count(3)), ("nov 26", ReportFigures.Count(12)));
        Assert.DoesNotContain(ChartGeometry.TooFew, svg);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<rect "));
        Assert.Contains(">12</text>", svg);
    }

    [Fact]
    public async Task LineChart_NoValues_SaysTooFew_AndDrawsNoLine()
    {
        var svg = await LinesAsync(Figure.Small, Figure.None);
        Assert.Contains(ChartGeometry.TooFew, svg);
        Assert.DoesNotContain("fill=\"none\" stroke=\"#000\" stroke-width=\"2\"", svg);
    }

    [Fact]
    public async Task LineChart_AGap_BreaksTheLine_NotAZero()
    {
        var svg = await LinesAsync(new Figure(50, false), Figure.Small, new Figure(100, false));
        Assert.DoesNotContain(ChartGeometry.TooFew, svg);
        var path = System.Text.RegularExpressions.Regex.Match(svg, "<path d=\"(M[^\"]*)\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"").Groups[1].Value;
        Assert.Equal(2, path.Count(c => c == 'M')); // two runs: the suppressed month is a gap
        Assert.DoesNotContain('L', path);
    }

    [Fact]
    public async Task Labels_AreEncoded()
    {
        var svg = await BarsAsync(("<script>", ReportFigures.Count(7)));
        Assert.DoesNotContain("<script>", svg);
        Assert.Contains("&lt;script&gt;", svg);
    }
}
