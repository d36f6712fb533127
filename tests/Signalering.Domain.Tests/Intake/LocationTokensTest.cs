using System.Text;
using Signalering.Domain.Locations;

namespace Signalering.Domain.Tests.Intake;

public sealed class LocationTokensTest
{
    private static readonly byte[] K1 = Encoding.UTF8.GetBytes("first-key-first-key-first-key-32b!!");
    private static readonly byte[] K2 = Encoding.UTF8.GetBytes("second-key-second-key-second-key-32");

    [Fact]
    public void Sign_ThenVerify_GivesTheTokenId()
    {
        var tokens = new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = K1 }, "k1");
        Assert.True(tokens.TryVerify(tokens.Sign("poster-0001"), out var id));
        Assert.Equal("poster-0001", id);
    }

    [Fact]
    public void Verify_ForgedMacOrOtherId_Fails()
    {
        var tokens = new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = K1 }, "k1");
        var token = tokens.Sign("poster-0001");
        Assert.False(tokens.TryVerify(token[..^2] + "AA", out _));
        Assert.False(tokens.TryVerify(token.Replace("poster-0001", "poster-0002"), out _));
        Assert.False(tokens.TryVerify("k9" + token[2..], out _));
        Assert.False(tokens.TryVerify("", out _));
    }

    [Fact]
    public void Rotation_OldPostersKeepWorkingWhileTheirKeyIsConfigured()
    {
        var old = new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = K1 }, "k1").Sign("poster-0001");
        var rotated = new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = K1, ["k2"] = K2 }, "k2");
        Assert.True(rotated.TryVerify(old, out _));
        Assert.StartsWith("k2.", rotated.Sign("poster-0001"));
        var retired = new LocationTokens(new Dictionary<string, byte[]> { ["k2"] = K2 }, "k2");
        Assert.False(retired.TryVerify(old, out _));
    }

    [Fact]
    public void Token_RevealsNothingAboutTheLocation()
    {
        var tokens = new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = K1 }, "k1");
        var token = tokens.Sign(LocationTokens.NewTokenId());
        Assert.DoesNotContain("azc", token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("luttelgeest", token, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Constructor_ShortKey_Throws() =>
        Assert.Throws<DomainException>(() => new LocationTokens(new Dictionary<string, byte[]> { ["k1"] = new byte[16] }, "k1"));
}
