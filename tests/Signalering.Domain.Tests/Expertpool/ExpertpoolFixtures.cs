using Signalering.Domain.Expertpool;

namespace Signalering.Domain.Tests.Expertpool;

internal static class ExpertpoolFixtures
{
    public static readonly DateTimeOffset Opens = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Closes = Opens.AddDays(14);

    public static Consultation Consultation(bool inPerson = false) => Domain.Expertpool.Consultation.Create("Taal en werk", "Hoe gaat het met taal en werk?",
        [TargetGroups.AsylumSeeker, TargetGroups.Ukrainian], ["azc-luttelgeest"], ["taal", "werk-inkomen"],
        [new Question("", QuestionKind.Open, "Wat helpt u bij het leren van Nederlands?", "taal", []),
         new Question("", QuestionKind.Choice, "Hoe vaak heeft u les?", null, ["Nooit", "Een keer per week", "Vaker"])],
        Opens, Closes, inPerson, "test");

    public static ConsentRecord Consent(string language = "ar") => new(ConsentRecord.CurrentVersion, language, Opens, ConsentRecord.CurrentItems);

    public static AnswerSet Answer(Consultation c, string id, string group, int? taal = null, int? werk = null, string? open = null, int? choice = null) =>
        AnswerSet.Create(c, id, group, "ar", Opens.AddDays(1),
            new Dictionary<string, int>(new[] { ("taal", taal), ("werk-inkomen", werk) }.Where(s => s.Item2 is not null)
                .Select(s => KeyValuePair.Create(s.Item1, s.Item2!.Value))),
            choice is { } ch ? new Dictionary<string, int> { ["2"] = ch } : [],
            open is null ? [] : new Dictionary<string, string> { ["1"] = open });
}
