using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Notifications;

/// <summary>A push service as the Web Push protocol (RFC 8030) describes it, on a local port: it keeps what it is sent and answers 201, or 410 under <c>/gone/</c>.</summary>
public sealed class FakePushService : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    private readonly WebApplication _app;
    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Origin { get; }

    public FakePushService()
    {
        var port = Azurite.FreePort();
        Origin = $"http://127.0.0.1:{port}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Origin);
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            Requests.Enqueue(new Received(http.Request.Path, http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), body.ToArray()));
            return Results.StatusCode(http.Request.Path.StartsWithSegments("/gone") ? StatusCodes.Status410Gone : StatusCodes.Status201Created);
        });
        _app.StartAsync().GetAwaiter().GetResult();
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}

/// <summary>A browser's side of a push subscription: its P-256 key pair and auth secret, and how it opens a message (RFC 8291).</summary>
public sealed class PhoneKeys : IDisposable
{
    private readonly ECDiffieHellman _key = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    public byte[] Auth { get; } = RandomNumberGenerator.GetBytes(16);
    public byte[] PublicKey { get; }

    public PhoneKeys()
    {
        var q = _key.ExportParameters(false).Q;
        PublicKey = [0x04, .. q.X!, .. q.Y!];
    }

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    public static byte[] FromB64(string s) => Convert.FromBase64String(s.Replace('-', '+').Replace('_', '/').PadRight(s.Length + (4 - s.Length % 4) % 4, '='));

    /// <summary>Decrypts an aes128gcm body (RFC 8188 header: salt, record size, key id = the sender's public key) sent to this phone.</summary>
    public string Open(byte[] body)
    {
        var salt = body[..16];
        var idLength = body[20];
        var senderPublic = body[21..(21 + idLength)];
        var cipher = body[(21 + idLength)..];
        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });
        var shared = _key.DeriveRawSecretAgreement(sender.PublicKey);
        var ikm = HKDF.Expand(HashAlgorithmName.SHA256, HKDF.Extract(HashAlgorithmName.SHA256, shared, Auth), 32,
            [.. "WebPush: info\0"u8, .. PublicKey, .. senderPublic]);
        var prk = HKDF.Extract(HashAlgorithmName.SHA256, ikm, salt);
        var cek = HKDF.Expand(HashAlgorithmName.SHA256, prk, 16, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.Expand(HashAlgorithmName.SHA256, prk, 12, "Content-Encoding: nonce\0"u8.ToArray());
        var plain = new byte[cipher.Length - 16];
        using var aes = new AesGcm(cek, 16);
        aes.Decrypt(nonce, cipher[..^16], cipher[^16..], plain);
        var end = Array.LastIndexOf(plain, (byte)0x02); // the last record's delimiter, then padding
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => _key.Dispose();
}

/// <summary>The site's VAPID key pair (RFC 8292), made for the test as an operator would with any Web Push tool.</summary>
public sealed class VapidKeys
{
    public string PublicKey { get; }
    public string PrivateKey { get; }

    public VapidKeys()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var p = key.ExportParameters(true);
        PublicKey = PhoneKeys.B64([0x04, .. p.Q.X!, .. p.Q.Y!]);
        PrivateKey = PhoneKeys.B64(p.D!);
    }

    /// <summary>Checks a <c>vapid t=…, k=…</c> header: k is our key, t a JWT signed with it (ES256) for this push service's origin.</summary>
    public JsonElement VerifyAuthorization(string header, string audience)
    {
        Assert.StartsWith("vapid ", header);
        var parameters = header["vapid ".Length..].Split(',').Select(p => p.Trim().Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        Assert.Equal(PublicKey, parameters["k"]);
        var parts = parameters["t"].Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Equal("ES256", JsonDocument.Parse(FromB64(parts[0])).RootElement.GetProperty("alg").GetString());
        var k = FromB64(PublicKey);
        using var verifier = ECDsa.Create(new ECParameters { Curve = ECCurve.NamedCurves.nistP256, Q = new ECPoint { X = k[1..33], Y = k[33..65] } });
        Assert.True(verifier.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]), FromB64(parts[2]), HashAlgorithmName.SHA256), "the JWT is signed with the VAPID key");
        var claims = JsonDocument.Parse(FromB64(parts[1])).RootElement;
        Assert.Equal(audience, claims.GetProperty("aud").GetString());
        var exp = DateTimeOffset.FromUnixTimeSeconds(claims.GetProperty("exp").GetInt64());
        Assert.InRange(exp, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24).AddMinutes(1));
        return claims;
    }

    private static byte[] FromB64(string s) => PhoneKeys.FromB64(s);
}
