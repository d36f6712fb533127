using Signalering.Domain.Categories;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Reports;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Reports;

/// <summary>
/// A hand-made week of signals whose every figure is worked out by hand in the comments. Dutch summer time is
/// UTC+2, so 09:00 in Luttelgeest is 07:00Z. Thursday 14 May 2026 is Ascension Day (Easter 5 April + 39 days).
/// </summary>
internal static class ReportFixtures
{
    public static readonly ReferenceSet Seed = ReferenceFiles.LoadEmbedded().ToDomain();
    public const string Coa = "coa-luttelgeest", Triage = "gemeente-triage", Confidential = "vertrouwenspersoon";
    /// <summary>Monday 11 May 2026, 09:00 Dutch time.</summary>
    public static readonly DateTimeOffset Monday = new(2026, 5, 11, 7, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset Now = new(2026, 6, 30, 10, 0, 0, TimeSpan.Zero);

    private static int _seed;

    public static Signal New(DateTimeOffset at, string category = "wonen", string? sub = "wonen-vocht", string location = "azc-luttelgeest",
        bool sensitive = false, bool complaint = false, HandlingPromise? promise = null)
    {
        var code = TrackingCode.Derive(new byte[32], "report-test", Interlocked.Increment(ref _seed));
        var flags = sensitive ? SignalFlagsInfo.Parse(false, true, "abuse") : SignalFlagsInfo.None;
        var snapshot = new SignalSnapshot(code, location, null, "ar", category, sub, "نص", null, flags, promise ?? new HandlingPromise(4, 10), at,
            SignalStatus.Received, null, null, [], null, TranslationState.Pending, null, null, FormalComplaint: complaint);
        return Signal.Restore(snapshot, [new SignalEvent(1, SignalEventKinds.Received, at, "resident")]);
    }

    public static Signal Routed(DateTimeOffset at, string org = Coa, string category = "wonen", string? sub = "wonen-vocht", bool sensitive = false,
        bool complaint = false, string location = "azc-luttelgeest")
    {
        var s = New(at, category, sub, location, sensitive, complaint);
        s.Route(new RoutingDecision(org, sensitive ? RoutingReason.Confidential : RoutingReason.Rule, null, []), at);
        return s;
    }

    public static SignalFact Fact(Signal s) => SignalFact.From(s, x => x.Flags.Sensitive ? Confidential : Triage);

    /// <summary>
    /// Six "wonen" signals at AZC Luttelgeest, acknowledgement promise 4 working hours:
    /// accepted after 60, 120, 180 (holiday), 180, 240 and 300 working minutes. Plus one "informatie" signal that COA
    /// let escalate, and one in the confidential channel.
    /// </summary>
    public static List<Signal> Week()
    {
        // 1: accepted 10:00 (60 min), first response 10:30 (90 min), awaiting the resident 12:00–14:00, resolved
        // Tuesday 11:00: 8 + 2 = 10 working hours minus the 2 paused = 8 h; 26 calendar hours. Resident: solved.
        var s1 = Routed(Monday);
        s1.Accept(Coa, Monday.AddHours(1));
        s1.Respond(new ResidentResponse(0, default, Coa, "nl", "We komen kijken.", null, false, null), Monday.AddHours(1.5));
        s1.AwaitResident(Coa, Monday.AddHours(3));
        s1.Start(Coa, Monday.AddHours(5));
        s1.Resolve(Coa, Monday.AddHours(26));
        s1.AnswerSolved(true, null, Monday.AddHours(30));

        // 2: accepted after 120 min, resolved Monday 15:00, the resident says "not solved": reopened.
        var s2 = Routed(Monday);
        s2.Accept(Coa, Monday.AddHours(2));
        s2.Resolve(Coa, Monday.AddHours(6));
        s2.AnswerSolved(false, "nog steeds", Monday.AddHours(7));

        // 3: Wednesday 15:00, over Ascension Day: accepted Friday 10:00 = 2 + 0 + 1 = 3 working hours, 43 calendar hours.
        var wednesday = Monday.AddDays(2).AddHours(6);
        var s3 = Routed(wednesday);
        s3.Accept(Coa, wednesday.AddHours(43));

        // 4: forwarded, accepted by the housing corporation after 180 min (a forward keeps the clock running), then
        // passed on once more to the municipality, which accepts it too.
        var s4 = Routed(Monday);
        s4.Forward("wooncooperatie", Coa, Monday.AddHours(1));
        s4.Accept("wooncooperatie", Monday.AddHours(3));
        s4.Forward("gemeente-regie", "wooncooperatie", Monday.AddHours(4));
        s4.Accept("gemeente-regie", Monday.AddHours(5));

        // 5: accepted after 240 min: exactly at the deadline, so in time. 6: after 300 min: late.
        var s5 = Routed(Monday);
        s5.Accept(Coa, Monday.AddHours(4));
        var s6 = Routed(Monday);
        s6.Accept(Coa, Monday.AddHours(5));

        // 7: "informatie", not accepted by COA in time: back to triage, still waiting there.
        var s7 = Routed(Monday, category: "informatie", sub: "informatie-aanspreekpunt");
        s7.Escalate(Triage, "not-accepted-in-time", "system", Monday.AddHours(5));

        // 8: the confidential channel: counted, never grouped.
        var s8 = Routed(Monday, Confidential, "veiligheid", "veiligheid-medewerker", sensitive: true);
        s8.Accept(Confidential, Monday.AddHours(1));

        return [s1, s2, s3, s4, s5, s6, s7, s8];
    }
}
