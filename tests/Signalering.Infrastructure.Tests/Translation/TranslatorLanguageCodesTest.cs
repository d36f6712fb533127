using Signalering.Infrastructure.Translation;

namespace Signalering.Infrastructure.Tests.Translation;

public sealed class TranslatorLanguageCodesTest
{
    [Theory]
    [InlineData("ckb", "ku")]
    [InlineData("kmr", "kmr")]
    [InlineData("prs", "prs")]
    [InlineData("ar-SY", "ar")]
    [InlineData("NL", "nl")]
    public void ToTranslator_FormLanguage_TranslatorCode(string form, string translator)
    {
        Assert.Equal(translator, TranslatorLanguageCodes.ToTranslator(form));
    }

    [Theory]
    [InlineData("ku", "ckb")]
    [InlineData("kmr", "kmr")]
    [InlineData("ar", "ar")]
    [InlineData("de", "de")]
    public void FromTranslator_TranslatorCode_FormCodeOrAsGiven(string translator, string form)
    {
        Assert.Equal(form, TranslatorLanguageCodes.FromTranslator(translator));
    }

    [Fact]
    public void ToTranslator_NotAFormLanguage_ThrowsArgument()
    {
        Assert.Throws<ArgumentException>(() => TranslatorLanguageCodes.ToTranslator("xx"));
    }
}
