using Signalering.Domain.Intake;
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
        if (Problems(targetGroup, locationId, language, languages, ageRange, gender, indicators, channel, contact, consent) is [var first, ..])
            throw new DomainException(first.Message, first.Field);
        var lang = FormLanguages.Get(language);
        contact = ContactFor(channel, contact);
        TargetGroup = targetGroup; LocationId = locationId; Language = lang.Code;
        Languages = languages.Select(l => FormLanguages.Get(l).Code).Distinct().ToList();
        AgeRange = ageRange; Gender = gender; Indicators = indicators.Distinct().ToList(); Channel = channel; Contact = contact;
        Consent = consent!;
    }

    /// <summary>
    /// Everything wrong with a would-be member's profile, by field, so a form can say it all at once; empty when the
    /// constructor accepts it, whose refusal is the first of these. <paramref name="channel"/> null: none chosen.
    /// </summary>
    public static IReadOnlyList<FieldError> Problems(string? targetGroup, string? locationId, string? language, IReadOnlyList<string> languages,
        string? ageRange, string? gender, IReadOnlyList<string> indicators, InviteChannel? channel, string? contact, ConsentRecord? consent)
    {
        var problems = new List<FieldError>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) problems.Add(new FieldError(field, message));
        }
        Check(consent is not null && consent.TextVersion == ConsentRecord.CurrentVersion && ConsentRecord.CurrentItems.All(consent.Agreed.Contains),
            "consent", "Joining needs explicit consent to the current consent text.");
        Check(TargetGroups.IsValid(targetGroup), "targetGroup", "Choose a target group.");
        Check(!string.IsNullOrWhiteSpace(locationId), "locationId", "Choose where you live.");
        Check(FormLanguages.TryGet(language, out _), "language", "Not a form language.");
        Check(languages.Count is > 0 and <= 10 && languages.All(l => FormLanguages.TryGet(l, out _)), "languages", "Choose the languages you speak.");
        Check(ageRange is not null && AgeRanges.All.Contains(ageRange), "ageRange", "Choose an age range.");
        Check(gender is null || Genders.All.Contains(gender), "gender", "Unknown gender option.");
        Check(indicators.All(i => Expertpool.Indicators.TryGet(i, out _)), "indicators", "Unknown indicator.");
        Check(channel is { } c && Enum.IsDefined(c), "channel", "Choose how we invite you.");
        if (channel is { } chosen && Enum.IsDefined(chosen))
        {
            try { ContactFor(chosen, contact); }
            catch (DomainException e) { problems.Add(new FieldError(e.Field!, e.Message)); }
        }
        return problems;
    }

    private static string? ContactFor(InviteChannel channel, string? contact) => channel switch
    {
        InviteChannel.Location when !string.IsNullOrWhiteSpace(contact) => throw new DomainException("No contact details with the location link.", "contact"),
        InviteChannel.Location => null,
        InviteChannel.Email => ContactOf(contact, email: true),
        _ => ContactOf(contact, email: false),
    };

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
