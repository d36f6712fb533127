using Signalering.Domain.ReferenceData;

namespace Signalering.Domain.Reports;

/// <summary>One formal complaint in the register: what, where (by kind of place), who handled it, and whether on time. No person, no text.</summary>
public sealed record ComplaintEntry(int Number, DateOnly Received, string Subject, string Organisation, string LocationType, DateOnly DecideBy,
    int ExtendedByWeeks, DateOnly? Decided, bool? DecidedInTime, string Status);

/// <summary>
/// The yearly register of complaints (klachtenregistratie) that article 9:12a of the Algemene wet bestuursrecht asks
/// an administrative body to keep and publish: every formal complaint received in the year, with its subject, when it
/// was decided and whether within the six weeks (or the announced extension). Numbered in order of receipt;
/// tracking codes stay out, so the published register cannot be used to look a resident's signal up. Complaints in
/// the confidential channel are counted, not listed.
/// </summary>
public sealed record ComplaintRegister(int Year, IReadOnlyList<ComplaintEntry> Entries, int ConfidentialCount)
{
    public static ComplaintRegister Build(int year, IEnumerable<SignalFact> facts, ReferenceSet reference, DateTimeOffset now)
    {
        var complaints = facts.Where(f => f.FormalComplaint && f.Day.Year == year).OrderBy(f => f.ReceivedAt).ThenBy(f => f.Code.Value).ToList();
        var entries = complaints.Where(f => !f.Confidential).Select((f, i) =>
        {
            var decideBy = Signals.Signal.ComplaintDecisionDate(f.ReceivedAt, f.ComplaintExtensionWeeks);
            var decided = f.ResolvedAt;
            return new ComplaintEntry(i + 1, f.Day,
                reference.Categories.TryGet(f.Subcategory ?? f.Category, out var c) ? c.NameIn("nl") : f.Category,
                f.Organisation is { } o && reference.Organisations.TryGetValue(o, out var org) ? org.Name : f.Organisation ?? "",
                ResponseTimeReport.LabelOf(ResponseTimeReport.KeyOf(f, ReportGrouping.LocationType, reference), ReportGrouping.LocationType, reference),
                Clocks.WorkingTime.DutchDate(decideBy), f.ComplaintExtensionWeeks, decided is { } d ? Clocks.WorkingTime.DutchDate(d) : null,
                decided is { } d2 ? d2 <= decideBy : now > decideBy ? false : null,
                decided is not null ? "afgehandeld" : f.IsOpen ? "in behandeling" : "beëindigd zonder oordeel");
        }).ToList();
        return new ComplaintRegister(year, entries, complaints.Count(f => f.Confidential));
    }

    public int DecidedInTime => Entries.Count(e => e.DecidedInTime == true);
    public int Late => Entries.Count(e => e.DecidedInTime == false);
}
