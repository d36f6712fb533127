using System.Globalization;
using System.Text;
using Signalering.Domain;
using Signalering.Domain.Expertpool;
using Signalering.Functions.Application;
using Signalering.Functions.Resident;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Expertpool;

/// <summary>
/// The printable report of a consultation, in Dutch for the municipality: per indicator the scores (all answers and
/// per target group, small groups as "&lt;5"), the related signals, and the open answers, quotes picked first, each
/// labelled only by target group and with the Dutch machine translation marked as such. Print CSS drops the
/// screen chrome; one indicator does not break across pages where it fits.
/// </summary>
internal static class ExpertpoolReportHtml
{
    private static readonly CultureInfo Nl = CultureInfo.GetCultureInfo("nl-NL");

    private const string Css = "main{max-width:60rem}table{border-collapse:collapse;width:100%;background:#fff;margin:.5rem 0}td,th{border:1px solid #999;padding:.3rem .4rem;text-align:start}"
        + "section.ind{break-inside:avoid;border-top:2px solid #0b4f8a;margin-top:1.5rem}blockquote{margin:.5rem 0;padding:.4rem .8rem;background:#fff;border-inline-start:4px solid #0b4f8a}"
        + ".bar{display:inline-block;height:.8rem;background:#0b4f8a;vertical-align:middle}.mt{font-size:.85rem;color:#444}"
        + "@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}a{color:inherit;text-decoration:none}}";

    public static string Render(ConsultationReport report)
    {
        var c = report.Consultation;
        var a = report.Analysis;
        var body = new StringBuilder();
        body.Append("<h1>").Append(E(c.Title)).Append("</h1><p>").Append(E(c.Introduction)).Append("</p><p>Open van ")
            .Append(Day(c.OpensAt)).Append(" tot ").Append(Day(c.ClosesAt)).Append(c.InPerson ? " · bijeenkomst" : "").Append(" · ")
            .Append(a.Answers).Append(" antwoorden (");
        body.AppendJoin(", ", a.AnswersByGroup.Select(g => $"{E(TargetGroups.DutchName(g.Key))}: {(g.Value is { } n ? n.ToString(Nl) : "<5")}"));
        body.Append(")</p><p class=\"mt\">Groepen met minder dan ").Append(ConsultationAnalysis.MinimumGroupSize)
            .Append(" antwoorden staan niet apart: hun antwoorden tellen mee in het totaal en hun citaten heten \"")
            .Append(ConsultationAnalysis.UnnamedGroup).Append("\". Mediaan bij een even aantal: het gemiddelde van de twee middelste scores.</p>");

        foreach (var r in a.Indicators)
        {
            body.Append("<section class=\"ind\"><h2>").Append(Pictograms.Svg(r.Indicator.Pictogram, 28)).Append(' ').Append(E(r.Indicator.DutchName)).Append("</h2>")
                .Append("<table><thead><tr><th scope=\"col\">Groep</th><th scope=\"col\">Aantal</th><th scope=\"col\">Gemiddelde</th><th scope=\"col\">Mediaan</th><th scope=\"col\">Verdeling 1–10</th></tr></thead><tbody>");
            Row(body, "Alle groepen", r.All);
            foreach (var g in r.ByGroup) Row(body, TargetGroups.DutchName(g.TargetGroup), g.Suppressed ? null : g.Scores, g.Complementary);
            body.Append("</tbody></table>");
            Signals(body, report.Signals.FirstOrDefault(s => s.Indicator == r.Indicator.Code));
            Quotes(body, a.Quotes.Where(q => q.Indicator == r.Indicator.Code));
            body.Append("</section>");
        }
        foreach (var ch in a.Choices)
        {
            body.Append("<section class=\"ind\"><h2>").Append(E(ch.Question.Text)).Append("</h2><table><tbody>");
            for (var i = 0; i < ch.Question.Options.Count; i++)
                body.Append("<tr><td>").Append(E(ch.Question.Options[i])).Append("</td><td>").Append(ch.Counts[i]).Append("</td></tr>");
            body.Append("</tbody></table></section>");
        }
        var other = a.Quotes.Where(q => q.Indicator is null).ToList();
        if (other.Count > 0)
        {
            body.Append("<section class=\"ind\"><h2>Overige open antwoorden</h2>");
            Quotes(body, other);
            body.Append("</section>");
        }
        if (c.Outcome is { } o)
            body.Append("<section class=\"ind\"><h2>Jullie zeiden, wij doen</h2><h3>Wat we hoorden</h3><p>").Append(E(o.Heard)).Append("</p><h3>Wat we gaan doen</h3><p>")
                .Append(E(o.WillDo)).Append("</p></section>");
        return new ResidentHtml("nl").Page("Rapport " + E(c.Title), body.ToString(), about: false).Replace("</style>", Css + "</style>");
    }

    private static string Day(DateTimeOffset at) => at.ToString("d MMMM yyyy", Nl);

    private static void Row(StringBuilder body, string group, ScoreSummary? s, bool complementary = false)
    {
        body.Append("<tr><th scope=\"row\">").Append(E(group)).Append("</th>");
        if (complementary) { body.Append("<td colspan=\"4\">niet getoond, zodat een kleinere groep niet uit het totaal te berekenen is</td></tr>"); return; }
        if (s is null) { body.Append("<td>&lt;").Append(ConsultationAnalysis.MinimumGroupSize).Append("</td><td colspan=\"3\">niet apart getoond</td></tr>"); return; }
        body.Append("<td>").Append(s.Count).Append("</td><td>").Append(s.Mean is { } m ? m.ToString("0.0", Nl) : "–").Append("</td><td>")
            .Append(s.Median is { } md ? md.ToString("0.#", Nl) : "–").Append("</td><td>");
        var max = Math.Max(1, s.Distribution.Max());
        for (var i = 0; i < 10; i++)
            body.Append("<span title=\"").Append(i + 1).Append(": ").Append(s.Distribution[i]).Append("\">").Append(i + 1).Append(":").Append(s.Distribution[i])
                .Append(" <span class=\"bar\" style=\"width:").Append(s.Distribution[i] * 30 / max).Append("px\"></span></span> ");
        body.Append("</td></tr>");
    }

    private static void Signals(StringBuilder body, IndicatorSignals? signals)
    {
        if (signals is null) return;
        body.Append("<p><strong>Signalen in dezelfde periode van dezelfde locaties: ").Append(signals.Total).Append("</strong>");
        if (signals.Categories.Count == 0) body.Append(" (geen meldcategorie hoort bij deze indicator)");
        else body.Append(" — ").AppendJoin(", ", signals.Categories.Select(c => $"{E(c.Name)}: {(c.Count is { } n ? n.ToString(Nl) : "<5")}"));
        body.Append("</p>");
    }

    private static void Quotes(StringBuilder body, IEnumerable<Quote> quotes)
    {
        foreach (var q in quotes.OrderByDescending(q => q.Selected))
        {
            body.Append("<blockquote>").Append(q.Selected ? "<strong>Citaat</strong> · " : "").Append(E(q.TextNl ?? q.Text)).Append(" <span class=\"mt\">— ")
                .Append(E(q.Label));
            if (q.TextNl is not null) body.Append(" · machinevertaling; origineel: <span dir=\"auto\">").Append(E(q.Text)).Append("</span>");
            body.Append("</span></blockquote>");
        }
    }
}
