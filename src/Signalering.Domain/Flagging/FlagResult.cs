namespace Signalering.Domain.Flagging;

public sealed record FlagResult(SignalFlags Flags, IReadOnlySet<string> Kinds)
{
    public bool IsEmergency => Flags.HasFlag(SignalFlags.Emergency);
    public bool IsSensitive => Flags.HasFlag(SignalFlags.Sensitive);
    public bool MentionsSuicide => Kinds.Contains("suicide");
}
