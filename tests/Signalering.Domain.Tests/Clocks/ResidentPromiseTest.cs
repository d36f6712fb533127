using Signalering.Domain.Categories;
using Signalering.Domain.Clocks;
using Signalering.Domain.Texts;

using static Signalering.Domain.Tests.Clocks.DutchTime;

namespace Signalering.Domain.Tests.Clocks;

/// <summary>The promise as residents read it: calendar days to the date the working-time deadline falls on.</summary>
public sealed class ResidentPromiseTest
{

    [Theory]
    // Monday 10:00, 16 working hours → Wednesday 10:00; 10 working days → Monday two weeks on.
    [InlineData(2026, 11, 23, 10, 16, 10, 2, 14)]
    // Friday 16:00, 4 working hours → Monday 12:00; 5 working days → the next Friday.
    [InlineData(2026, 11, 27, 16, 4, 5, 3, 7)]
    // Monday 10:00, an emergency's 1 hour → today; 1 working day → tomorrow.
    [InlineData(2026, 11, 23, 10, 1, 1, 0, 1)]
    // Thursday 24 December 15:00: Christmas and the weekend do not count → acknowledged Monday 28th.
    [InlineData(2026, 12, 24, 15, 8, 1, 4, 4)]
    public void From_CountsCalendarDaysToTheDeadlinesDate(int y, int mo, int d, int h, int hours, int days, int look, int solve)
    {
        var promise = ResidentPromise.From(new HandlingPromise(hours, days), Nl(y, mo, d, h));
        Assert.Equal(new ResidentPromise(look, solve), promise);
    }

    [Fact]
    public void From_NeverSoonerThanTheStaffClock()
    {
        var start = Nl(2026, 11, 27, 16, 30);
        var promise = new HandlingPromise(24, 15);
        var (acknowledgeBy, resolveBy) = SignalClocks.PromisedBy(promise, start, WorkingTime.Netherlands);
        var words = ResidentPromise.From(promise, start);
        Assert.True(WorkingTime.DutchDate(start).AddDays(words.LookWithinDays) >= WorkingTime.DutchDate(acknowledgeBy));
        Assert.True(WorkingTime.DutchDate(start).AddDays(words.SolveWithinDays) >= WorkingTime.DutchDate(resolveBy));
    }

    [Theory]
    [InlineData("en", 0, 3, "Someone will look at your report today.", "We aim to solve the problem within 3 days.")]
    [InlineData("en", 1, 1, "Someone will look at your report by tomorrow.", "We aim to solve the problem by tomorrow.")]
    [InlineData("ar", 2, 11, "سينظر أحد في بلاغك خلال يومين.", "نسعى إلى حل المشكلة خلال 11 يومًا.")] // dual; 11–99 "many"
    [InlineData("ar", 3, 100, "سينظر أحد في بلاغك خلال 3 أيام.", "نسعى إلى حل المشكلة خلال 100 يوم.")]
    [InlineData("uk", 2, 21, "Ваше повідомлення розглянуть протягом 2 днів.", "Ми намагаємося вирішити проблему протягом 21 дня.")]
    [InlineData("pl", 4, 22, "Ktoś zajmie się Twoim zgłoszeniem w ciągu 4 dni.", "Staramy się rozwiązać problem w ciągu 22 dni.")]
    [InlineData("ro", 3, 21, "Cineva se va uita la sesizarea ta în cel mult 3 zile.", "Încercăm să rezolvăm problema în cel mult 21 de zile.")]
    public void Texts_SayItInCalendarWordsWithTheRightPlural(string language, int look, int solve, string lookText, string solveText)
    {
        var promise = new ResidentPromise(look, solve);
        Assert.Equal(lookText, promise.LookText(ResidentTexts.Default, language));
        Assert.Equal(solveText, promise.SolveText(ResidentTexts.Default, language));
    }

    [Fact]
    public void Texts_FillEveryPlaceholder_InEveryLanguage()
    {
        foreach (var language in ResidentTexts.Default.Languages)
            for (var days = 0; days <= 30; days++)
                Assert.DoesNotContain("{", new ResidentPromise(days, days + 1).LookText(ResidentTexts.Default, language)
                    + new ResidentPromise(days, days + 1).SolveText(ResidentTexts.Default, language));
    }
}
