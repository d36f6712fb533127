using System.Security.Cryptography;
using Signalering.Domain.Signals;

namespace Signalering.Domain.Expertpool;

/// <summary>
/// The code an expertpool member writes down: eleven random symbols and a check symbol, shown as <c>K7M4-QX9T-RAC3</c>.
/// It is the member's only key (to see invitations, to leave), so it is random (about 48 bits; lookups are also rate
/// limited) rather than derived from anything. Same alphabet and check symbol as <see cref="TrackingCode"/>, so
/// people copy it as reliably; three groups of four tell it apart from a tracking code at a glance.
/// </summary>
public readonly record struct MemberCode
{
    public const int DataLength = 11;
    public string Value { get; }

    private MemberCode(string value) => Value = value;

    public override string ToString() => $"{Value[..4]}-{Value[4..8]}-{Value[8..]}";

    public static MemberCode New()
    {
        Span<char> chars = stackalloc char[DataLength + 1];
        for (var i = 0; i < DataLength; i++) chars[i] = TrackingCode.Alphabet[RandomNumberGenerator.GetInt32(TrackingCode.Alphabet.Length)];
        chars[DataLength] = TrackingCode.CheckSymbol(chars[..DataLength]);
        return new MemberCode(new string(chars));
    }

    /// <summary>Accepts what people type: any case, spaces, dots or hyphens between groups.</summary>
    public static bool TryParse(string? input, out MemberCode code)
    {
        code = default;
        if (!TrackingCode.TryReadSymbols(input, DataLength, out var value)) return false;
        code = new MemberCode(value);
        return true;
    }
}
