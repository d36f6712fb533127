using Signalering.Domain.Categories;
using Signalering.Domain.Locations;
using Signalering.Domain.Signals;

namespace Signalering.Domain.Intake;

/// <summary>
/// An intake that passed every check. <see cref="Fingerprint"/> identifies its content, so a reused idempotency key
/// with a different body can be told apart from an honest retry.
/// </summary>
public sealed record ValidIntake(
    Location Location,
    string? Wing,
    string Language,
    Category Category,
    Category? Subcategory,
    string? Text,
    ResidentContact? Contact,
    string IdempotencyKey,
    string Fingerprint,
    bool FormalComplaint = false,
    bool DangerNow = false,
    bool AboutStaff = false)
{
    /// <summary>The chosen category's promise; a signal that turns out to be an emergency gets the urgent one instead (see <see cref="Signals.Signal"/>).</summary>
    public HandlingPromise Promise => (Subcategory ?? Category).Promise;
}
