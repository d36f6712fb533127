namespace Signalering.Domain.Categories;

/// <summary>
/// What an organisation promises the resident for a category: accept (acknowledge) the signal within
/// <see cref="AcknowledgeWithinWorkingHours"/> working hours and resolve it within
/// <see cref="ResolveWithinWorkingDays"/> working days. Both are counted on the Dutch working calendar, except for an
/// emergency, whose hours and days run round the clock (<see cref="Clocks.SignalClocks.TimeOf"/>, ADR 0011).
/// </summary>
public readonly record struct HandlingPromise
{
    public int AcknowledgeWithinWorkingHours { get; }
    public int ResolveWithinWorkingDays { get; }

    public HandlingPromise(int acknowledgeWithinWorkingHours, int resolveWithinWorkingDays)
    {
        if (acknowledgeWithinWorkingHours is < 1 or > 24 * 10)
            throw new DomainException("Acknowledgement must be between 1 and 240 working hours.", "acknowledgeWithinWorkingHours");
        if (resolveWithinWorkingDays is < 1 or > 120)
            throw new DomainException("Resolution must be between 1 and 120 working days.", "resolveWithinWorkingDays");
        if (acknowledgeWithinWorkingHours > resolveWithinWorkingDays * 8)
            throw new DomainException("Acknowledgement cannot take longer than resolution.", "acknowledgeWithinWorkingHours");
        AcknowledgeWithinWorkingHours = acknowledgeWithinWorkingHours;
        ResolveWithinWorkingDays = resolveWithinWorkingDays;
    }

    /// <summary>What an emergency is promised, as the emergency categories (fire, acute danger, urgent care) promise it.</summary>
    public static HandlingPromise Urgent { get; } = new(1, 1);

    /// <summary>This promise for a signal that is an emergency: never slower than <see cref="Urgent"/>.</summary>
    public HandlingPromise ForEmergency() => new(Math.Min(AcknowledgeWithinWorkingHours, Urgent.AcknowledgeWithinWorkingHours),
        Math.Min(ResolveWithinWorkingDays, Urgent.ResolveWithinWorkingDays));
}
