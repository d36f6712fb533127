namespace Signalering.Domain;

/// <summary>A domain invariant was violated. <see cref="Field"/> names the offending input where there is one.</summary>
public class DomainException(string message, string? field = null) : Exception(message)
{
    public string? Field { get; } = field;
}
