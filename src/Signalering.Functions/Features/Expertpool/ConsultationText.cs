using Signalering.Domain.Expertpool;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>
/// A consultation's texts in one member's language: the translation where there is one, else the Dutch (which a page
/// marks as Dutch, so screen readers and right-to-left pages render it right).
/// </summary>
public sealed class ConsultationText(Consultation consultation, string language)
{
    public Consultation Consultation => consultation;

    public string this[string key] => consultation.TextIn(language, key, out _);

    /// <summary>No translation of <paramref name="key"/> yet: the member reads the Dutch.</summary>
    public bool IsDutch(string key)
    {
        consultation.TextIn(language, key, out var translated);
        return !translated && language != "nl";
    }

    /// <summary>Any of these texts is a machine translation no native speaker has checked yet (the page says so).</summary>
    public bool MachineTranslated(IEnumerable<string> keys) =>
        !consultation.IsReviewed(language) && keys.Any(key => { consultation.TextIn(language, key, out var translated); return translated; });

    /// <summary>Every text the questionnaire shows: title, introduction, each question and its options.</summary>
    public IEnumerable<string> QuestionnaireKeys =>
        new[] { "title", "intro" }.Concat(consultation.Questions.SelectMany(q => q.Options.Select((_, i) => q.OptionKey(i)).Prepend(q.TextKey)));
}
