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
        foreach (var key in texts.KeysOf("en"))
        {
            Assert.Contains(key, texts.KeysOf(language));
            var english = Placeholders(texts.Get("en", key));
            Assert.Equal(english, Placeholders(texts.Get(language, key)));
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

    private static string[] Placeholders(string text) =>
        Regex.Matches(text, @"\{[a-zA-Z]+\}").Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();
}
