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

    /// <summary>The page's frame before the resident's language is known (the notice itself then stands in <see cref="All"/>).</summary>
    public static ResidentLanguage English { get; } = new("en");

    /// <summary>Every form language, in the form's order: for pages that speak before a language is chosen.</summary>
    public static IEnumerable<ResidentLanguage> All => FormLanguages.All.Select(l => new ResidentLanguage(l.Code));

    /// <summary>
    /// The first-party cookie that remembers the language a resident chose, so the next scan opens in it. It holds a
    /// language code and nothing else (no personal data, nothing to track): <c>SameSite=Lax</c> so that arriving from
    /// a scanned link carries it, a year long, script cannot read it.
    /// </summary>
    public const string CookieName = "taal";

    /// <summary>
    /// The language to speak: the one asked for (<c>?lang=</c>), else the one chosen on this phone before (the
    /// cookie), else the phone's own (Accept-Language, see <see cref="PhoneLanguages"/>), else <paramref name="fallback"/>.
    /// </summary>
    public static ResidentLanguage For(string? asked, HttpRequest request, string fallback = "en")
    {
        if (FormLanguages.TryGet(asked, out var chosen)) return new(chosen.Code);
        if (FormLanguages.TryGet(request.Cookies[CookieName], out var remembered)) return new(remembered.Code);
        return new(PhoneLanguages.Best(request.Headers.AcceptLanguage.ToString())?.Code ?? fallback);
    }

    /// <summary>Remembers <paramref name="language"/> on this phone for the next scan (see <see cref="CookieName"/>).</summary>
    public static void Remember(HttpContext http, ResidentLanguage language)
    {
        if (http.Request.Cookies[CookieName] == language.Code) return;
        http.Response.Cookies.Append(CookieName, language.Code, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), SameSite = SameSiteMode.Lax, HttpOnly = true, Secure = http.Request.IsHttps,
            Path = "/", IsEssential = true,
        });
    }

    /// <summary>The direction of text in <paramref name="language"/> (a reply written in another language than the page's).</summary>
    public static string DirOf(string? language) => FormLanguages.TryGet(language, out var l) && l.RightToLeft ? "rtl" : "ltr";
}
