using Signalering.Domain.Categories;
using Signalering.Domain.Clocks;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Domain.Workflow;

using static Signalering.Domain.Tests.Clocks.DutchTime;

namespace Signalering.Domain.Tests.Clocks;

/// <summary>
/// An emergency's clock runs round the clock; everything else runs on working time. Saturday 28 November 2026, 23:30
/// Dutch time, is the hard case: working time would make "within the hour" Monday morning.
/// </summary>
public sealed class SignalClocksTest
{

    private static readonly DateTimeOffset SaturdayNight = Nl(2026, 11, 28, 23, 30);

    private static Signal RoutedAt(DateTimeOffset at, bool emergency, string seed)
    {
        var flags = emergency ? new SignalFlagsInfo(true, false, ["violence"]) : SignalFlagsInfo.None;
        var promise = emergency ? new HandlingPromise(16, 10).ForEmergency() : new HandlingPromise(16, 10);
        var snapshot = new SignalSnapshot(TrackingCode.Derive(new byte[32], seed, 0), "azc-luttelgeest", null, "nl", "wonen", null,
            "tekst", null, flags, promise, at, SignalStatus.Received, null, null, [], null, TranslationState.Pending, null, null);
        var signal = Signal.Restore(snapshot, [new SignalEvent(1, SignalEventKinds.Received, at, "resident")]);
        signal.Route(new RoutingDecision("coa-luttelgeest", RoutingReason.Rule, "r1", []), at);
        return signal;
    }

    [Fact]
    public void Emergency_OnSaturdayNight_IsDueWithinTheHour_AndOverdueAfterIt()
    {
        var signal = RoutedAt(SaturdayNight, emergency: true, "clock-emergency");
        Assert.Same(RoundTheClock.Instance, SignalClocks.TimeOf(signal));
        var clock = SignalClocks.For(signal, SaturdayNight.AddMinutes(20));
        Assert.Equal(SaturdayNight.AddHours(1), clock.AcknowledgeBy);
        Assert.Equal(SaturdayNight.AddDays(1), clock.ResolveBy);
        Assert.True(clock.RoundTheClock);
        Assert.Equal(0.7, clock.HoursLeftToAcknowledge);
        Assert.False(clock.AcknowledgeOverdue);
        Assert.True(SignalClocks.For(signal, SaturdayNight.AddMinutes(61)).AcknowledgeOverdue);
    }

    [Fact]
    public void OrdinarySignal_OnSaturdayNight_WaitsForTheWorkingWeek()
    {
        var signal = RoutedAt(SaturdayNight, emergency: false, "clock-ordinary");
        Assert.Same(WorkingTime.Netherlands, SignalClocks.TimeOf(signal));
        var clock = SignalClocks.For(signal, SaturdayNight.AddHours(30));
        Assert.Equal(Nl(2026, 12, 1, 17), clock.AcknowledgeBy); // 16 working hours: Monday 09–17 and Tuesday 09–17
        Assert.False(clock.RoundTheClock);
        Assert.False(clock.AcknowledgeOverdue);
        Assert.Equal(16, clock.HoursLeftToAcknowledge);
    }

    [Fact]
    public void Emergency_PauseWhileAwaitingTheResident_CountsEveryHour()
    {
        var signal = RoutedAt(SaturdayNight, emergency: true, "clock-pause");
        signal.Accept("coa", SaturdayNight.AddMinutes(10));
        signal.Start("coa", SaturdayNight.AddMinutes(15));
        signal.AwaitResident("coa", SaturdayNight.AddMinutes(20));
        signal.Start("coa", SaturdayNight.AddHours(3).AddMinutes(20)); // Sunday 02:50: three hours paused, at night
        var clock = SignalClocks.For(signal, SaturdayNight.AddHours(4));
        Assert.Equal(SaturdayNight.AddDays(1).AddHours(3), clock.ResolveBy);
        Assert.Equal(3, clock.PausedHours);
    }

    [Fact]
    public void Reports_JudgeAnEmergencyOnItsOwnClock()
    {
        // Accepted on Sunday morning at 09:30: ten hours after a Saturday-night emergency is late; for an ordinary
        // signal it is before its working clock has started.
        var emergency = RoutedAt(SaturdayNight, emergency: true, "report-emergency");
        emergency.Accept("coa", SaturdayNight.AddHours(10));
        Assert.False(Domain.Reports.SignalFact.From(emergency, _ => "gemeente-triage").AcceptedInTime);

        var ordinary = RoutedAt(SaturdayNight, emergency: false, "report-ordinary");
        ordinary.Accept("coa", SaturdayNight.AddHours(10));
        Assert.True(Domain.Reports.SignalFact.From(ordinary, _ => "gemeente-triage").AcceptedInTime);
    }

    [Fact]
    public void ResidentPromise_ForAnEmergencyAtNight_SaysWithinAnHour_InEveryLanguage()
    {
        var words = ResidentPromise.For(RoutedAt(SaturdayNight, emergency: true, "promise-emergency"));
        Assert.Equal(new ResidentPromise(1, 1, LookWithinAnHour: true), words);
        Assert.Equal("Someone will look at your report within an hour.", words.LookText(ResidentTexts.Default, "en"));
        Assert.Equal("Binnen een uur kijkt iemand naar uw melding.", words.LookText(ResidentTexts.Default, "nl"));
        foreach (var language in ResidentTexts.Default.Languages)
            Assert.NotEqual(new ResidentPromise(1, 1).LookText(ResidentTexts.Default, language), words.LookText(ResidentTexts.Default, language));

        var ordinary = ResidentPromise.For(RoutedAt(SaturdayNight, emergency: false, "promise-ordinary"));
        // 16 working hours end on Tuesday 1 December at 17:00; ten working days from Monday end on Monday 14 December.
        Assert.Equal(new ResidentPromise(3, 16), ordinary);
    }
}
