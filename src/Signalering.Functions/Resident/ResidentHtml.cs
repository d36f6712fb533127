using System.Net;
using System.Text;
using Signalering.Domain.Languages;
using Signalering.Domain.Texts;

namespace Signalering.Functions.Resident;

/// <summary>
/// Server-rendered HTML for residents: every page works with no JavaScript at all, in one response (CSS inlined, icons
/// inline SVG, no fonts, nothing from another host). Every page carries the same reassurance block (who sees the
/// report, no influence on the asylum procedure, anonymous is fine) and the 112 line.
/// </summary>
internal sealed class ResidentHtml(string language)
{
    private static readonly ResidentTexts Texts = ResidentTexts.Default;

    public string Language { get; } = language;
    public FormLanguage Form { get; } = FormLanguages.Get(language);
    public string Dir => Form.RightToLeft ? "rtl" : "ltr";

    public string T(string key, params (string, string)[] args) => E(Texts.Get(Language, key, args));

    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    /// <summary>A whole page. <paramref name="script"/> is inline JavaScript, an enhancement only.</summary>
    /// <param name="site">Key of the site name after the title (the report form's by default; the expertpool has its own).</param>
    public string Page(string title, string body, bool about = true, string? script = null, string site = "page.title")
    {
        var sb = new StringBuilder(8192);
        sb.Append("<!doctype html><html lang=\"").Append(Form.Code).Append("\" dir=\"").Append(Dir).Append("\"><head><meta charset=\"utf-8\">")
          .Append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
          .Append("<title>").Append(title).Append(" – ").Append(T(site)).Append("</title><style>").Append(Web.LayoutStyles.Resident).Append("</style></head><body><main>")
          .Append(body);
        if (about) sb.Append(About());
        sb.Append("</main>");
        if (script is not null) sb.Append("<script>").Append(script).Append("</script>");
        sb.Append("</body></html>");
        return sb.ToString();
    }

    /// <summary>Always visible: what happens with a report, who sees it, no influence on the procedure, anonymous is fine, 112.</summary>
    public string About() =>
        $"""<section class="about" aria-label="{T("page.title")}"><p>{Pictograms.Svg("info", 22)}<span>{T("reassurance.whatHappens")}</span></p><p>{Pictograms.Svg("lock", 22)}<span>{T("confirmation.whoSees")} {T("reassurance.anonymous")}</span></p><p>{Pictograms.Svg("shield", 22)}<span><strong>{T("reassurance.noInfluence")}</strong></span></p><p>{Pictograms.Svg("phone", 22)}<span>{T("emergency.call112")}</span></p></section>""";

    /// <summary>The prominent emergency block: 112 always, 113 when the choice or text is about suicide.</summary>
    public string Emergency(bool suicide) =>
        $"""<section class="emergency" role="alert"><strong>{Pictograms.Svg("alert", 24)} {T("emergency.title")}</strong><p>{T("emergency.notice")}</p><p><a href="tel:112">112</a> – {T("emergency.call112")}</p>{(suicide ? $"<p><a href=\"tel:113\">113</a> – {T("emergency.call113")}</p>" : "")}</section>""";

    public static IResult Result(string page, int status = StatusCodes.Status200OK) =>
        Results.Content(page, "text/html; charset=utf-8", Encoding.UTF8, status);
}
