using System.Text;
using Signalering.Domain.Expertpool;
using Signalering.Domain.Languages;
using Signalering.Functions.Resident;
using static Signalering.Functions.Resident.ResidentHtml;

namespace Signalering.Functions.Expertpool;

/// <summary>
/// The member pages' frame: the resident pages' stylesheet and helpers (same weight, contrast and right-to-left
/// rules), the expertpool's name in the title, and its own reassurance (answers without a name, no influence on the
/// procedure) instead of the report form's.
/// </summary>
internal sealed class ExpertpoolHtml(string language)
{
    private readonly ResidentHtml _html = new(language);

    // Choices as large tap targets: scores 1–10 fit a phone screen in two or three rows, age bands and language names
    // get the width their longest label needs, sentences a whole row.
    private const string Css = ".opts{display:grid;grid-template-columns:repeat(auto-fill,minmax(3.6rem,1fr));gap:.4rem;margin:.3rem 0}"
        + ".opts.mid{grid-template-columns:repeat(auto-fill,minmax(6rem,1fr))}.opts.langs{grid-template-columns:repeat(auto-fill,minmax(9.5rem,1fr))}"
        + ".opts.wide{grid-template-columns:1fr}.opts.narrow .opt{padding:0 .35rem;gap:.25rem}.opts.narrow .opt:last-child{grid-column:1/-1}.opt{display:flex;align-items:center;gap:.4rem;min-height:48px;padding:0 .6rem;border:2px solid #0b4f8a;"
        + "border-radius:8px;background:#fff;font-weight:600;margin:0}.opt input{width:1.3rem;height:1.3rem;margin:0;flex:none}"
        + "fieldset{border:0;padding:0;margin:1.2rem 0 0}legend{font-weight:700;font-size:1.1rem;display:flex;gap:.4rem;align-items:center}"
        + "select{width:100%;font:inherit;padding:.6rem;border:2px solid #555;border-radius:8px;background:#fff;color:#1a1a1a}";

    public string Language => _html.Language;
    public FormLanguage Form => _html.Form;

    public string T(string key, params (string, string)[] args) => _html.T(key, args);

    public string Page(string title, string body) =>
        _html.Page(title, body + About(), about: false, site: "ep.page.title").Replace("</style>", Css + "</style>", StringComparison.Ordinal);

    private string About() =>
        $"""<section class="about" aria-label="{T("ep.page.title")}"><p>{Pictograms.Svg("lock", 22)}<span>{T("ep.answer.privacy")}</span></p><p>{Pictograms.Svg("shield", 22)}<span><strong>{T("reassurance.noInfluence")}</strong></span></p></section>""";

    public string IndicatorName(Indicator indicator) => T(Indicators.TextKey(indicator));

    /// <summary>A group of radio buttons or checkboxes; <paramref name="options"/> are (value, label HTML).</summary>
    /// <param name="layout">"wide" (one per row), "mid", "langs" or "narrow" (scores): the column width of the options.</param>
    public static string Choices(string name, string legend, string type, IEnumerable<(string Value, string Label)> options, ISet<string> selected,
        string layout = "wide", string? error = null, string? legendIcon = null)
    {
        var sb = new StringBuilder();
        sb.Append("<fieldset").Append(error is null ? "" : $" aria-describedby=\"{name}-error\"").Append(" id=\"").Append(name).Append("\"><legend>")
            .Append(legendIcon).Append(legend).Append("</legend><div class=\"opts ").Append(layout).Append("\">");
        var i = 0;
        foreach (var (value, label) in options)
        {
            var id = $"{name}-{i++}";
            sb.Append("<label class=\"opt\" for=\"").Append(id).Append("\"><input type=\"").Append(type).Append("\" id=\"").Append(id).Append("\" name=\"")
                .Append(name).Append("\" value=\"").Append(E(value)).Append('"').Append(selected.Contains(value) ? " checked" : "").Append('>')
                .Append(label).Append("</label>");
        }
        sb.Append("</div>");
        if (error is not null) sb.Append("<p class=\"field-error\" id=\"").Append(name).Append("-error\">").Append(error).Append("</p>");
        return sb.Append("</fieldset>").ToString();
    }

    /// <summary>The list of errors at the top of a form, each linking to its field.</summary>
    public string Errors(IReadOnlyDictionary<string, string> errors)
    {
        if (errors.Count == 0) return "";
        var sb = new StringBuilder("<div class=\"errors\" role=\"alert\" tabindex=\"-1\"><h2>").Append(T("form.errorTitle")).Append("</h2><ul>");
        foreach (var (field, message) in errors) sb.Append("<li><a href=\"#").Append(field).Append("\">").Append(message).Append("</a></li>");
        return sb.Append("</ul></div>").ToString();
    }

    /// <summary>Every form language by its own name, each linking to <paramref name="href"/> with that language.</summary>
    public static string LanguageChooser(Func<string, string> href)
    {
        var sb = new StringBuilder("<h1>");
        foreach (var l in FormLanguages.All.Take(3))
            sb.Append("<span lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\" style=\"display:block\">")
                .Append(new ResidentHtml(l.Code).T("form.chooseLanguage")).Append("</span>");
        sb.Append("</h1><ul class=\"tiles langs\">");
        foreach (var l in FormLanguages.All)
            sb.Append("<li><a class=\"tile\" lang=\"").Append(l.Code).Append("\" dir=\"").Append(l.RightToLeft ? "rtl" : "ltr").Append("\" href=\"")
                .Append(E(href(l.Code))).Append("\">").Append(E(l.NativeName)).Append("</a></li>");
        return sb.Append("</ul>").ToString();
    }

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

/// <summary>
/// A consultation's texts in one language as HTML: the translation where there is one, else the Dutch, marked as
/// Dutch (<c>lang="nl" dir="ltr"</c>) so screen readers and right-to-left pages render it right.
/// <see cref="MachineTranslated"/> tells afterwards whether any text shown was an unchecked machine translation.
/// </summary>
internal sealed class ConsultationText(Consultation consultation, string language)
{
    public bool MachineTranslated { get; private set; }

    public string Html(string key)
    {
        var text = consultation.TextIn(language, key, out var translated);
        MachineTranslated |= translated && !consultation.IsReviewed(language);
        return translated || language == "nl" ? E(text) : $"<span lang=\"nl\" dir=\"ltr\">{E(text)}</span>";
    }

    /// <summary>Plain text, for the page's title element.</summary>
    public string Plain(string key) => E(consultation.TextIn(language, key, out _));
}

