using System.Net.Mail;

namespace Signalering.Domain.Signals;

/// <summary>Optional contact details. Only exists with the resident's explicit consent to be contacted about this signal.</summary>
public sealed record ResidentContact
{
    public string? Phone { get; }
    public string? Email { get; }

    public ResidentContact(string? phone, string? email)
    {
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        if (phone is null && email is null) throw new DomainException("Give a phone number or an email address.", "contact");
        if (phone is not null && !IsPhone(phone)) throw new DomainException("Phone number is not valid.", "contact.phone");
        if (email is not null && !IsEmail(email)) throw new DomainException("Email address is not valid.", "contact.email");
        Phone = phone; Email = email;
    }

    private static bool IsPhone(string p)
    {
        var digits = p.Count(char.IsAsciiDigit);
        return p.Length <= 32 && digits is >= 6 and <= 15 && p.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')');
    }

    private static bool IsEmail(string e) =>
        e.Length <= 254 && MailAddress.TryCreate(e, out var a) && a.Address == e && e.Contains('.', StringComparison.Ordinal);
}
