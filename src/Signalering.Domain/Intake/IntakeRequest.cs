namespace Signalering.Domain.Intake;

/// <summary>What a resident's phone sends, unchecked. Field names are the public API's (POST /api/signals).</summary>
public sealed record IntakeRequest(
    string? LocationToken,
    string? Language,
    string? Category,
    string? Subcategory,
    string? Text,
    ContactInput? Contact,
    bool? ContactConsent,
    string? IdempotencyKey,
    bool? FormalComplaint = null);

public sealed record ContactInput(string? Phone, string? Email);

/// <summary>A problem with one field of a request; <see cref="Field"/> uses the API's names ("contact.email").</summary>
public sealed record FieldError(string Field, string Message);
