using System.Security.Cryptography;
using System.Text;
using Signalering.Domain.Categories;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Signals;

namespace Signalering.Domain.Intake;

/// <summary>
/// Checks an intake completely before anything is stored, and reports every bad field at once (a resident on a
/// slow connection should not fix one field per round trip).
/// </summary>
public static class IntakeValidator
{
    public const int MaxTextLength = 2000;

    public static (ValidIntake? Intake, IReadOnlyList<FieldError> Errors) Validate(
        IntakeRequest request, ReferenceSet reference, LocationTokens tokens)
    {
        var errors = new List<FieldError>();

        var key = request.IdempotencyKey?.Trim();
        if (string.IsNullOrEmpty(key))
            errors.Add(new("idempotencyKey", "An idempotency key (Idempotency-Key header or idempotencyKey field) is required."));
        else if (!IsValidIdempotencyKey(key))
            errors.Add(new("idempotencyKey", "The idempotency key must be 8-128 characters: letters, digits, '-', '_', '.', ':'."));

        Location? location = null;
        QrTokenRecord? token = null;
        if (string.IsNullOrWhiteSpace(request.LocationToken))
            errors.Add(new("locationToken", "The location token from the QR code is required."));
        else if (!tokens.TryVerify(request.LocationToken.Trim(), out var tokenId) || !reference.TryResolveToken(tokenId, out location, out token))
            errors.Add(new("locationToken", "This location code is not valid. Scan the QR code at your location again."));

        string? language = null;
        if (!FormLanguages.TryGet(request.Language, out var lang))
            errors.Add(new("language", $"Language must be one of: {string.Join(", ", FormLanguages.All.Select(l => l.Code))}."));
        else language = lang.Code;

        Category? category = null, subcategory = null;
        if (!reference.Categories.TryGet(request.Category, out var c) || !c.IsMain)
            errors.Add(new("category", "Unknown category."));
        else category = c;
        if (!string.IsNullOrEmpty(request.Subcategory))
        {
            if (!reference.Categories.TryGet(request.Subcategory, out var s) || s.IsMain || (category is not null && s.ParentCode != category.Code))
                errors.Add(new("subcategory", "Unknown subcategory for this category."));
            else subcategory = s;
        }

        var text = NormaliseText(request.Text);
        if (text is not null && HasForbiddenCharacter(text))
            errors.Add(new("text", "The text contains control or text-direction override characters; remove them."));
        else if (text is { Length: > MaxTextLength })
            errors.Add(new("text", $"The text is too long: at most {MaxTextLength} characters."));
        else if (text is null && string.IsNullOrEmpty(request.Subcategory))
            errors.Add(new("text", "Write what the problem is, or choose a subcategory."));

        ResidentContact? contact = null;
        var hasContact = request.Contact is not null
            && (!string.IsNullOrWhiteSpace(request.Contact.Phone) || !string.IsNullOrWhiteSpace(request.Contact.Email));
        if (hasContact)
        {
            if (request.ContactConsent != true)
                errors.Add(new("contactConsent", "Contact details can only be kept with consent: set contactConsent to true."));
            else
            {
                try { contact = new ResidentContact(request.Contact!.Phone, request.Contact.Email); }
                catch (DomainException e) { errors.Add(new(e.Field ?? "contact", e.Message)); }
            }
        }

        if (errors.Count > 0) return (null, errors);
        var intake = new ValidIntake(location!, token!.Wing, language!, category!, subcategory, text, contact, key!,
            Fingerprint(request.LocationToken!.Trim(), language!, category!.Code, subcategory?.Code, text, contact,
                request.FormalComplaint == true, request.DangerNow == true, request.AboutStaff == true),
            request.FormalComplaint == true, request.DangerNow == true, request.AboutStaff == true);
        return (intake, []);
    }

    /// <summary>
    /// Control characters (NUL, BEL, ESC…) other than line breaks and tabs, and the bidi embedding, override and isolate
    /// controls (U+202A–U+202E, U+2066–U+2069) that can make a coordinator read a text backwards. Phones do not type
    /// them; scripts that attack the inbox do. The marks people do use in Persian and Arabic (ZWNJ, LRM, RLM) are allowed.
    /// </summary>
    public static bool HasForbiddenCharacter(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\r' or '\t')) return true;
            if (c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069') return true;
        }
        return false;
    }

    public static bool IsValidIdempotencyKey(string key) =>
        key.Length is >= 8 and <= 128 && key.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' or ':');

    // Line endings and outer white space do not make a different report; everything else does.
    private static string? NormaliseText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        return text.Replace("\r\n", "\n").Trim().Normalize(NormalizationForm.FormC);
    }

    // Every answer that changes how the signal is handled is part of it: a resend that adds "formal complaint" or
    // "someone is in danger" is a different report, not a retry to be answered with the old one.
    private static string Fingerprint(string token, string language, string category, string? sub, string? text, ResidentContact? contact,
        bool formalComplaint, bool dangerNow, bool aboutStaff)
    {
        var canonical = string.Join('\u001f', token, language, category, sub ?? "", text ?? "", contact?.Phone ?? "", contact?.Email ?? "",
            formalComplaint ? "complaint" : "", dangerNow ? "danger" : "", aboutStaff ? "staff" : "");
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..32];
    }
}
