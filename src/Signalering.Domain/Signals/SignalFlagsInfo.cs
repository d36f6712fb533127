using Signalering.Domain.Flagging;

namespace Signalering.Domain.Signals;

/// <summary>
/// Why a signal is urgent or confidential. Defence in depth: the category the resident chose, their answers to the form's
/// two safety questions, the words of their text, and (once Translator answered) the words of its Dutch translation —
/// any one of them is enough. Kinds are codes ("violence", "staff-abuse", "answer-danger"), never the words themselves.
/// </summary>
public sealed record SignalFlagsInfo(bool Emergency, bool Sensitive, IReadOnlyList<string> Kinds)
{
    public static readonly SignalFlagsInfo None = new(false, false, []);

    public bool MentionsSuicide => Has(FlagKinds.Suicide);

    /// <summary>
    /// Whether the resident is shown the 113 suicide-prevention line besides 112: when suicide is named (tile or words),
    /// and when only the model (ADR 0010) read an emergency, whose kind nobody knows. The model is there for what is
    /// said indirectly, and much of what residents say indirectly about danger is a goodbye (giving things away, "he
    /// wants to sleep for ever"); shown for a fire, the line costs one sentence.
    /// </summary>
    public bool OffersSuicideLine => MentionsSuicide || Has(FlagKinds.LikelyEmergency);

    /// <summary>The kind was found in the resident's words, or only in the Dutch translation.</summary>
    private bool Has(string kind) => Kinds.Contains(kind) || Kinds.Contains(TranslationPrefix + kind);

    /// <summary>The resident answered "yes" to "Is someone in danger now?".</summary>
    public const string AnsweredDanger = "answer-danger";
    /// <summary>The resident answered "yes" to "Is this about someone who works here or has power over you?".</summary>
    public const string AnsweredStaff = "answer-staff";
    /// <summary>Prefix of kinds found in the Dutch machine translation rather than in the resident's own words.</summary>
    public const string TranslationPrefix = "nl:";

    public static SignalFlagsInfo From(Categories.Category category, Categories.Category? subcategory, FlagResult text,
        bool dangerNow = false, bool aboutStaff = false)
    {
        var kinds = new SortedSet<string>(text.Kinds, StringComparer.Ordinal);
        var chosen = subcategory ?? category;
        if (chosen.Emergency) kinds.Add("category-emergency");
        if (chosen.Sensitive) kinds.Add("category-sensitive");
        if (chosen.Code == "zorg-zelfdoding") kinds.Add("suicide");
        if (dangerNow) kinds.Add(AnsweredDanger);
        if (aboutStaff) kinds.Add(AnsweredStaff);
        return new SignalFlagsInfo(chosen.Emergency || text.IsEmergency || dangerNow, chosen.Sensitive || text.IsSensitive || aboutStaff, kinds.ToList());
    }

    /// <summary>
    /// These flags joined with what the Dutch translation of the text was flagged as: the union decides. Kinds found only
    /// in the translation are kept with the <see cref="TranslationPrefix"/>, so the history shows where they came from.
    /// </summary>
    public SignalFlagsInfo WithTranslation(FlagResult translation)
    {
        if (translation.Flags == SignalFlags.None) return this;
        var kinds = new SortedSet<string>(Kinds, StringComparer.Ordinal);
        foreach (var kind in translation.Kinds)
            if (!kinds.Contains(kind)) kinds.Add(TranslationPrefix + kind);
        return new SignalFlagsInfo(Emergency || translation.IsEmergency, Sensitive || translation.IsSensitive, kinds.ToList());
    }

    /// <summary>Whether <paramref name="other"/> adds a flag these do not have.</summary>
    public bool IsRaisedBy(SignalFlagsInfo other) => (other.Emergency && !Emergency) || (other.Sensitive && !Sensitive);

    public string ToDetail() => string.Join(',', Kinds);

    public static SignalFlagsInfo Parse(bool emergency, bool sensitive, string? detail) =>
        new(emergency, sensitive, string.IsNullOrEmpty(detail) ? [] : detail.Split(','));
}
