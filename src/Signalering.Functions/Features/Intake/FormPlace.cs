using Signalering.Domain;
using Signalering.Domain.Categories;
using Signalering.Domain.Flagging;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Signals;

namespace Signalering.Functions.Features.Intake;

/// <summary>Where a QR code was scanned: its location, with the reference data the form's steps are drawn from.</summary>
public sealed record FormPlace(string Token, Location Location, ReferenceSet Set)
{
    /// <summary>"-" as the subcategory step: the resident found no fitting tile (then a text is required).</summary>
    public const string NoSubcategory = "-";

    /// <summary>Who lives here (<see cref="TargetGroups"/>): what the pages reassure them about.</summary>
    public string TargetGroup => TargetGroups.Of(Location.Type);

    /// <summary>The language the form opens in when nobody chose one yet: the location's first.</summary>
    public string FirstLanguage => Location.MainLanguages.FirstOrDefault(c => FormLanguages.TryGet(c, out _)) ?? FormLanguages.Dutch.Code;

    /// <summary>Every form language, the location's main languages first.</summary>
    public IReadOnlyList<FormLanguage> Languages =>
        Location.MainLanguages.Where(c => FormLanguages.TryGet(c, out _)).Select(FormLanguages.Get).Concat(FormLanguages.All).Distinct().ToList();

    /// <summary>The main category <paramref name="category"/> in <paramref name="lang"/>; null when either is not one.</summary>
    public (FormLanguage Language, Category Main)? Main(string lang, string category) =>
        FormLanguages.TryGet(lang, out var language) && Set.Categories.TryGet(category, out var main) && main.IsMain ? (language, main) : null;

    /// <summary>
    /// Whether choosing this tile flags a signal as about suicide (the intake's own rule), so its emergency block also
    /// gives 113, the suicide prevention line.
    /// </summary>
    public static bool IsAboutSuicide(Category main, Category? sub) => SignalFlagsInfo.From(main, sub, FlagResult.None).MentionsSuicide;

    /// <summary>
    /// Whether a subject gives 113 beside 112: one where someone may be hurt by others or by themselves, that is one
    /// with a tile about suicide or a sensitive tile (health, safety). The reference data says which tiles those are.
    /// </summary>
    public bool Offers113(Category main) => Set.Categories.SubcategoriesOf(main.Code).Any(s => s.Sensitive || IsAboutSuicide(main, s));

    /// <summary>The form's last step: a main category and one of its subcategories (or <see cref="NoSubcategory"/>).</summary>
    public FormStep? Step(string lang, string category, string sub)
    {
        if (Main(lang, category) is not var (language, main)) return null;
        if (sub == NoSubcategory) return new FormStep(language, main, null);
        return Set.Categories.TryGet(sub, out var s) && s.ParentCode == main.Code ? new FormStep(language, main, s) : null;
    }
}

/// <summary>The details step of the form: what the resident chose on the way there.</summary>
public sealed record FormStep(FormLanguage Language, Category Main, Category? Sub);
