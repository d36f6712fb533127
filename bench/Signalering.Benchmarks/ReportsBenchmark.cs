using System.Diagnostics;
using System.Text.Json;
using Azure.Data.Tables;
using Signalering.Domain.Categories;
using Signalering.Domain.Clocks;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Reports;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;
using Signalering.Infrastructure.Tables;

/// <summary>
/// A year's report from the aggregates against the same report from a full scan of the signals, in one run on one
/// Azurite: generates a year of handled signals with the domain's own methods, bulk-loads them, builds the cells
/// with the production rebuild, then times each way (median of three) and checks they give the same figures.
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task RunAsync(string connection, int count)
    {
        var set = ReferenceFiles.LoadEmbedded().ToDomain();
        var signalsTable = new TableClient(connection, "benchsignals");
        var reportsTable = new TableClient(connection, "benchreports");
        await signalsTable.CreateIfNotExistsAsync();
        await reportsTable.CreateIfNotExistsAsync();
        var signals = new SignalTable(signalsTable);
        var reports = new ReportTable(reportsTable);

        var clock = Stopwatch.StartNew();
        var generated = Generate(set, count, new Random(2026)).ToList();
        Console.WriteLine($"generated {generated.Count} signals with {generated.Sum(s => s.Events.Count)} events in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        var rows = await signals.ImportAsync(generated, CancellationToken.None);
        Console.WriteLine($"loaded {rows} rows in {clock.Elapsed.TotalSeconds:F1} s");
        generated.Clear();

        Func<Signal, string> triage = s => set.Router.Fallback(s.Flags.Sensitive).OrganisationId;
        clock.Restart();
        var facts = new List<SignalFact>();
        await foreach (var s in signals.ScanAllAsync(CancellationToken.None)) facts.Add(SignalFact.From(s, triage));
        var cells = await reports.ReplaceAllAsync(facts, CancellationToken.None);
        Console.WriteLine($"rebuilt {cells} cells from {facts.Count} signals in {clock.Elapsed.TotalSeconds:F1} s");
        facts.Clear();

        var filter = ReportFilter.Create(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31));
        var now = new DateTimeOffset(2026, 1, 15, 9, 0, 0, TimeSpan.Zero);

        var readMs = new List<double>();
        async Task<(ResponseTimeReport Report, int Read)> FromAggregates()
        {
            var watch = Stopwatch.StartNew();
            var (f, read) = await reports.ReadAsync(filter.From, filter.To, CancellationToken.None);
            readMs.Add(watch.Elapsed.TotalMilliseconds);
            return (ResponseTimeReport.Build(f, set, filter, ReportGrouping.Organisation, now), read);
        }

        async Task<(ResponseTimeReport Report, int Read)> FromScan()
        {
            var f = new List<SignalFact>();
            await foreach (var s in signals.ScanAllAsync(CancellationToken.None)) f.Add(SignalFact.From(s, triage));
            return (ResponseTimeReport.Build(f, set, filter, ReportGrouping.Organisation, now), rows);
        }

        await FromAggregates(); // warm-up: JIT and connections, for both
        var (aggregate, aggregateMs) = await Median3(FromAggregates);
        var (scan, scanMs) = await Median3(FromScan);

        var same = JsonSerializer.Serialize(aggregate.Report.Rows) == JsonSerializer.Serialize(scan.Report.Rows)
                   && JsonSerializer.Serialize(aggregate.Report.Total) == JsonSerializer.Serialize(scan.Report.Total);
        Console.WriteLine($"year report from aggregates: {aggregateMs:F0} ms (reading the cells: median {readMs.Order().ElementAt(readMs.Count / 2):F0} ms), {aggregate.Read} entities (cells) read");
        Console.WriteLine($"year report from a full scan: {scanMs:F0} ms, {scan.Read} entities (signal rows with their histories) read");
        Console.WriteLine($"scan / aggregates: {scanMs / aggregateMs:F1}× the time, {(double)scan.Read / aggregate.Read:F0}× the entities; same figures: {same}");
        Console.WriteLine($"signals in the year's report: {aggregate.Report.Total.Received} (+ {aggregate.Report.ConfidentialReceived} confidential)");
        if (!same) Environment.ExitCode = 1;
    }

    private static async Task<((ResponseTimeReport Report, int Read) Result, double Ms)> Median3(Func<Task<(ResponseTimeReport, int)>> run)
    {
        var times = new List<(double Ms, (ResponseTimeReport, int) Result)>();
        for (var i = 0; i < 3; i++)
        {
            var watch = Stopwatch.StartNew();
            var result = await run();
            times.Add((watch.Elapsed.TotalMilliseconds, result));
        }
        var median = times.OrderBy(t => t.Ms).ElementAt(1);
        return (median.Result, median.Ms);
    }

    /// <summary>A year (2025) of signals, handled the way the seed documents describe: most in time, some late, some passed on, a few reopened.</summary>
    private static IEnumerable<Signal> Generate(ReferenceSet set, int count, Random random)
    {
        var work = WorkingTime.Netherlands;
        var locations = set.Locations.Values.ToList();
        var subcategories = set.Categories.All.Where(c => !c.IsMain && !c.Emergency).ToList();
        var orgs = set.Organisations.Values.Where(o => !o.IsTriage && o.Kind != Signalering.Domain.Organisations.OrganisationKind.ConfidentialHandler).ToList();
        var confidential = set.Router.Fallback(true).OrganisationId;
        var triage = set.Router.Fallback(false).OrganisationId;
        var start = new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var secret = new byte[32];
        for (var i = 0; i < count; i++)
        {
            var received = start.AddMinutes(random.Next(365 * 24 * 60));
            var location = locations[random.Next(locations.Count)];
            var sub = subcategories[random.Next(subcategories.Count)];
            var sensitive = sub.Sensitive;
            var promise = set.Categories.TryGet(sub.ParentCode, out var main) ? main.Promise : new HandlingPromise(16, 10);
            var snapshot = new SignalSnapshot(TrackingCode.Derive(secret, "bench", i), location.Id, null, "ar", sub.ParentCode!, sub.Code, null, null,
                sensitive ? SignalFlagsInfo.Parse(false, true, "abuse") : SignalFlagsInfo.None, promise, received, SignalStatus.Received, null, null, [],
                null, TranslationState.NotNeeded, null, null, FormalComplaint: random.NextDouble() < 0.03);
            var s = Signal.Restore(snapshot, [new SignalEvent(1, SignalEventKinds.Received, received, "resident")]);
            var org = sensitive ? confidential : random.NextDouble() < 0.6 ? location.OperatorId : orgs[random.Next(orgs.Count)].Id;
            s.Route(new RoutingDecision(org, sensitive ? RoutingReason.Confidential : RoutingReason.Rule, null, []), received);
            var t = received;
            DateTimeOffset Later(double workingHours) => t = work.AddWorkingHours(t, workingHours);

            if (!sensitive && random.NextDouble() < 0.04)
            {
                s.Escalate(triage, "not-accepted-in-time", "system", Later(promise.AcknowledgeWithinWorkingHours + 1));
                org = triage;
            }
            if (random.NextDouble() < 0.08 && !sensitive)
            {
                var to = orgs[random.Next(orgs.Count)].Id;
                if (to != org) { s.Forward(to, org, Later(random.NextDouble() * 4)); org = to; }
            }
            if (random.NextDouble() < 0.07) yield return s; // never taken on yet
            else
            {
                s.Accept(org, Later(random.NextDouble() * promise.AcknowledgeWithinWorkingHours * 1.5));
                if (random.NextDouble() < 0.7) s.Respond(new ResidentResponse(0, default, org, "nl", null, null, false, "accepted"), Later(random.NextDouble() * 8));
                if (random.NextDouble() < 0.15) { s.AwaitResident(org, Later(2)); s.Start(org, Later(random.NextDouble() * 24)); }
                if (random.NextDouble() < 0.8)
                {
                    s.Resolve(org, Later(random.NextDouble() * promise.ResolveWithinWorkingDays * 8 * 1.4));
                    if (random.NextDouble() < 0.3) s.AnswerSolved(random.NextDouble() < 0.8, null, Later(random.NextDouble() * 16));
                }
                yield return s;
            }
        }
    }
}
