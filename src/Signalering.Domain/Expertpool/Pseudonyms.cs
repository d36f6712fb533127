using System.Security.Cryptography;
using System.Text;
using Signalering.Domain.Locations;

namespace Signalering.Domain.Expertpool;

/// <summary>
/// The expertpool's keyed pseudonyms, from a secret that lives in configuration (Key Vault), never in storage:
/// <list type="bullet">
/// <item><see cref="MemberKey"/>: where a member's row is found from their code; the code itself is never stored, so
/// reading the table does not give anyone a code to act with.</item>
/// <item><see cref="AnswerId"/>: the answer set's key, from the invitation id. Deterministic, so two submissions for one
/// invitation collide on the same key and the store keeps one. Linking an answer back to a member needs the invitation
/// row (which names the member until the answer is in, and is deleted on withdrawal) and this secret; the answers
/// table alone links to no one.</item>
/// </list>
/// </summary>
public sealed class Pseudonyms
{
    private readonly byte[] _key;

    public Pseudonyms(byte[] key)
    {
        if (key.Length < 32) throw new DomainException("The expertpool pseudonym key must be at least 256 bits.", "pseudonymKey");
        _key = key;
    }

    public string MemberKey(MemberCode code) => Hash("member:" + code.Value);

    public string AnswerId(string invitationId) => Hash("answer:" + invitationId);

    private string Hash(string value) => Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)))[..32];
}

/// <summary>
/// Personal invitation links: <c>/e/i/{token}</c> where the token is a random invitation id signed like a poster's QR
/// token, but for the purpose "invitation", so neither passes as the other. The token reveals nothing about the member
/// or the consultation; a forged one is refused without a lookup.
/// </summary>
public sealed class InvitationTokens(IReadOnlyDictionary<string, byte[]> keys, string activeKeyId)
{
    private readonly LocationTokens _signer = new(keys, activeKeyId, "invitation");

    public static string NewInvitationId() => LocationTokens.NewTokenId();

    public string Sign(string invitationId) => _signer.Sign(invitationId);

    public bool TryVerify(string? token, out string invitationId) => _signer.TryVerify(token, out invitationId);
}
