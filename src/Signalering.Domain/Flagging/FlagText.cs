using System.Globalization;
using System.Text;

namespace Signalering.Domain.Flagging;

/// <summary>
/// Normalisation shared by lexicon terms and resident text, so that a term matches however a frightened person on a
/// phone keyboard happens to type it. Both sides go through <see cref="Normalize"/>; matching is then ordinal.
/// </summary>
internal static class FlagText
{
    /// <summary>
    /// NFKC; invariant lower case; Latin diacritics dropped (Turkish, Romanian, Polish and Kurmanji are very often typed
    /// without them: "oldurecek", "bataie", "zabic"); Arabic-script diacritics, hamza carriers and tatweel dropped and
    /// letter variants unified (yeh, kaf, gaf, heh/teh marbuta/ae, waw, Sorani ڵ/ڕ); ZWNJ and other format characters
    /// dropped (Persian "می‌زنه", "میزنه" become the same word); Cyrillic ё→е and ґ→г; apostrophe variants → ';
    /// whitespace collapsed to single spaces and trimmed.
    /// </summary>
    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        var lastBase = '\0';
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                // Keep the marks that make a different letter where people do type them (Cyrillic й, ї; Ge'ez).
                if (IsLatin(lastBase) || IsArabicScript(lastBase) || (lastBase == 'е' && c == '\u0308')) continue;
                sb.Append(c);
                continue;
            }
            if (category == UnicodeCategory.Format || c is '\u0640' or '\u0621') continue;
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace)
            {
                sb.Append(' ');
                pendingSpace = false;
            }
            lastBase = c;
            switch (c)
            {
                case 'ß': sb.Append("ss"); break;
                default: sb.Append(Map(c)); break;
            }
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Letters, digits and marks; an apostrophe only between letters ("don't", "б'ють", "COA'nın").</summary>
    public static bool IsWordChar(string text, int index)
    {
        var c = text[index];
        if (c == '\'')
            return index > 0 && index + 1 < text.Length && char.IsLetter(text[index - 1]) && char.IsLetter(text[index + 1]);
        if (char.IsLetterOrDigit(c)) return true;
        return CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark;
    }

    public static bool IsWordStart(string text, int index) =>
        IsWordChar(text, index) && (index == 0 || !IsWordChar(text, index - 1));

    private static char Map(char c) => c switch
    {
        'ı' => 'i',
        'ł' => 'l',
        'đ' => 'd',
        'ø' => 'o',
        'ґ' => 'г',
        '\u2019' or '\u2018' or '\u02BC' or '\u02BB' or '`' or '\u2032' => '\'',
        // Arabic yeh, alef maksura, Pashto ې/ۍ, Sorani ێ, Urdu ے → Persian yeh.
        'ي' or 'ى' or 'ې' or 'ۍ' or 'ێ' or 'ے' => 'ی',
        'ك' or 'ڪ' => 'ک',
        'ګ' => 'گ',
        // Teh marbuta, Sorani ە (written ه without a Kurdish keyboard), heh doachashmee, heh goal → heh.
        'ة' or 'ە' or 'ھ' or 'ہ' or 'ۃ' => 'ه',
        'ۆ' or 'ۇ' or 'ۉ' => 'و',
        'ڵ' => 'ل',
        'ڕ' => 'ر',
        'ٱ' => 'ا',
        _ => c,
    };

    // Everything up to Latin Extended-B, so a stray combining accent after a digit or punctuation goes too.
    private static bool IsLatin(char c) => c is <= '\u024F' or (>= '\u1E00' and <= '\u1EFF');

    private static bool IsArabicScript(char c) =>
        c is (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF')
            or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF');
}
