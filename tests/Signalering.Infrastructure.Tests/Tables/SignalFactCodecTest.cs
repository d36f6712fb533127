using Signalering.Domain.Reports;
using Signalering.Infrastructure.Tables;
using static Signalering.Domain.Tests.Reports.ReportFixtures;

namespace Signalering.Infrastructure.Tests.Tables;

/// <summary>The report cell's line format: round trip, refusal of malformed lines, and no resident words in it.</summary>
public sealed class SignalFactCodecTest
{
    [Fact]
    public void Fact_SurvivesItsEncoding()
    {
        foreach (var s in Week())
        {
            var fact = Fact(s);
            var again = SignalFactCodec.Decode(SignalFactCodec.Encode(fact), fact.LocationId, fact.Category);
            Assert.Equal(SignalFactCodec.Encode(fact), SignalFactCodec.Encode(again));
            Assert.Equal(fact.Status, again.Status);
            Assert.Equal(fact.ToAccept, again.ToAccept);
            Assert.Equal(fact.Bounces, again.Bounces);
        }
    }

    [Fact]
    public void Fact_ComputedWithTheTriagePlaceholder_ResolvesToTheFactWithTheTriageOrganisation()
    {
        // Escalated twice: the second bounce is triage's own, so the placeholder lands in the bounces.
        var twice = Routed(Monday, category: "informatie", sub: "informatie-aanspreekpunt");
        twice.Escalate(Triage, "not-accepted-in-time", "system", Monday.AddHours(5));
        twice.Escalate(Triage, "not-accepted-in-time", "system", Monday.AddHours(30));
        foreach (var s in Week().Append(twice))
        {
            var marker = SignalFactCodec.Decode(SignalFactCodec.Encode(SignalFact.From(s, SignalFactCodec.TriagePlaceholder)), s.LocationId, s.Category);
            var resolved = SignalFactCodec.ResolveTriage(marker, sensitive => sensitive ? Confidential : Triage);
            Assert.Equal(SignalFactCodec.Encode(Fact(s)), SignalFactCodec.Encode(resolved));
        }
        var bounces = SignalFactCodec.ResolveTriage(SignalFact.From(twice, SignalFactCodec.TriagePlaceholder), _ => Triage).Bounces;
        Assert.Equal([new Bounce(Coa, "not-accepted-in-time"), new Bounce(Triage, "not-accepted-in-time")], bounces);
    }

    [Fact]
    public void Fact_WithFieldsMissingOrLeftOver_IsRefused()
    {
        var line = SignalFactCodec.Encode(Fact(Week()[0]));
        Assert.Throws<FormatException>(() => SignalFactCodec.Decode(line[..line.LastIndexOf('|')], "azc-luttelgeest", "wonen"));
        Assert.Throws<FormatException>(() => SignalFactCodec.Decode(line + "|1", "azc-luttelgeest", "wonen"));
        Assert.Throws<FormatException>(() => SignalFactCodec.Decode("f0" + line[2..], "azc-luttelgeest", "wonen"));
    }

    [Fact]
    public void Fact_CarriesNoTextLanguageOrContact()
    {
        var s = Week()[1];
        var line = SignalFactCodec.Encode(Fact(s));
        Assert.DoesNotContain("نص", line);
        Assert.DoesNotContain("nog steeds", line);
        Assert.DoesNotContain("|ar|", line);
    }
}
