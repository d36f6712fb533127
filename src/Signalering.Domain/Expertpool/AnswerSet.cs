using Signalering.Domain.Languages;

namespace Signalering.Domain.Expertpool;

/// <summary>An open answer, with its Dutch machine translation once there is one (labelled as such wherever shown).</summary>
public sealed record OpenAnswer(string QuestionId, string? Indicator, string Text, string? TextNl);

/// <summary>
/// One member's answers to one consultation, filed under a pseudonym (<see cref="Id"/>). Carries the target group (the
/// analysis compares groups) and the language written in, and nothing that identifies the member: no member key, no
/// code, no contact, no location, no age or gender.
/// </summary>
public sealed record AnswerSet
{
    public const int MaxOpenLength = 2000;
    public string Id { get; }
    public string ConsultationId { get; }
    public string TargetGroup { get; }
    public string Language { get; }
    public DateTimeOffset SubmittedAt { get; }
    public IReadOnlyDictionary<string, int> Scores { get; }
    public IReadOnlyDictionary<string, int> Choices { get; }
    public IReadOnlyList<OpenAnswer> Open { get; }

    private AnswerSet(string id, string consultationId, string targetGroup, string language, DateTimeOffset submittedAt,
        IReadOnlyDictionary<string, int> scores, IReadOnlyDictionary<string, int> choices, IReadOnlyList<OpenAnswer> open)
    {
        Id = id; ConsultationId = consultationId; TargetGroup = targetGroup; Language = language; SubmittedAt = submittedAt;
        Scores = scores; Choices = choices; Open = open;
    }

    /// <summary>Checks the answers against the consultation: scores 1–10 for its indicators, a real option, open text within bounds.</summary>
    public static AnswerSet Create(Consultation consultation, string pseudonym, string targetGroup, string language, DateTimeOffset now,
        IReadOnlyDictionary<string, int> scores, IReadOnlyDictionary<string, int> choices, IReadOnlyDictionary<string, string> open)
    {
        if (!consultation.IsOpen(now)) throw new DomainException("This consultation is not open.", "consultation");
        if (!TargetGroups.IsValid(targetGroup)) throw new DomainException("Unknown target group.", "targetGroup");
        foreach (var (indicator, score) in scores)
        {
            if (!consultation.Indicators.Contains(indicator)) throw new DomainException($"'{indicator}' is not scored in this consultation.", "scores." + indicator);
            if (score is < 1 or > 10) throw new DomainException("A score is a whole number from 1 to 10.", "scores." + indicator);
        }
        var questions = consultation.Questions.ToDictionary(q => q.Id);
        foreach (var (id, option) in choices)
            if (!questions.TryGetValue(id, out var q) || q.Kind != QuestionKind.Choice || option < 0 || option >= q.Options.Count)
                throw new DomainException("Choose one of the options.", "choices." + id);
        var openAnswers = new List<OpenAnswer>();
        foreach (var (id, text) in open)
        {
            if (!questions.TryGetValue(id, out var q) || q.Kind != QuestionKind.Open) throw new DomainException("Not an open question.", "open." + id);
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (text.Length > MaxOpenLength) throw new DomainException($"At most {MaxOpenLength} characters.", "open." + id);
            openAnswers.Add(new OpenAnswer(id, q.Indicator, text.Trim(), null));
        }
        if (scores.Count == 0 && choices.Count == 0 && openAnswers.Count == 0) throw new DomainException("Answer at least one question.", "answers");
        return new AnswerSet(pseudonym, consultation.Id, targetGroup, FormLanguages.Get(language).Code, now, scores, choices, openAnswers);
    }

    public static AnswerSet Restore(string id, string consultationId, string targetGroup, string language, DateTimeOffset submittedAt,
        IReadOnlyDictionary<string, int> scores, IReadOnlyDictionary<string, int> choices, IReadOnlyList<OpenAnswer> open) =>
        new(id, consultationId, targetGroup, language, submittedAt, scores, choices, open);

    public AnswerSet WithDutch(string questionId, string textNl) =>
        new(Id, ConsultationId, TargetGroup, Language, SubmittedAt, Scores, Choices,
            Open.Select(o => o.QuestionId == questionId ? o with { TextNl = textNl } : o).ToList());
}
