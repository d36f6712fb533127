using Signalering.Domain.Clocks;

using static Signalering.Domain.Tests.Clocks.DutchTime;

namespace Signalering.Domain.Tests.Clocks;

public sealed class WorkingTimeTest
{
    private static readonly WorkingTime Work = WorkingTime.Netherlands;


    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)]
    public void EasterSunday_MatchesTheCalendar(int y, int m, int d) => Assert.Equal(new DateOnly(y, m, d), DutchHolidays.EasterSunday(y));

    [Fact]
    public void Holidays2026_AreTheDutchOnes()
    {
        var expected = new[] { "2026-01-01", "2026-04-03", "2026-04-06", "2026-04-27", "2026-05-14", "2026-05-25", "2026-12-25", "2026-12-26" }
            .Select(DateOnly.Parse).ToHashSet();
        Assert.Equal(expected, DutchHolidays.For(2026).ToHashSet());
    }

    [Fact]
    public void KingsDay_OnASunday_MovesToSaturday() // 27 April 2025 is a Sunday
    {
        Assert.True(DutchHolidays.IsHoliday(new DateOnly(2025, 4, 26)));
        Assert.False(DutchHolidays.IsHoliday(new DateOnly(2025, 4, 27)));
    }

    [Fact]
    public void LiberationDay_OnlyEveryFifthYear()
    {
        Assert.True(DutchHolidays.IsHoliday(new DateOnly(2030, 5, 5)));
        Assert.False(DutchHolidays.IsHoliday(new DateOnly(2026, 5, 5)));
    }

    [Fact]
    public void FridayAfternoon_16Hours_EndsTuesdayAfternoon() =>
        Assert.Equal(Nl(2026, 11, 24, 16), Work.AddWorkingHours(Nl(2026, 11, 20, 16), 16));

    [Fact]
    public void AtNight_TheClockStartsAtNine() =>
        Assert.Equal(Nl(2026, 11, 23, 13), Work.AddWorkingHours(Nl(2026, 11, 22, 23, 30), 4));

    [Fact]
    public void OverEaster_GoodFridayAndEasterMondayDoNotCount() =>
        // Thursday 2 April 2026 15:00 + 4 h → Tuesday 7 April 11:00 (Friday 3 and Monday 6 April are holidays).
        Assert.Equal(Nl(2026, 4, 7, 11), Work.AddWorkingHours(Nl(2026, 4, 2, 15), 4));

    [Fact]
    public void OverAscension_AndAcrossSummerTime() =>
        // Wednesday 13 May 2026 16:00 + 2 h → Friday 15 May 10:00 (Ascension on Thursday 14 May).
        Assert.Equal(Nl(2026, 5, 15, 10), Work.AddWorkingHours(Nl(2026, 5, 13, 16), 2));

    [Fact]
    public void WorkingDays_EndAtCloseOfTheLastDay_SkippingChristmas() =>
        // Wednesday 23 Dec 2026 + 3 working days: 24 Dec, (25, 26 holidays; 27 Sunday) 28, 29 → 29 Dec 17:00.
        Assert.Equal(Nl(2026, 12, 29, 17), Work.AddWorkingDays(Nl(2026, 12, 23, 10), 3));

    [Fact]
    public void Between_CountsOnlyWorkingTime()
    {
        Assert.Equal(TimeSpan.FromHours(16), Work.Between(Nl(2026, 11, 20, 16), Nl(2026, 11, 24, 16)));
        Assert.Equal(TimeSpan.Zero, Work.Between(Nl(2026, 11, 21, 10), Nl(2026, 11, 22, 18)));
        Assert.Equal(TimeSpan.Zero, Work.Between(Nl(2026, 11, 24, 10), Nl(2026, 11, 23, 10)));
    }

    [Fact]
    public void AddThenBetween_RoundTrips()
    {
        var start = Nl(2026, 4, 24, 11, 17);
        foreach (var hours in new[] { 0.5, 3, 8, 16, 40, 123 })
            Assert.Equal(TimeSpan.FromHours(hours), Work.Between(start, Work.AddWorkingHours(start, hours)));
    }

    [Fact]
    public void ZeroHours_ChangesNothing() => Assert.Equal(Nl(2026, 12, 7, 17), Work.AddWorkingHours(Nl(2026, 12, 7, 17), 0));
}
