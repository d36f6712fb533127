namespace Signalering.Domain.Flagging;

[Flags]
public enum SignalFlags
{
    None = 0,
    Emergency = 1,
    Sensitive = 2,
}
