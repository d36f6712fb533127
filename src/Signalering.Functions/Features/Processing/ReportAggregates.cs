using System.Diagnostics;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Reports;
using Signalering.Domain.Signals;
using Signalering.Functions.Telemetry;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Features.Admin;

namespace Signalering.Functions.Features.Processing;

/// <summary>
/// Keeps the reports' aggregates up to date and reads reports from them. Every save of a signal after intake (routing
/// onwards) leaves a report marker in the same transaction (<see cref="TodoKinds.Report"/>); the UpdateReports timer turns the marked
/// signals into facts, writes them into their month cells and clears the markers it has taken in. A crash anywhere
/// leaves the marker, so the next run catches up: no change is lost, and applying a fact twice changes nothing.
/// </summary>
public sealed class ReportAggregates(SignalTable signals, ReportTable reports, ReferenceDataProvider reference, ILogger<ReportAggregates> log)
{
    private const int MaxPerRun = 2000;

    /// <summary>Takes in the signals changed since the last run. Returns how many signals were taken in.</summary>
    public async Task<int> UpdateAsync(CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        var markers = new List<(TrackingCode Code, Azure.ETag ETag, SignalFact? Fact)>();
        await foreach (var marker in signals.ListReportMarkersAsync(ct))
        {
            markers.Add(marker);
            if (markers.Count >= MaxPerRun) break;
        }
        if (markers.Count == 0) return 0;

        // The marker carries the fact as of the signal's last change; only an older marker without one reads the signal.
        var facts = new List<SignalFact>();
        foreach (var (code, _, fact) in markers)
            if (fact is not null) facts.Add(SignalFactCodec.ResolveTriage(fact, sensitive => TriageOf(set, sensitive)));
            else if (await signals.GetAsync(code, ct) is { } stored) facts.Add(FactOf(stored.Signal, set));
        await reports.ApplyAsync(facts, ct);
        var kept = 0;
        foreach (var (code, etag, _) in markers)
            if (!await signals.DeleteMarkerIfUnchangedAsync(TodoKinds.Report, code, etag, ct)) kept++;
        log.LogInformation("Reports took in {Count} changed signal(s); {Kept} changed again meanwhile", facts.Count, kept);
        return facts.Count;
    }

    /// <summary>
    /// Rebuilds every cell from the signals themselves (after a change to how facts are computed, or to check the
    /// live aggregates). Reads the whole signals table: an operator's action, not a report.
    /// </summary>
    public async Task<int> RebuildAsync(CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        var facts = new List<SignalFact>();
        await foreach (var s in signals.ScanAllAsync(ct)) facts.Add(FactOf(s, set));
        var cells = await reports.ReplaceAllAsync(facts, ct);
        log.LogInformation("Reports rebuilt: {Signals} signal(s) in {Cells} cell(s)", facts.Count, cells);
        return facts.Count;
    }

    public async Task<(ResponseTimeReport Report, int CellsRead)> ReportAsync(ReportFilter filter, ReportGrouping grouping, DateTimeOffset now,
        CancellationToken ct)
    {
        using var activity = SignaleringTelemetry.Source.StartActivity("Report");
        var set = await reference.GetAsync(ct);
        var (facts, cells) = await reports.ReadAsync(filter.From, filter.To, ct);
        activity?.SetTag("signalering.report.cells", cells);
        return (ResponseTimeReport.Build(facts, set, filter, grouping, now), cells);
    }

    /// <summary>The facts of a period, for exports that list signals one by one (the complaints register, Open311).</summary>
    public async Task<List<SignalFact>> FactsAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        (await reports.ReadAsync(from, to, ct)).Facts;

    public static SignalFact FactOf(Signal s, ReferenceSet set) => SignalFact.From(s, x => TriageOf(set, x.Flags.Sensitive));

    /// <summary>Where an escalation sends a signal: the routing rules' fallback for its sensitivity.</summary>
    private static string TriageOf(ReferenceSet set, bool sensitive) => set.Router.Fallback(sensitive).OrganisationId;
}
