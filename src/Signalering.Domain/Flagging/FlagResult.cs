using System.Collections.ObjectModel;

namespace Signalering.Domain.Flagging;

/// <summary>
/// The outcome of flagging one text: the flags and the names of the kinds that matched (see <see cref="FlagKinds"/>).
/// It deliberately carries no matched words or positions: results are logged and stored next to the signal, and the
/// resident's words about violence or abuse must not leak through them. The constructor therefore only accepts known
/// kind names, and the flags must be exactly the ones those kinds imply.
/// </summary>
public sealed record FlagResult(SignalFlags Flags, IReadOnlySet<string> Kinds)
{
    /// <summary>Nothing matched.</summary>
    public static readonly FlagResult None = new(SignalFlags.None, new HashSet<string>());

    public SignalFlags Flags { get; } = Check(Flags, Kinds);

    // A private copy: the caller's set could be changed afterwards, and a stored result must stay what it was.
    public IReadOnlySet<string> Kinds { get; } = new ReadOnlySet<string>(new HashSet<string>(Kinds, StringComparer.Ordinal));

    /// <summary>Immediate danger: mark urgent and point the resident to 112.</summary>
    public bool IsEmergency => Flags.HasFlag(SignalFlags.Emergency);

    /// <summary>Route to the independent confidential handler, never to the location's operator.</summary>
    public bool IsSensitive => Flags.HasFlag(SignalFlags.Sensitive);

    /// <summary>The text mentions suicide: besides 112, point the resident to 113 (113 Zelfmoordpreventie, 0800-0113).</summary>
    public bool MentionsSuicide => Kinds.Contains(FlagKinds.Suicide);

    private static SignalFlags Check(SignalFlags flags, IReadOnlySet<string> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var implied = SignalFlags.None;
        foreach (var kind in kinds)
        {
            var flag = FlagKinds.FlagOf(kind);
            if (flag == SignalFlags.None) throw new DomainException($"'{kind}' is not a flag kind.", "kinds");
            implied |= flag;
        }
        if (implied != flags) throw new DomainException($"Flags {flags} do not match the kinds ({string.Join(", ", kinds)}).", "flags");
        return flags;
    }
}
