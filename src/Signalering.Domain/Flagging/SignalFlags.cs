namespace Signalering.Domain.Flagging;

/// <summary>
/// What a resident's free text says about how a signal must be handled, independent of the category they picked.
/// <see cref="Emergency"/>: immediate danger; the signal is urgent and the resident is pointed to 112 (113 for suicide).
/// <see cref="Sensitive"/>: abuse or misconduct by staff, sexual harassment or abuse, child safety; the signal goes to the
/// independent confidential handler and never to the location's operator. A text can be both.
/// </summary>
[Flags]
public enum SignalFlags
{
    None = 0,
    Emergency = 1,
    Sensitive = 2,
}
