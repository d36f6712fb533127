using Signalering.Domain.Languages;
using Signalering.Domain.Texts;

namespace Signalering.Functions.Web;

/// <summary>
/// The language a resident page speaks: its texts (data/texts/resident.{code}.json), its direction and its code.
/// <see cref="T"/> gives plain text; Razor encodes it where it is written.
/// </summary>
public sealed class ResidentLanguage(string code)
{
    private static readonly ResidentTexts Texts = ResidentTexts.Default;

    public FormLanguage Form { get; } = FormLanguages.Get(code);
    public string Code => Form.Code;
    public string Dir => Form.RightToLeft ? "rtl" : "ltr";

    public string T(string key, params (string Name, string Value)[] args) => Texts.Get(Code, key, args);

    /// <summary>
    /// The language to speak: the one asked for (<c>?lang=</c>), else the first of the phone's languages
    /// (Accept-Language) that the form speaks, else <paramref name="fallback"/>.
    /// </summary>
    public static ResidentLanguage For(string? asked, HttpRequest request, string fallback = "en")
    {
        if (FormLanguages.TryGet(asked, out var chosen)) return new(chosen.Code);
        foreach (var part in request.Headers.AcceptLanguage.ToString().Split(','))
            if (FormLanguages.TryGet(part.Split(';')[0].Trim(), out var accepted)) return new(accepted.Code);
        return new(fallback);
    }

    /// <summary>The direction of text in <paramref name="language"/> (a reply written in another language than the page's).</summary>
    public static string DirOf(string? language) => FormLanguages.TryGet(language, out var l) && l.RightToLeft ? "rtl" : "ltr";
}
