using Signalering.Domain.Flagging;

namespace Signalering.Domain.Signals;

/// <summary>
/// Why a signal is urgent or confidential: from the category the resident chose and from the words of the text.
/// Kinds are codes ("violence", "staff-abuse"), never the words themselves.
/// </summary>
public sealed record SignalFlagsInfo(bool Emergency, bool Sensitive, IReadOnlyList<string> Kinds)
{
    public static readonly SignalFlagsInfo None = new(false, false, []);

    public bool MentionsSuicide => Kinds.Contains("suicide");

    public static SignalFlagsInfo From(Categories.Category category, Categories.Category? subcategory, FlagResult text)
    {
        var kinds = new SortedSet<string>(text.Kinds, StringComparer.Ordinal);
        var chosen = subcategory ?? category;
        if (chosen.Emergency) kinds.Add("category-emergency");
        if (chosen.Sensitive) kinds.Add("category-sensitive");
        if (chosen.Code == "zorg-zelfdoding") kinds.Add("suicide");
        return new SignalFlagsInfo(chosen.Emergency || text.IsEmergency, chosen.Sensitive || text.IsSensitive, kinds.ToList());
    }

    public string ToDetail() => string.Join(',', Kinds);

    public static SignalFlagsInfo Parse(bool emergency, bool sensitive, string? detail) =>
        new(emergency, sensitive, string.IsNullOrEmpty(detail) ? [] : detail.Split(','));
}
