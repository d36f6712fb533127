using System.Security.Cryptography;
using System.Text;

namespace Signalering.Domain.Signals;

/// <summary>
/// The code a resident writes down to follow a signal: nine symbols and a check symbol, shown as <c>K7M-4QX-9TRA</c>.
/// The alphabet leaves out look-alikes (0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V), so a code copied by hand from a
/// phone screen is read back right; the weighted mod-21 check symbol catches any single wrong symbol and any swap of two
/// neighbours before a lookup is spent on it.
/// </summary>
public readonly record struct TrackingCode
{
    public const string Alphabet = "34679ACEFGHJKMNPRTWXY";
    public const int DataLength = 9;
    private static readonly int N = Alphabet.Length;

    /// <summary>The ten symbols without separators.</summary>
    public string Value { get; }

    private TrackingCode(string value) => Value = value;

    /// <summary>The shard the code's signal lives in (its first symbol): spreads signals over 21 table partitions.</summary>
    public char Shard => Value[0];

    public override string ToString() => $"{Value[..3]}-{Value[3..6]}-{Value[6..]}";

    /// <summary>
    /// Derives the code for an intake from its idempotency key with a server secret: a retry with the same key finds
    /// the same code, so the insert itself detects the duplicate. <paramref name="attempt"/> walks to the next
    /// candidate when another key already owns a code (rare, and deterministic, so retries walk the same path).
    /// </summary>
    public static TrackingCode Derive(ReadOnlySpan<byte> secret, string idempotencyKey, int attempt)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{attempt}:{idempotencyKey}"), mac);
        var number = BitConverter.ToUInt64(mac[..8]);
        Span<char> chars = stackalloc char[DataLength + 1];
        for (var i = 0; i < DataLength; i++)
        {
            chars[i] = Alphabet[(int)(number % (ulong)N)];
            number /= (ulong)N;
        }
        chars[DataLength] = CheckSymbol(chars[..DataLength]);
        return new TrackingCode(new string(chars));
    }

    /// <summary>Accepts what people type: any case, spaces or hyphens between groups.</summary>
    public static bool TryParse(string? input, out TrackingCode code)
    {
        code = default;
        if (!TryReadSymbols(input, DataLength, out var value)) return false;
        code = new TrackingCode(value);
        return true;
    }

    /// <summary>
    /// Reads <paramref name="dataLength"/> symbols and a valid check symbol from what someone typed (any case,
    /// separators ignored). Shared with the expertpool's member code, which is written down the same way.
    /// </summary>
    internal static bool TryReadSymbols(string? input, int dataLength, out string value)
    {
        value = "";
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return false;
        Span<char> chars = stackalloc char[dataLength + 1];
        var n = 0;
        foreach (var raw in input)
        {
            if (raw is ' ' or '-' or '.') continue;
            var c = char.ToUpperInvariant(raw);
            if (Alphabet.IndexOf(c) < 0 || n == chars.Length) return false;
            chars[n++] = c;
        }
        if (n != dataLength + 1 || CheckSymbol(chars[..dataLength]) != chars[dataLength]) return false;
        value = new string(chars);
        return true;
    }

    // Weighted sum mod 21 with weights 2,1,2,1… from the right (the check symbol weighs 1). Both weights and their
    // difference are coprime to 21, so every single wrong symbol and every swap of neighbours changes the sum.
    // (Luhn mod N would not do: with an odd alphabet size its doubling step maps two symbols onto one.)
    internal static char CheckSymbol(ReadOnlySpan<char> data)
    {
        var sum = 0;
        for (var i = 0; i < data.Length; i++)
            sum += ((data.Length - i) % 2 == 1 ? 2 : 1) * Alphabet.IndexOf(data[i]);
        return Alphabet[(N - sum % N) % N];
    }
}
