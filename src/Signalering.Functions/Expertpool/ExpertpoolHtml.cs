using System.Text;
using Signalering.Domain.Languages;
using Signalering.Functions.Resident;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Expertpool;

/// <summary>
/// Transitional: the one piece of the expertpool still written as an HTML string, for the report form's first page
/// while that page is still built in Endpoints/ResidentFormEndpoints.cs. Its Razor form is
/// Features/Expertpool/ExpertpoolLocationLink.razor; this file goes when the report form moves.
/// </summary>
internal static class ExpertpoolHtml
{
    /// <summary>
    /// The small link on the report form's first page: to the location's expertpool page (join, my page, "you said,
    /// we did"), in the location's first languages like the page's heading.
    /// </summary>
    public static string LocationLink(string token, IEnumerable<FormLanguage> languages)
    {
        var sb = new StringBuilder("<p class=\"notice\">").Append(Pictograms.Svg("people", 22)).Append(' ');
        var first = true;
        foreach (var l in languages)
        {
            sb.Append(first ? "" : " · ").Append("<a lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\" href=\"/e/l/")
                .Append(E(token)).Append("?lang=").Append(l.Code).Append("\">").Append(new ResidentHtml(l.Code).T("ep.location.link")).Append("</a>");
            first = false;
        }
        return sb.Append("</p>").ToString();
    }
}
