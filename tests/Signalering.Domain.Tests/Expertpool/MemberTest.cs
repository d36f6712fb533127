using Signalering.Domain.Expertpool;
using Signalering.Domain.Locations;
using static Signalering.Domain.Tests.Expertpool.ExpertpoolFixtures;

namespace Signalering.Domain.Tests.Expertpool;

public sealed class MemberTest
{
    private static Member Join(ConsentRecord? consent, InviteChannel channel = InviteChannel.Location, string? contact = null) =>
        new(TargetGroups.AsylumSeeker, "azc-luttelgeest", "ar", ["ar", "en"], "26-35", null, ["taal"], channel, contact, consent);

    [Fact]
    public void Consent_IsRecordedWithVersionLanguageAndTime()
    {
        var m = Join(Consent("ti"));
        Assert.Equal(ConsentRecord.CurrentVersion, m.Consent.TextVersion);
        Assert.Equal("ti", m.Consent.Language);
        Assert.Equal(Opens, m.Consent.At);
        Assert.Equal(ConsentRecord.CurrentItems, m.Consent.Agreed);
    }

    [Fact]
    public void NoConsent_OldTextOrPartialConsent_IsRefused()
    {
        Assert.Equal("consent", Assert.Throws<DomainException>(() => Join(null)).Field);
        Assert.Equal("consent", Assert.Throws<DomainException>(() => Join(Consent() with { TextVersion = "expertpool-consent-2020" })).Field);
        Assert.Equal("consent", Assert.Throws<DomainException>(() => Join(Consent() with { Agreed = ["ep.consent.store"] })).Field);
    }

    [Fact]
    public void Problems_NamesEveryWrongField_TheFirstIsWhatJoiningRefuses()
    {
        var problems = Member.Problems(null, "azc-luttelgeest", "ar", ["ar"], "12", null, ["taal"], InviteChannel.Email, "not an address", null);
        Assert.Equal(new[] { "consent", "targetGroup", "ageRange", "email" }, problems.Select(p => p.Field));
        Assert.Equal("consent", Assert.Throws<DomainException>(() =>
            new Member("", "azc-luttelgeest", "ar", ["ar"], "12", null, ["taal"], InviteChannel.Email, "not an address", null)).Field);
        Assert.Empty(Member.Problems(TargetGroups.AsylumSeeker, "azc-luttelgeest", "ar", ["ar"], "26-35", null, ["taal"], InviteChannel.Location, null, Consent()));
    }

    [Fact]
    public void Contact_OnlyForTheChannelThatNeedsIt()
    {
        Assert.Null(Join(Consent()).Contact);
        Assert.Equal("contact", Assert.Throws<DomainException>(() => Join(Consent(), InviteChannel.Location, "a@b.nl")).Field);
        Assert.Equal("email", Assert.Throws<DomainException>(() => Join(Consent(), InviteChannel.Email, "not an address")).Field);
        Assert.Equal("phone", Assert.Throws<DomainException>(() => Join(Consent(), InviteChannel.Phone, null)).Field);
        Assert.Equal("+31 6 1234 5678", Join(Consent(), InviteChannel.Phone, " +31 6 1234 5678 ").Contact);
    }

    [Fact]
    public void MemberCode_RoundTripsAndCatchesATypo()
    {
        var code = MemberCode.New();
        Assert.Equal(14, code.ToString().Length);
        Assert.True(MemberCode.TryParse(code.ToString().ToLowerInvariant().Replace("-", " "), out var back));
        Assert.Equal(code, back);
        var typo = code.Value[..3] + (code.Value[3] == 'A' ? 'C' : 'A') + code.Value[4..];
        Assert.False(MemberCode.TryParse(typo, out _));
        Assert.False(MemberCode.TryParse(code.Value[..10], out _));
    }

    [Fact]
    public void InvitationToken_IsNotAPosterToken()
    {
        var keys = new Dictionary<string, byte[]> { ["k1"] = new byte[32] };
        var invitations = new InvitationTokens(keys, "k1");
        var token = invitations.Sign(InvitationTokens.NewInvitationId());
        Assert.True(invitations.TryVerify(token, out _));
        Assert.False(new LocationTokens(keys, "k1").TryVerify(token, out _));
    }

    [Fact]
    public void Pseudonyms_AreKeyed_AndStable()
    {
        var code = MemberCode.New();
        var a = new Pseudonyms(Enumerable.Repeat((byte)1, 32).ToArray());
        var b = new Pseudonyms(Enumerable.Repeat((byte)2, 32).ToArray());
        Assert.Equal(a.AnswerId("inv1"), a.AnswerId("inv1"));
        Assert.NotEqual(a.AnswerId("inv1"), b.AnswerId("inv1"));
        Assert.NotEqual(a.MemberKey(code), b.MemberKey(code));
        Assert.DoesNotContain(code.Value, a.MemberKey(code), StringComparison.OrdinalIgnoreCase);
    }
}
