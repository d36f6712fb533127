using System.Text;
using Signalering.Domain.Signals;

namespace Signalering.Domain.Tests.Signals;

public sealed class TrackingCodeTest
{
    private static readonly byte[] Secret = Encoding.UTF8.GetBytes("test-secret-for-tracking-codes-32bytes!");

    [Fact]
    public void Derive_SameKeyAndAttempt_GivesSameCode() =>
        Assert.Equal(TrackingCode.Derive(Secret, "key-1", 0), TrackingCode.Derive(Secret, "key-1", 0));

    [Fact]
    public void Derive_OtherAttemptOrSecret_GivesOtherCode()
    {
        var code = TrackingCode.Derive(Secret, "key-1", 0);
        Assert.NotEqual(code, TrackingCode.Derive(Secret, "key-1", 1));
        Assert.NotEqual(code, TrackingCode.Derive(Encoding.UTF8.GetBytes("another-secret-another-secret-32b!!"), "key-1", 0));
    }

    [Fact]
    public void Alphabet_LeavesOutLookAlikes()
    {
        foreach (var c in "0O1IL2Z5S8BUVDQ") Assert.DoesNotContain(c, TrackingCode.Alphabet);
    }

    [Fact]
    public void ToString_GroupsAsThreeThreeFour_AndParsesBackFromAnyCaseAndSpacing()
    {
        var code = TrackingCode.Derive(Secret, "key-2", 0);
        var text = code.ToString();
        Assert.Matches("^[A-Z0-9]{3}-[A-Z0-9]{3}-[A-Z0-9]{4}$", text);
        Assert.True(TrackingCode.TryParse(text.ToLowerInvariant().Replace("-", " "), out var parsed));
        Assert.Equal(code, parsed);
    }

    [Fact]
    public void TryParse_AnySingleWrongSymbol_IsRejected()
    {
        for (var k = 0; k < 50; k++)
        {
            var value = TrackingCode.Derive(Secret, "k" + k, 0).Value;
            for (var i = 0; i < value.Length; i++)
                foreach (var c in TrackingCode.Alphabet.Where(c => c != value[i]))
                    Assert.False(TrackingCode.TryParse(value[..i] + c + value[(i + 1)..], out _), $"{value} with {c} at {i} passed the check");
        }
    }

    [Fact]
    public void TryParse_SwapOfNeighbours_IsRejected()
    {
        for (var k = 0; k < 200; k++)
        {
            var value = TrackingCode.Derive(Secret, "k" + k, 0).Value;
            for (var i = 0; i < value.Length - 1; i++)
            {
                if (value[i] == value[i + 1]) continue;
                var swapped = value[..i] + value[i + 1] + value[i] + value[(i + 2)..];
                Assert.False(TrackingCode.TryParse(swapped, out _), $"{value} → {swapped} passed the check");
            }
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ABC")]
    [InlineData("333-333-33333-3")]
    [InlineData("000-000-0000")]
    public void TryParse_Malformed_IsRejected(string? input) => Assert.False(TrackingCode.TryParse(input, out _));
}
