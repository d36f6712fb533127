using System.Text.RegularExpressions;
using Signalering.Domain.Languages;
using Signalering.Domain.Texts;

namespace Signalering.Domain.Tests.Texts;

public sealed class ResidentTextsTest
{
    public static TheoryData<string> Languages => new(FormLanguages.All.Select(l => l.Code));

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLanguage_HasEveryEnglishKey_WithTheSamePlaceholders(string language)
    {
        var texts = ResidentTexts.Default;
        Assert.Contains(language, texts.Languages);
        foreach (var key in texts.KeysOf("en").Where(k => PluralBase(k) is null))
        {
            Assert.Contains(key, texts.KeysOf(language));
            var english = Placeholders(texts.Get("en", key));
            Assert.Equal(english, Placeholders(texts.Get(language, key)));
        }
    }

    /// <summary>
    /// A text with a count has exactly the forms the language's plural rules use, each with the English
    /// placeholders; <c>{n}</c> may be left out where the word says the number (Arabic "يومين", two days).
    /// </summary>
    [Theory]
    [MemberData(nameof(Languages))]
    public void PluralTexts_HaveEveryFormTheLanguageUses(string language)
    {
        var texts = ResidentTexts.Default;
        var expected = PluralRules.CategoriesOf(language).Select(PluralRules.KeySuffix).Order(StringComparer.Ordinal).ToArray();
        var pluralKeys = texts.KeysOf("en").Select(PluralBase).OfType<string>().Distinct().ToList();
        Assert.NotEmpty(pluralKeys);
        foreach (var key in pluralKeys)
        {
            var forms = texts.KeysOf(language).Where(k => PluralBase(k) == key).Select(k => k[(key.Length + 1)..]).Order(StringComparer.Ordinal).ToArray();
            Assert.Equal(expected, forms);
            var english = Placeholders(texts.Get("en", key + ".other")).Where(p => p != "{n}");
            foreach (var form in forms)
            {
                Assert.Equal(english, Placeholders(texts.Get(language, $"{key}.{form}")).Where(p => p != "{n}"));
                if (form == "other") Assert.Contains("{n}", texts.Get(language, $"{key}.{form}"));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EmergencyTexts_KeepTheNumbers(string language)
    {
        Assert.Contains("112", ResidentTexts.Default.Get(language, "emergency.call112"));
        Assert.Contains("113", ResidentTexts.Default.Get(language, "emergency.call113"));
    }

    [Fact]
    public void Get_FillsPlaceholders() =>
        Assert.Contains("7", ResidentTexts.Default.Get("en", "confirmation.promise", ("days", "7")));

    private static readonly string[] PluralSuffixes = Enum.GetValues<PluralCategory>().Select(PluralRules.KeySuffix).ToArray();

    /// <summary>
    /// The key without its plural form (<c>promise.solveDays</c> for <c>promise.solveDays.few</c>); null for a plain
    /// text. A text with a count has at least a "one" and an "other" form in English (an answer option named
    /// "other" alone is a plain text).
    /// </summary>
    private static string? PluralBase(string key)
    {
        if (key.LastIndexOf('.') is not (var dot and > 0) || !PluralSuffixes.Contains(key[(dot + 1)..])) return null;
        var english = ResidentTexts.Default.KeysOf("en");
        return english.Contains(key[..dot] + ".one") && english.Contains(key[..dot] + ".other") ? key[..dot] : null;
    }

    private static string[] Placeholders(string text) =>
        Regex.Matches(text, @"\{[a-zA-Z]+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();
}
