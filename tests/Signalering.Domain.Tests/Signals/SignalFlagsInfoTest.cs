using Signalering.Domain.Flagging;
using Signalering.Domain.Signals;

namespace Signalering.Domain.Tests.Signals;

public class SignalFlagsInfoTest
{
    [Theory]
    [InlineData(FlagKinds.Suicide, true)]
    [InlineData(SignalFlagsInfo.TranslationPrefix + FlagKinds.Suicide, true)]
    // Only the model read an emergency: its kind is unknown, and indirect words are what the model is for.
    [InlineData(FlagKinds.LikelyEmergency, true)]
    [InlineData(SignalFlagsInfo.TranslationPrefix + FlagKinds.LikelyEmergency, true)]
    // A known kind of emergency, or the resident's own answer, says nothing of suicide.
    [InlineData(FlagKinds.Fire, false)]
    [InlineData(FlagKinds.Violence, false)]
    [InlineData(SignalFlagsInfo.AnsweredDanger, false)]
    public void TheSuicideLine_IsOffered_WhenSuicideIsNamed_OrOnlyTheModelSawTheEmergency(string kind, bool offered)
    {
        var flags = new SignalFlagsInfo(Emergency: true, Sensitive: false, [kind]);
        Assert.Equal(offered, flags.OffersSuicideLine);
        Assert.Equal(kind.EndsWith(FlagKinds.Suicide, StringComparison.Ordinal), flags.MentionsSuicide);
    }

    [Fact]
    public void NoFlags_OfferNoSuicideLine() => Assert.False(SignalFlagsInfo.None.OffersSuicideLine);
}
