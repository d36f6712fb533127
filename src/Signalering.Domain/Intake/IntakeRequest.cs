namespace Signalering.Domain.Intake;

/// <summary>
/// What a resident's phone sends, unchecked. Field names are the public API's (POST /api/signals).
/// <see cref="DangerNow"/> and <see cref="AboutStaff"/> are the form's two safety questions ("Is someone in danger now?",
/// "Is this about someone who works here or has power over you?"): a yes makes the signal an emergency, or sends it to
/// the independent confidential handler, whatever tile was tapped and whatever the text says. Unanswered is null.
/// </summary>
public sealed record IntakeRequest(
    string? LocationToken,
    string? Language,
    string? Category,
    string? Subcategory,
    string? Text,
    ContactInput? Contact,
    bool? ContactConsent,
    string? IdempotencyKey,
    bool? FormalComplaint = null,
    bool? DangerNow = null,
    bool? AboutStaff = null);

public sealed record ContactInput(string? Phone, string? Email);

/// <summary>A problem with one field of a request; <see cref="Field"/> uses the API's names ("contact.email").</summary>
public sealed record FieldError(string Field, string Message);
