using Signalering.Domain.Languages;
using Signalering.Domain.Signals;

namespace Signalering.Domain.Expertpool;

/// <summary>How a member wants to hear of a new consultation.</summary>
public enum InviteChannel
{
    /// <summary>The member looks up their code on the link shown at the location: we hold no contact details at all.</summary>
    Location,
    /// <summary>The organisers email the personal link (Signalering has no mail service; they export and send).</summary>
    Email,
    /// <summary>The organisers send the personal link to this phone number.</summary>
    Phone,
}

/// <summary>
/// What a member agreed to when joining: which consent text (by version), shown in which language, when. Kept for
/// as long as the membership, so the municipality can show what each member agreed to.
/// </summary>
public sealed record ConsentRecord(string TextVersion, string Language, DateTimeOffset At, IReadOnlyList<string> Agreed)
{
    /// <summary>The consent text in data/texts (keys ep.consent.*). A change of wording needs a new version.</summary>
    public const string CurrentVersion = "expertpool-consent-2026-11";

    /// <summary>What the current text asks agreement to, one entry per key shown, in the order shown.</summary>
    public static readonly IReadOnlyList<string> CurrentItems = ["ep.consent.store", "ep.consent.pseudonym", "ep.consent.leave"];
}

/// <summary>The age bands of the Den Helder appendix; nothing finer is asked.</summary>
public static class AgeRanges
{
    public static readonly IReadOnlyList<string> All = ["18-25", "26-35", "36-50", "51-65", "66+"];
}

public static class Genders
{
    public static readonly IReadOnlyList<string> All = ["woman", "man", "other"];
}

/// <summary>
/// A member of the expertpool: the profile asked when joining, and nothing else. This is the only place the
/// member's contact details live; withdrawal deletes it. It never holds an answer or an answer's pseudonym.
/// </summary>
public sealed record Member
{
    public string TargetGroup { get; }
    public string LocationId { get; }
    public string Language { get; }
    public IReadOnlyList<string> Languages { get; }
    public string AgeRange { get; }
    public string? Gender { get; }
    public IReadOnlyList<string> Indicators { get; }
    public InviteChannel Channel { get; }
    /// <summary>Email address or phone number for <see cref="InviteChannel.Email"/>/<see cref="InviteChannel.Phone"/>; null for the location link.</summary>
    public string? Contact { get; }
    public ConsentRecord Consent { get; }

    public Member(string targetGroup, string locationId, string language, IReadOnlyList<string> languages, string ageRange, string? gender,
        IReadOnlyList<string> indicators, InviteChannel channel, string? contact, ConsentRecord? consent)
    {
        if (consent is null || consent.TextVersion != ConsentRecord.CurrentVersion || !ConsentRecord.CurrentItems.All(consent.Agreed.Contains))
            throw new DomainException("Joining needs explicit consent to the current consent text.", "consent");
        if (!TargetGroups.IsValid(targetGroup)) throw new DomainException("Choose a target group.", "targetGroup");
        if (string.IsNullOrWhiteSpace(locationId)) throw new DomainException("Choose where you live.", "locationId");
        if (!FormLanguages.TryGet(language, out var lang)) throw new DomainException("Not a form language.", "language");
        if (languages.Count is 0 or > 10 || languages.Any(l => !FormLanguages.TryGet(l, out _)))
            throw new DomainException("Choose the languages you speak.", "languages");
        if (!AgeRanges.All.Contains(ageRange)) throw new DomainException("Choose an age range.", "ageRange");
        if (gender is not null && !Genders.All.Contains(gender)) throw new DomainException("Unknown gender option.", "gender");
        if (indicators.Any(i => !Expertpool.Indicators.TryGet(i, out _))) throw new DomainException("Unknown indicator.", "indicators");
        if (!Enum.IsDefined(channel)) throw new DomainException("Choose how we invite you.", "channel");
        contact = channel switch
        {
            InviteChannel.Location when !string.IsNullOrWhiteSpace(contact) => throw new DomainException("No contact details with the location link.", "contact"),
            InviteChannel.Location => null,
            InviteChannel.Email => ContactOf(contact, email: true),
            _ => ContactOf(contact, email: false),
        };
        TargetGroup = targetGroup; LocationId = locationId; Language = lang.Code;
        Languages = languages.Select(l => FormLanguages.Get(l).Code).Distinct().ToList();
        AgeRange = ageRange; Gender = gender; Indicators = indicators.Distinct().ToList(); Channel = channel; Contact = contact;
        Consent = consent;
    }

    /// <summary>Validated as the resident form validates contact details, with the error on this form's own field.</summary>
    private static string ContactOf(string? value, bool email)
    {
        try
        {
            var contact = email ? new ResidentContact(null, value) : new ResidentContact(value, null);
            return (email ? contact.Email : contact.Phone)!;
        }
        catch (DomainException e)
        {
            throw new DomainException(e.Message, email ? "email" : "phone");
        }
    }
}
