using Signalering.Domain.Expertpool;
using Signalering.Domain.Languages;
using Signalering.Domain.ReferenceData;
using static Signalering.Domain.Tests.Expertpool.ExpertpoolFixtures;

namespace Signalering.Domain.Tests.Expertpool;

public sealed class ConsultationTest
{
    [Fact]
    public void Indicators_AreTheFourteen_AndRelateOnlyToExistingCategories()
    {
        Assert.Equal(14, Indicators.All.Count);
        Assert.Equal(["Werk & Inkomen", "Huisvesting", "Zorg & Welzijn", "Vrije Tijd", "Onderwijs", "Rechten & Verantwoordelijkheden", "Sociale Banden",
            "Sociale Bruggen", "Sociale Connecties", "Veiligheid", "Stabiliteit", "Taal", "Cultuur", "Digitale vaardigheden"], Indicators.All.Select(i => i.DutchName));
        var categories = ReferenceFiles.LoadEmbedded().ToDomain().Categories;
        foreach (var code in Indicators.All.SelectMany(i => i.CategoryCodes)) Assert.True(categories.TryGet(code, out _), code);
        Assert.True(Indicators.Get("huisvesting").Covers("wonen", "wonen-vocht"));
        Assert.True(Indicators.Get("taal").Covers("zorg", "zorg-tolk"));
        Assert.False(Indicators.Get("taal").Covers("zorg", "zorg-huisarts"));
    }

    [Fact]
    public void NewConsultation_AllLanguagesPending_MembersReadDutch()
    {
        var c = Consultation();
        Assert.Equal(FormLanguages.All.Count - 1, c.PendingLanguages().Count);
        Assert.Equal("Taal en werk", c.TextIn("ar", "title", out var translated));
        Assert.False(translated);
        Assert.Equal(["1", "2"], c.Questions.Select(q => q.Id));
    }

    [Fact]
    public void MachineTranslation_FillsGaps_NeverOverwritesAReviewersText()
    {
        var c = Consultation();
        var machine = c.DutchTexts().ToDictionary(kv => kv.Key, kv => "[ar] " + kv.Value);
        c.RecordMachineTranslation("ar", machine);
        Assert.DoesNotContain("ar", c.PendingLanguages());
        Assert.False(c.IsReviewed("ar"));
        c.Review("ar", "Samira", new Dictionary<string, string> { ["title"] = "اللغة والعمل" }, Closes);
        Assert.True(c.IsReviewed("ar"));
        c.RecordMachineTranslation("ar", new Dictionary<string, string> { ["title"] = "[ar] again" });
        Assert.Equal("اللغة والعمل", c.TextIn("ar", "title", out var translated));
        Assert.True(translated);
        Assert.True(c.IsReviewed("ar"));
    }

    [Fact]
    public void Review_NeedsEveryTextAndAReviewer()
    {
        var c = Consultation();
        Assert.Equal("texts", Assert.Throws<DomainException>(() => c.Review("tr", "Ayşe", new Dictionary<string, string> { ["title"] = "Dil ve iş" }, Closes)).Field);
        Assert.Equal("reviewer", Assert.Throws<DomainException>(() => c.Review("tr", "", null, Closes)).Field);
        Assert.Equal("texts.nope", Assert.Throws<DomainException>(() => c.Review("tr", "Ayşe", new Dictionary<string, string> { ["nope"] = "x" }, Closes)).Field);
    }

    [Fact]
    public void Outcome_OnlyAfterClosing_AndItsTranslationsStartOver()
    {
        var c = Consultation();
        Assert.Equal("closesAt", Assert.Throws<DomainException>(() => c.Publish("We hoorden", "We doen", Closes.AddMinutes(-1))).Field);
        c.RecordMachineTranslation("en", c.DutchTexts().ToDictionary(kv => kv.Key, kv => "en " + kv.Value));
        c.Publish("We hoorden dat de les te laat is.", "De les begint om 9 uur.", Closes);
        Assert.Contains("en", c.PendingLanguages());
        Assert.Equal("De les begint om 9 uur.", c.TextIn("en", "willDo", out var translated));
        Assert.False(translated);
    }

    [Fact]
    public void Answers_AreCheckedAgainstTheConsultation()
    {
        var c = Consultation();
        Assert.Equal("scores.taal", Assert.Throws<DomainException>(() => Answer(c, "x", TargetGroups.AsylumSeeker, taal: 11)).Field);
        Assert.Equal("choices.2", Assert.Throws<DomainException>(() => Answer(c, "x", TargetGroups.AsylumSeeker, choice: 3)).Field);
        Assert.Equal("answers", Assert.Throws<DomainException>(() => Answer(c, "x", TargetGroups.AsylumSeeker)).Field);
        Assert.Throws<DomainException>(() => AnswerSet.Create(c, "x", TargetGroups.AsylumSeeker, "ar", Closes, new Dictionary<string, int> { ["taal"] = 5 }, new Dictionary<string, int>(), new Dictionary<string, string>()));
    }

    [Fact]
    public void Attendance_InPersonOnly_MethodExactlyWhenPaid()
    {
        Assert.Equal("inPerson", Assert.Throws<DomainException>(() => Consultation().RegisterAttendance([], 2)).Field);
        var c = Consultation(inPerson: true);
        Assert.Equal("method", Assert.Throws<DomainException>(() => c.RegisterAttendance([new Attendance("k1", 2500, CompensationMethod.None)], 0)).Field);
        Assert.Equal("walkIns", Assert.Throws<DomainException>(() => c.RegisterAttendance([new Attendance(null, 2500, CompensationMethod.Cash)], 0)).Field);
        c.RegisterAttendance([new Attendance("k1", 2500, CompensationMethod.GiftCard), new Attendance(null, 2500, CompensationMethod.Cash)], 3);
        Assert.Equal(3, c.WalkIns);
        Assert.Equal(2, c.Attendance.Count);
    }
}
