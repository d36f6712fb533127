using Signalering.Domain.Reports;
using static Signalering.Domain.Tests.Reports.ReportFixtures;

namespace Signalering.Domain.Tests.Reports;

/// <summary>The Awb 9:12a register: numbered, dated, on time or not, without tracking codes; confidential complaints only counted.</summary>
public sealed class ComplaintRegisterTest
{
    [Fact]
    public void Register_ListsComplaintsOfTheYear_WithTheirAwbTerms()
    {
        var january = new DateTimeOffset(2026, 1, 12, 8, 0, 0, TimeSpan.Zero);
        var onTime = Routed(january, complaint: true);
        onTime.Accept(Coa, january.AddDays(1));
        onTime.Resolve(Coa, january.AddDays(20));
        var extended = Routed(january.AddDays(1), complaint: true);
        extended.Accept(Coa, january.AddDays(2));
        extended.ExtendComplaint(4, Coa, january.AddDays(30));
        extended.Resolve(Coa, january.AddDays(1 + 7 * 8)); // eight weeks: late without the extension, on time with it
        var late = Routed(january.AddDays(2), complaint: true);
        late.Accept(Coa, january.AddDays(3));
        late.Resolve(Coa, january.AddDays(2 + 7 * 6 + 1));
        var open = Routed(january.AddDays(3), complaint: true);
        var confidential = Routed(january, Confidential, "veiligheid", "veiligheid-medewerker", sensitive: true, complaint: true);
        var lastYear = Routed(january.AddYears(-1), complaint: true);
        var plain = Routed(january);

        var register = ComplaintRegister.Build(2026, new[] { onTime, extended, late, open, confidential, lastYear, plain }.Select(Fact), Seed,
            new DateTimeOffset(2026, 12, 31, 12, 0, 0, TimeSpan.Zero));

        Assert.Equal([1, 2, 3, 4], register.Entries.Select(e => e.Number));
        Assert.Equal([true, true, false, false], register.Entries.Select(e => e.DecidedInTime)); // the open one is past its six weeks
        Assert.Equal(4, register.Entries[1].ExtendedByWeeks);
        Assert.Equal(new DateOnly(2026, 2, 23), register.Entries[0].DecideBy); // 12 January + 6 weeks
        Assert.Equal("in behandeling", register.Entries[3].Status);
        Assert.Equal(1, register.ConfidentialCount);
        Assert.Equal(2, register.DecidedInTime);
        Assert.Equal(2, register.Late);
        Assert.All(register.Entries, e => Assert.DoesNotContain(onTime.Code.Value, e.ToString()));
    }
}
