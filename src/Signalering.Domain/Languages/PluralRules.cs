namespace Signalering.Domain.Languages;

/// <summary>The CLDR plural categories: which form of a counted word a number takes ("1 day", "2 days").</summary>
public enum PluralCategory { Zero, One, Two, Few, Many, Other }

/// <summary>
/// The CLDR cardinal plural rules (unicode.org/cldr, plurals.xml) of the form languages, for whole numbers: the only
/// numbers residents are told (days, counts). Arabic has six forms, Ukrainian, Russian and Polish four (one of them
/// for fractions only), Romanian three, the others two. Dari (<c>prs</c>) counts as Persian and Kurmanji (<c>kmr</c>)
/// as CLDR's <c>ku</c>, which have the same rules. A text with a count is a set of keys, one per category the language
/// uses (<c>promise.solveDays.few</c>); never a number glued to a word.
/// </summary>
public static class PluralRules
{
    /// <summary>The category of <paramref name="n"/> (a whole number, at least 0) in <paramref name="language"/>.</summary>
    public static PluralCategory For(string language, long n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        long mod10 = n % 10, mod100 = n % 100;
        return Primary(language) switch
        {
            "ar" => n switch
            {
                0 => PluralCategory.Zero,
                1 => PluralCategory.One,
                2 => PluralCategory.Two,
                _ when mod100 is >= 3 and <= 10 => PluralCategory.Few,
                _ when mod100 is >= 11 and <= 99 => PluralCategory.Many,
                _ => PluralCategory.Other,
            },
            // Whole numbers never take "other" here: CLDR keeps it for fractions ("1,5 дня").
            "uk" or "ru" => mod10 == 1 && mod100 != 11 ? PluralCategory.One
                : mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14 ? PluralCategory.Few
                : PluralCategory.Many,
            "pl" => n == 1 ? PluralCategory.One
                : mod10 is >= 2 and <= 4 && mod100 is < 12 or > 14 ? PluralCategory.Few
                : PluralCategory.Many,
            "ro" => n == 1 ? PluralCategory.One
                : n == 0 || mod100 is >= 2 and <= 19 ? PluralCategory.Few
                : PluralCategory.Other,
            // "i = 0 or n = 1" (Persian, Amharic) and "n = 0..1" (Tigrinya) are the same for whole numbers.
            "fa" or "prs" or "am" or "ti" => n <= 1 ? PluralCategory.One : PluralCategory.Other,
            _ => n == 1 ? PluralCategory.One : PluralCategory.Other,
        };
    }

    /// <summary>
    /// The categories a text with a count must have in <paramref name="language"/>: those whole numbers reach, and
    /// <see cref="PluralCategory.Other"/> always (CLDR's fallback, and what a fraction would take).
    /// </summary>
    public static IReadOnlyList<PluralCategory> CategoriesOf(string language) => Primary(language) switch
    {
        "ar" => [PluralCategory.Zero, PluralCategory.One, PluralCategory.Two, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
        "uk" or "ru" or "pl" => [PluralCategory.One, PluralCategory.Few, PluralCategory.Many, PluralCategory.Other],
        "ro" => [PluralCategory.One, PluralCategory.Few, PluralCategory.Other],
        _ => [PluralCategory.One, PluralCategory.Other],
    };

    /// <summary>The category as the text keys spell it: <c>one</c>, <c>few</c>, …</summary>
    public static string KeySuffix(PluralCategory category) => category.ToString().ToLowerInvariant();

    private static string Primary(string language) => language.Split('-', '_')[0].ToLowerInvariant();
}
