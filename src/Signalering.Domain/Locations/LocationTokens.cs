using System.Security.Cryptography;
using System.Text;

namespace Signalering.Domain.Locations;

/// <summary>
/// Signs and verifies the token printed in a location's QR code: <c>{keyId}.{tokenId}.{mac}</c>. The token id is
/// random, so decoding a token reveals nothing about the location; the MAC lets a forged token be refused without
/// a lookup; the key id lets keys rotate (old posters keep working while their key is still configured).
/// Revocation is per token id, in the location's reference data.
/// </summary>
public sealed class LocationTokens
{
    private const int MacBytes = 16;
    private readonly IReadOnlyDictionary<string, byte[]> _keys;
    private readonly string _activeKeyId;
    private readonly string _purpose;

    /// <param name="purpose">
    /// What the token opens ("qr" for a location's poster). Part of the MAC, so a token signed for one purpose (an
    /// expertpool invitation) is refused as another (a poster), though both use the same keys.
    /// </param>
    public LocationTokens(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId, string purpose = "qr")
    {
        if (!keys.ContainsKey(activeKeyId)) throw new DomainException($"Active QR key '{activeKeyId}' is not configured.", "activeKeyId");
        foreach (var (id, key) in keys)
        {
            if (id.Length is 0 or > 16 || !id.All(char.IsAsciiLetterOrDigit)) throw new DomainException($"QR key id '{id}' must be 1-16 letters or digits.", "keys");
            if (key.Length < 32) throw new DomainException($"QR key '{id}' must be at least 256 bits.", "keys");
        }
        _keys = keys;
        _activeKeyId = activeKeyId;
        _purpose = purpose;
    }

    /// <summary>A fresh random token id for a new poster.</summary>
    public static string NewTokenId() => Base64Url(RandomNumberGenerator.GetBytes(12));

    public string Sign(string tokenId) => $"{_activeKeyId}.{tokenId}.{Mac(_keys[_activeKeyId], tokenId)}";

    /// <summary>True with the token id when the token was signed by one of our keys. Says nothing about revocation.</summary>
    public bool TryVerify(string? token, out string tokenId)
    {
        tokenId = "";
        if (string.IsNullOrEmpty(token) || token.Length > 100) return false;
        var parts = token.Split('.');
        if (parts.Length != 3 || !_keys.TryGetValue(parts[0], out var key)) return false;
        var expected = Encoding.ASCII.GetBytes(Mac(key, parts[1]));
        var given = Encoding.ASCII.GetBytes(parts[2]);
        if (!CryptographicOperations.FixedTimeEquals(expected, given)) return false;
        tokenId = parts[1];
        return true;
    }

    private string Mac(byte[] key, string tokenId) =>
        Base64Url(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(_purpose + ":" + tokenId))[..MacBytes]);

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
