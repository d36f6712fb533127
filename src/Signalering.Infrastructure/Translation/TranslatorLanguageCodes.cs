using Signalering.Domain.Languages;

namespace Signalering.Infrastructure.Translation;

/// <summary>
/// Maps between our BCP-47 form-language codes and the codes Azure AI Translator v3 uses. They differ where
/// Translator deviates from BCP-47: it calls Central Kurdish/Sorani <c>ku</c> where we (and browsers) say <c>ckb</c>.
/// </summary>
public static class TranslatorLanguageCodes
{
    private static readonly Dictionary<string, string> FormByTranslator =
        FormLanguages.All.ToDictionary(l => l.TranslatorCode, l => l.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>The Translator code for a form language (a region subtag such as <c>ar-SY</c> falls back to the language).</summary>
    /// <exception cref="ArgumentException"><paramref name="formLanguageCode"/> is not a form language.</exception>
    public static string ToTranslator(string formLanguageCode) => GetFormLanguage(formLanguageCode).TranslatorCode;

    /// <summary>
    /// The form-language code for a Translator code, e.g. <c>ku</c> → <c>ckb</c>. A code that is no form language
    /// (Translator detected German, say) is returned as the service gave it: it is still the truth about the text.
    /// </summary>
    public static string FromTranslator(string translatorCode) =>
        FormByTranslator.TryGetValue(translatorCode, out var code) ? code : translatorCode;

    /// <summary>The form language for a code, or <see cref="ArgumentException"/>: an unknown code is a caller's bug, not a service outage.</summary>
    internal static FormLanguage GetFormLanguage(string formLanguageCode, string? paramName = null) =>
        FormLanguages.TryGet(formLanguageCode, out var language)
            ? language
            : throw new ArgumentException($"'{formLanguageCode}' is not a form language.", paramName ?? nameof(formLanguageCode));
}
