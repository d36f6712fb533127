namespace Signalering.Domain.Expertpool;

/// <summary>
/// Count, distribution over 1–10, mean and median of a set of scores. The median of an even number of scores is the
/// mean of the two middle scores (so 4 and 7 give 5.5); of no scores, there is none.
/// </summary>
public sealed record ScoreSummary(int Count, IReadOnlyList<int> Distribution, double? Mean, double? Median)
{
    public static ScoreSummary Of(IEnumerable<int> scores)
    {
        var sorted = scores.Order().ToList();
        if (sorted.Any(s => s is < 1 or > 10)) throw new DomainException("Scores run from 1 to 10.", "scores");
        var distribution = new int[10];
        foreach (var s in sorted) distribution[s - 1]++;
        if (sorted.Count == 0) return new ScoreSummary(0, distribution, null, null);
        var mid = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
        return new ScoreSummary(sorted.Count, distribution, sorted.Average(), median);
    }
}

/// <summary>
/// One target group's part of a result: hidden when the group is too small to show ("fewer than 5"), or, with
/// <see cref="Complementary"/>, hidden although big enough, so that the small group's figures cannot be had by
/// subtracting the shown groups from the total.
/// </summary>
public sealed record GroupSummary(string TargetGroup, bool Suppressed, ScoreSummary? Scores, bool Complementary = false);

/// <summary>An indicator's scores: over all answers (<see cref="All"/>: null when even the total would show fewer than 5 people's scores) and per group.</summary>
public sealed record IndicatorResult(Indicator Indicator, ScoreSummary? All, IReadOnlyList<GroupSummary> ByGroup);

public sealed record ChoiceResult(Question Question, IReadOnlyList<int> Counts, int Answered);

/// <summary>An open answer as the municipality may quote it: labelled with the target group only, or with "newcomers" for a small group.</summary>
public sealed record Quote(string AnswerId, string QuestionId, string? Indicator, string Label, string Text, string? TextNl, bool Selected);

/// <summary>
/// The analysis of a consultation's answers. Small-group suppression: a target group with fewer than
/// <see cref="MinimumGroupSize"/> answer sets in the consultation (or fewer than that many scores on an indicator) is
/// never shown on its own — its scores appear only in the totals and its quotes carry no group label — because with
/// a handful of people a group's figures or a quote's label point at someone. So that the totals do not give it away
/// by subtraction, another group is hidden with it, or the total (<see cref="Complementary"/>).
/// </summary>
public sealed record ConsultationAnalysis(int Answers, IReadOnlyDictionary<string, int?> AnswersByGroup, IReadOnlyList<IndicatorResult> Indicators,
    IReadOnlyList<ChoiceResult> Choices, IReadOnlyList<Quote> Quotes)
{
    public const int MinimumGroupSize = 5;
    /// <summary>The label of a quote from a group too small to name.</summary>
    public const string UnnamedGroup = "Nieuwkomers";

    public static ConsultationAnalysis Of(Consultation consultation, IReadOnlyList<AnswerSet> answers)
    {
        var groupSizes = answers.GroupBy(a => a.TargetGroup).ToDictionary(g => g.Key, g => g.Count());
        bool Shown(string group) => groupSizes.GetValueOrDefault(group) >= MinimumGroupSize;
        var groups = consultation.TargetGroups.Union(groupSizes.Keys).ToList();

        var indicators = consultation.Indicators.Select(Expertpool.Indicators.Get).Select(indicator =>
        {
            var scores = groups.ToDictionary(g => g, g => answers.Where(a => a.TargetGroup == g && a.Scores.TryGetValue(indicator.Code, out _))
                .Select(a => a.Scores[indicator.Code]).ToList());
            int Count(string g) => scores[g].Count;
            // Hidden: a small group, or a group whose few scores on this indicator would show who gave them.
            var hidden = groups.Where(g => !Shown(g) || Count(g) is > 0 and < MinimumGroupSize).ToHashSet();
            var complementary = Complementary(groups, hidden, Count);
            var remainder = hidden.Concat(complementary).Sum(Count);
            var all = ScoreSummary.Of(scores.Values.SelectMany(v => v));
            return new IndicatorResult(indicator, remainder is > 0 and < MinimumGroupSize ? null : all, groups.Select(g =>
                hidden.Contains(g) ? new GroupSummary(g, true, null)
                : complementary.Contains(g) ? new GroupSummary(g, true, null, Complementary: true)
                : new GroupSummary(g, false, ScoreSummary.Of(scores[g]))).ToList());
        }).ToList();

        var choices = consultation.Questions.Where(q => q.Kind == QuestionKind.Choice).Select(q =>
        {
            var counts = new int[q.Options.Count];
            var answered = 0;
            foreach (var a in answers)
                if (a.Choices.TryGetValue(q.Id, out var option)) { counts[option]++; answered++; }
            return new ChoiceResult(q, counts, answered);
        }).ToList();

        var quotes = answers.OrderBy(a => a.SubmittedAt).SelectMany(a => a.Open.Select(o => new Quote(a.Id, o.QuestionId, o.Indicator,
            Shown(a.TargetGroup) ? TargetGroups.DutchName(a.TargetGroup) : UnnamedGroup, o.Text, o.TextNl,
            consultation.SelectedQuotes.Contains($"{a.Id}/{o.QuestionId}")))).ToList();

        return new ConsultationAnalysis(answers.Count, groups.ToDictionary(g => g, g => Shown(g) ? groupSizes[g] : (int?)null),
            indicators, choices, quotes);
    }

    /// <summary>
    /// Secondary suppression against differencing: the total minus the shown groups is what the hidden groups gave.
    /// While that remainder is the scores of 1 to 4 people, the next-smallest shown group is hidden too. When no group
    /// is left to hide, the caller hides the total.
    /// </summary>
    private static List<string> Complementary(IEnumerable<string> groups, HashSet<string> hidden, Func<string, int> count)
    {
        var extra = new List<string>();
        var remainder = hidden.Sum(count);
        foreach (var g in groups.Where(g => !hidden.Contains(g) && count(g) > 0).OrderBy(count).ThenBy(g => g, StringComparer.Ordinal))
        {
            if (remainder is 0 or >= MinimumGroupSize) break;
            extra.Add(g);
            remainder += count(g);
        }
        return extra;
    }
}
