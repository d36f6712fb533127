using Signalering.Domain.Categories;

namespace Signalering.Domain.Reports;

/// <summary>
/// What may be shown to anyone without signing in (the Open311 feed), one home for the rule:
/// <list type="bullet">
/// <item><b>Only some topics are public at all</b>: housing, information, language, transport and social life
/// (<see cref="PublicMainCategories"/>). Safety, care (health, mental health, suicide), work (employer, agency, labour
/// rights) and "other" never are: one such row says that someone at a named location reported intimidation, stress or
/// their employer. Emergency and sensitive subcategories are never public, whatever their main category.</item>
/// <item><b>No signal that was urgent or confidential</b>, however it was flagged (tile, answer, text, translation).</item>
/// <item><b>No group under <see cref="MinimumGroup"/></b>: rows are shown only where their location and topic have at least
/// five public rows in the window asked for, so a list cannot reveal one resident's report at a small location.</item>
/// <item><b>No time finer than the day</b>, and the week (its Monday) for first homes, which are one household.</item>
/// </list>
/// </summary>
public static class PublicDisclosure
{
    public const int MinimumGroup = 5;

    public static readonly IReadOnlySet<string> PublicMainCategories = new HashSet<string>(StringComparer.Ordinal)
    {
        "wonen", "informatie", "taal", "vervoer", "sociaal",
    };

    /// <summary>Whether a category (main or sub) may appear in public data at all.</summary>
    public static bool IsPublic(Category category, CategoryTree tree)
    {
        if (category.Emergency || category.Sensitive) return false;
        var main = category.IsMain ? category : tree.TryGet(category.ParentCode, out var parent) ? parent : null;
        return main is not null && !main.Sensitive && PublicMainCategories.Contains(main.Code);
    }

    /// <summary>Whether one signal's fact may be listed: a public topic, never urgent or confidential.</summary>
    public static bool IsPublic(SignalFact fact, CategoryTree tree) =>
        !fact.Confidential && !fact.Urgent
        && tree.TryGet(fact.Subcategory ?? fact.Category, out var category) && IsPublic(category, tree);

    /// <summary>The public rows of <paramref name="facts"/>: public topics only, and only groups (location × topic) of at least five.</summary>
    public static IReadOnlyList<SignalFact> Filter(IEnumerable<SignalFact> facts, CategoryTree tree) =>
        facts.Where(f => IsPublic(f, tree))
            .GroupBy(f => (f.LocationId, Topic: f.Subcategory ?? f.Category))
            .Where(g => g.Count() >= MinimumGroup)
            .SelectMany(g => g)
            .ToList();

    /// <summary>A Dutch calendar day, or the Monday of its week for a small location.</summary>
    public static DateOnly Coarsen(DateOnly day, bool smallLocation) =>
        smallLocation ? day.AddDays(-(((int)day.DayOfWeek + 6) % 7)) : day;
}
