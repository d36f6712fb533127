using Signalering.Domain.Languages;

namespace Signalering.Domain.Tests.Languages;

public sealed class PhoneLanguagesTest
{
    [Theory]
    [InlineData("ar-SY,ar;q=0.9,en-US;q=0.8,en;q=0.7", "ar")]
    [InlineData("uk-UA,uk;q=0.9,ru;q=0.8", "uk")]
    [InlineData("ti-ER", "ti")]
    [InlineData("fa-IR,fa;q=0.9", "fa")]
    [InlineData("fa-AF,fa;q=0.9", "prs")] // Persian as written in Afghanistan is Dari
    [InlineData("prs", "prs")]
    [InlineData("ku-IQ", "ckb")]
    [InlineData("ku-Arab", "ckb")]
    [InlineData("ku-TR", "kmr")]
    [InlineData("ku", "kmr")]
    [InlineData("de-DE,de;q=0.9,pl;q=0.5", "pl")] // the first one we speak
    [InlineData("en;q=0.4,so;q=0.8", "so")] // quality, not order, decides
    [InlineData("en;q=0.8,ro;q=0.8", "en")] // equal quality: the phone's order
    [InlineData("ar;q=0,nl", "nl")] // q=0 means "not this one"
    [InlineData("  RU-ru ; q=1 ", "ru")]
    public void Best_PicksTheMostWantedFormLanguage(string header, string expected) => Assert.Equal(expected, PhoneLanguages.Best(header)?.Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("de-DE,fr;q=0.8,*;q=0.1")]
    [InlineData("ar;q=0")]
    [InlineData("ar;q=abc")]
    public void Best_NoneWeSpeak_IsNull(string? header) => Assert.Null(PhoneLanguages.Best(header));
}
