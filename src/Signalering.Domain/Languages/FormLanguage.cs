namespace Signalering.Domain.Languages;

/// <summary>
/// A language the resident can use. <see cref="Code"/> is BCP-47 as browsers and people use it;
/// <see cref="TranslatorCode"/> is what Azure AI Translator v3 calls the same language where the two differ
/// (Translator names Central Kurdish/Sorani <c>ku</c>, not <c>ckb</c>).
/// </summary>
public sealed record FormLanguage(string Code, string NativeName, string EnglishName, bool RightToLeft, string TranslatorCode,
    bool TranslatorAutoDetects = true);

/// <summary>The form languages. Order is the order residents see on the first screen.</summary>
public static class FormLanguages
{
    public static readonly IReadOnlyList<FormLanguage> All =
    [
        new("nl", "Nederlands", "Dutch", false, "nl"),
        new("en", "English", "English", false, "en"),
        new("ar", "العربية", "Arabic", true, "ar"),
        new("ti", "ትግርኛ", "Tigrinya", false, "ti"),
        new("am", "አማርኛ", "Amharic", false, "am"),
        new("fa", "فارسی", "Farsi", true, "fa"),
        new("prs", "دری", "Dari", true, "prs"),
        new("ps", "پښتو", "Pashto", true, "ps"),
        new("ckb", "کوردیی ناوەندی", "Sorani Kurdish", true, "ku"),
        // Translator cannot auto-detect Kurmanji: always send from=kmr.
        new("kmr", "Kurmancî", "Kurmanji Kurdish", false, "kmr", TranslatorAutoDetects: false),
        new("tr", "Türkçe", "Turkish", false, "tr"),
        new("so", "Soomaali", "Somali", false, "so"),
        new("uk", "Українська", "Ukrainian", false, "uk"),
        new("ru", "Русский", "Russian", false, "ru"),
        new("pl", "Polski", "Polish", false, "pl"),
        new("ro", "Română", "Romanian", false, "ro"),
        new("bg", "Български", "Bulgarian", false, "bg"),
    ];

    private static readonly Dictionary<string, FormLanguage> ByCode =
        All.ToDictionary(l => l.Code, StringComparer.OrdinalIgnoreCase);

    /// <summary>Finds a form language by BCP-47 tag; a region subtag (<c>ar-SY</c>) falls back to the language.</summary>
    public static bool TryGet(string? tag, out FormLanguage language)
    {
        language = null!;
        if (string.IsNullOrWhiteSpace(tag)) return false;
        if (ByCode.TryGetValue(tag, out var exact)) { language = exact; return true; }
        var primary = tag.Split('-', '_')[0];
        if (ByCode.TryGetValue(primary, out var lang)) { language = lang; return true; }
        return false;
    }

    public static FormLanguage Get(string tag) =>
        TryGet(tag, out var l) ? l : throw new DomainException($"'{tag}' is not a form language.", "language");

    public static FormLanguage Dutch => ByCode["nl"];
}
