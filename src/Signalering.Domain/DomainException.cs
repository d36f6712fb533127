namespace Signalering.Domain;

/// <summary>
/// A domain invariant was violated. <see cref="Field"/> names the offending input where there is one.
/// <see cref="StateConflict"/> says the input itself was fine but the current state does not allow it (a signal that
/// is already closed, a period already extended): the caller should read again rather than correct what it sent.
/// </summary>
public class DomainException(string message, string? field = null, bool stateConflict = false) : Exception(message)
{
    public string? Field { get; } = field;
    public bool StateConflict { get; } = stateConflict;
}
