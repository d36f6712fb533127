using Signalering.Domain.Intake;
using Signalering.Domain.Locations;
using Signalering.Domain.Signals;
using Signalering.Functions.Features.Admin;
using Signalering.Infrastructure.Blobs;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Intake;

/// <summary>What the resident filled in on the details step (kept as typed when the form comes back with errors).</summary>
public sealed record FormAnswers(string? Text, string? Phone, string? Email, bool Consent, string IdempotencyKey, bool FormalComplaint = false,
    bool? DangerNow = null, bool? AboutStaff = null)
{
    /// <summary>
    /// Minted when the form is rendered, so a double tap, a reload or the script's retries all yield the one signal.
    /// </summary>
    public static string NewKey() => "form-" + Guid.NewGuid().ToString("N");

    public static FormAnswers Empty() => new(null, null, null, false, NewKey());
}

/// <summary>
/// The resident's report form: resolves the QR code to its place, and submits through the same
/// <see cref="IntakeService"/> as <c>POST /api/signals</c>, with a photo when there is one.
/// </summary>
public sealed class ResidentFormService(ReferenceDataProvider reference, LocationTokens tokens, IntakeService intake, AttachmentStore attachments,
    SignalTable signals, Status.StatusLookup lookup, TimeProvider time, ILogger<ResidentFormService> log)
{
    /// <summary>The place behind <paramref name="token"/>; null for a forged, unknown or revoked code.</summary>
    public async Task<FormPlace?> FindAsync(string token, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        return tokens.TryVerify(token, out var tokenId) && set.TryResolveToken(tokenId, out var location, out _) ? new FormPlace(token, location, set) : null;
    }

    /// <summary>
    /// The signal a confirmation page shows: looked up as the status page looks up a typed code (a confirmation
    /// address is no way around its limit on guessing codes), and only when it was reported at this place.
    /// </summary>
    public async Task<Signal?> ReceivedAsync(FormPlace place, string client, string code, CancellationToken ct) =>
        await lookup.FindAsync(client, code, ct) is Status.LookupOutcome.Found { Stored.Signal: var signal } && signal.LocationId == place.Location.Id
            ? signal : null;

    /// <summary>
    /// Submits the answers. The photo is checked before anything is stored: a photo that is not a picture, or too large,
    /// is an invalid field <c>photo</c> and leaves no signal behind. A photo that cannot be stored is lost, never the signal.
    /// </summary>
    public async Task<IntakeResult> SubmitAsync(FormPlace place, FormStep step, FormAnswers answers, IFormFile? photoFile, CancellationToken ct)
    {
        PhotoSanitiser.Photo? photo = null;
        if (photoFile is { Length: > 0 })
        {
            var bytes = new byte[Math.Min(photoFile.Length, PhotoSanitiser.MaxBytes + 1)];
            await using (var stream = photoFile.OpenReadStream()) await stream.ReadAtLeastAsync(bytes, bytes.Length, throwOnEndOfStream: false, ct);
            photo = photoFile.Length > PhotoSanitiser.MaxBytes ? null : Security.PhotoReencoder.Reencode(bytes);
            if (photo is null) return PhotoRefused;
        }

        var contact = answers.Phone is null && answers.Email is null ? null : new ContactInput(answers.Phone, answers.Email);
        var result = await intake.SubmitAsync(new IntakeRequest(place.Token, step.Language.Code, step.Main.Code, step.Sub?.Code, answers.Text, contact,
            answers.Consent, answers.IdempotencyKey, answers.FormalComplaint, answers.DangerNow, answers.AboutStaff), ct);
        if (result is IntakeResult.Accepted accepted && photo is not null && accepted.Signal.Attachments.Count == 0)
            await AttachAsync(accepted.Signal.Code, photo, ct);
        return result;
    }

    /// <summary>The answer to a photo that is not a picture or too large (also when the upload itself could not be read).</summary>
    public static IntakeResult.Invalid PhotoRefused { get; } = new([new FieldError("photo", $"The photo is not a JPEG or PNG picture of at most {PhotoSanitiser.MaxBytes / (1024 * 1024)} MB.")]);

    private async Task AttachAsync(TrackingCode code, PhotoSanitiser.Photo photo, CancellationToken ct)
    {
        try
        {
            var name = await attachments.SaveAsync(code, photo.Content, photo.ContentType, ct);
            for (var attempt = 0; attempt < 5; attempt++)
            {
                var stored = await signals.GetAsync(code, ct);
                if (stored is null) return;
                stored.Signal.AttachPhoto(name, time.GetUtcNow());
                if (await signals.SaveAsync(stored, stored.Signal, [], [], time.GetUtcNow(), ct) is not null) return;
            }
            log.LogWarning("Recording the photo of {Code} kept conflicting; the blob is stored", code.ToString());
        }
        catch (Azure.RequestFailedException e)
        {
            log.LogWarning(e, "Storing the photo of {Code} failed; the signal is kept without it", code.ToString());
        }
    }
}
