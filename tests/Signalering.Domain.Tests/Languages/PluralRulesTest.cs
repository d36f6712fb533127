using Signalering.Domain.Languages;

namespace Signalering.Domain.Tests.Languages;

/// <summary>The CLDR plural rules, checked per language at the numbers where languages differ: 0, 1, 2, 3, 5, 11, 21, 22, 100.</summary>
public sealed class PluralRulesTest
{
    private static readonly long[] Numbers = [0, 1, 2, 3, 5, 11, 21, 22, 100];

    // One letter per number above: z(ero) o(ne) t(wo) f(ew) m(any) x (other).
    [Theory]
    [InlineData("en", "xoxxxxxxx")]
    [InlineData("nl", "xoxxxxxxx")]
    [InlineData("bg", "xoxxxxxxx")]
    [InlineData("tr", "xoxxxxxxx")]
    [InlineData("so", "xoxxxxxxx")]
    [InlineData("ps", "xoxxxxxxx")]
    [InlineData("ckb", "xoxxxxxxx")]
    [InlineData("kmr", "xoxxxxxxx")]
    [InlineData("fa", "ooxxxxxxx")] // i = 0 or n = 1: "0 روز" takes the singular
    [InlineData("prs", "ooxxxxxxx")]
    [InlineData("am", "ooxxxxxxx")]
    [InlineData("ti", "ooxxxxxxx")] // n = 0..1
    [InlineData("ar", "zotffmmmx")] // 3–10 few, 11–99 many, 100 other
    [InlineData("uk", "moffmmofm")] // 21 like 1, 22 like 2, 11 and 100 many
    [InlineData("ru", "moffmmofm")]
    [InlineData("pl", "moffmmmfm")] // 21 is many in Polish, unlike Russian
    [InlineData("ro", "foffffxxx")] // 0 and 2–19 few ("zile"), 20+ other ("de zile")
    public void For_GivesTheCldrCategory(string language, string expected)
    {
        var actual = new string(Numbers.Select(n => PluralRules.For(language, n) switch
        {
            PluralCategory.Zero => 'z', PluralCategory.One => 'o', PluralCategory.Two => 't',
            PluralCategory.Few => 'f', PluralCategory.Many => 'm', _ => 'x',
        }).ToArray());
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void For_EveryFormLanguage_StaysWithinItsCategories()
    {
        foreach (var language in FormLanguages.All)
            for (var n = 0; n <= 250; n++)
                Assert.Contains(PluralRules.For(language.Code, n), PluralRules.CategoriesOf(language.Code));
    }

    [Fact]
    public void For_RegionSubtag_UsesTheLanguagesRules() => Assert.Equal(PluralCategory.Few, PluralRules.For("uk-UA", 3));

    [Fact]
    public void For_Negative_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => PluralRules.For("en", -1));
}
