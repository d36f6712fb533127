using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;

// Intake benchmark. One run, one machine: raw Azurite operations (single insert and delete, transactions, enqueue, and
// the app's own intake and confirmation writes) with their CPU cost, then intake through the real app (its own
// process, real HTTP), then submit-to-organisation-queue latency. Ratios matter, not absolute numbers.
// BENCH_AZURITE_DEBUG=<file>: Azurite logs every request there (to count the storage calls a request makes; slow).
// Usage: dotnet run -c Release --project bench/Signalering.Benchmarks -- [requests=3000] [concurrency=16]
// Or: dotnet run -c Release --project bench/Signalering.Benchmarks -- reports [signals=100000] (see ReportsBenchmark).
// Or: dotnet run -c Release --project bench/Signalering.Benchmarks -- growth [rows=8000]: Azurite's CPU per insert into
// an empty partition and into one that already holds the given number of rows.
var reportsMode = args is ["reports", ..];
var growthMode = args is ["growth", ..];
if (reportsMode || growthMode) args = args[1..];
var requests = args.Length > 0 ? int.Parse(args[0]) : reportsMode ? 100_000 : growthMode ? 8000 : 3000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var root = FindRoot();
// Submits before the measured run (warm-up) and after it (one at a time, to the organisation's queue).
// BENCH_WARMUP: requests before the measured intake (200 by default). The app's JIT promotes hot methods through an
// instrumented tier to optimised code over its first seconds, so a short warm-up measures part of that work too.
var Warmup = int.Parse(Environment.GetEnvironmentVariable("BENCH_WARMUP") ?? "200", System.Globalization.CultureInfo.InvariantCulture);
const int LatencySamples = 100;

var ports = (Blob: FreePort(), Queue: FreePort(), Table: FreePort());
var azurite = Start("node", root, [Path.Combine(root, "node_modules/azurite/dist/src/azurite.js"), "--inMemoryPersistence", "--silent",
    "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--blobPort", ports.Blob.ToString(), "--queuePort", ports.Queue.ToString(),
    "--tablePort", ports.Table.ToString(), .. Environment.GetEnvironmentVariable("BENCH_AZURITE_DEBUG") is { Length: > 0 } log ? ["--debug", log] : Array.Empty<string>()], []);
await WaitForPort(ports.Table);
await WaitForPort(ports.Queue);
var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
    $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;";

if (growthMode)
{
    // Does Azurite's cost per insert grow with what the partition already holds? (It keeps each table in memory and
    // looks rows up within their partition; Table Storage indexes by partition and row key.)
    var growth = new TableClient(connection, "growth");
    await growth.CreateIfNotExistsAsync();
    async Task<double> InsertInto(string partition, int count)
    {
        azurite.Refresh();
        var before = azurite.TotalProcessorTime;
        await RunAsync(count, concurrency, async i => await growth.AddEntityAsync(new TableEntity(partition, Guid.NewGuid().ToString("N"))));
        azurite.Refresh();
        return (azurite.TotalProcessorTime - before).TotalMilliseconds / count;
    }
    await InsertInto("warm", 1000);
    Console.WriteLine($"rows={requests} cores={Environment.ProcessorCount}");
    Console.WriteLine($"Azurite CPU per insert, empty partition: {await InsertInto("empty", 1000):F2} ms");
    await InsertInto("full", requests);
    Console.WriteLine($"Azurite CPU per insert, partition holding {requests:N0} rows: {await InsertInto("full", 1000):F2} ms");
    Console.WriteLine($"Azurite CPU per insert, a new partition of the same table: {await InsertInto("fresh", 1000):F2} ms");
    return 0;
}
if (reportsMode)
{
    Console.WriteLine($"signals={requests} cores={Environment.ProcessorCount}");
    await ReportsBenchmark.RunAsync(connection, requests);
    return Environment.ExitCode;
}

Console.WriteLine($"requests={requests} concurrency={concurrency} cores={Environment.ProcessorCount}");

// 1. Raw Azurite, each at the same concurrency: what one operation of each kind a routed signal needs costs Azurite
//    itself, so that the app's ratio can be read against a ceiling computed from this run's own rates. The kinds take
//    turns in three rounds, so that a noisy minute on a shared machine does not fall on one kind only.
var raw = new TableClient(connection, "rawinserts");
await raw.CreateIfNotExistsAsync();
var rawQueue = new QueueClient(connection, "rawenqueue");
await rawQueue.CreateIfNotExistsAsync();
await RunAsync(200, concurrency, async i => await raw.AddEntityAsync(new TableEntity("warm", i.ToString())));
var inserted = new (string Pk, string Rk)[requests];
var twoRows = new (string Pk, string Rk)[requests];
// Each entity of a transaction is a row key plus a suffix, as a signal's rows are (the signal, then its markers).
Task Transaction(int size, int i, (string Pk, string Rk)[]? keep = null)
{
    var (pk, rk) = ($"b{size}-" + (i % 21), Guid.NewGuid().ToString("N"));
    if (keep is not null) keep[i] = (pk, rk);
    return raw.SubmitTransactionAsync(new[] { "", "|route", "|report", "|translate" }.Take(size).Select(suffix =>
        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, rk + suffix) { ["Text"] = "a short signal text" })));
}
// The intake transaction as the app writes it: the signal's row with every property it has (most of them null at
// intake) added, and its three markers upserted. With and without the null properties: the service keeps no nulls,
// but Azurite stores and copies them.
var appRows = new (string Pk, string Rk)[requests];
var appRowsWithoutNulls = new (string Pk, string Rk)[requests];
Task AppTransaction(int i, (string Pk, string Rk)[] keep, bool nulls)
{
    var (pk, code) = ("a" + (nulls ? "n" : "") + (i % 21), Guid.NewGuid().ToString("N")[..10].ToUpperInvariant());
    keep[i] = (pk, code);
    var now = DateTimeOffset.UtcNow;
    var row = AppSignalRow(pk, code, now);
    if (!nulls) foreach (var key in row.Keys.Where(k => row[k] is null).ToList()) row.Remove(key);
    TableEntity Marker(string kind, DateTimeOffset? enqueued) => new(pk, $"todo|{kind}|{code}") { ["CreatedAt"] = now, ["LastEnqueuedAt"] = enqueued, ["Attempts"] = 0 };
    return raw.SubmitTransactionAsync(
    [
        new TableTransactionAction(TableTransactionActionType.Add, row),
        new TableTransactionAction(TableTransactionActionType.UpsertReplace, Marker("route", now)),
        new TableTransactionAction(TableTransactionActionType.UpsertReplace, Marker("report", null)),
        new TableTransactionAction(TableTransactionActionType.UpsertReplace, Marker("translate", null)),
    ]);
}
var kinds = new (string Name, Func<int, Task> Action)[]
{
    ("insert (1 entity)", async i =>
    {
        inserted[i] = ("p" + (i % 21), Guid.NewGuid().ToString("N"));
        await raw.AddEntityAsync(new TableEntity(inserted[i].Pk, inserted[i].Rk) { ["Text"] = "a short signal text" });
    }),
    ("transaction (2 entities, one partition)", i => Transaction(2, i, twoRows)),
    ("transaction (3 entities, one partition)", i => Transaction(3, i)),
    ("transaction (4 entities, one partition)", i => Transaction(4, i)),
    // The confirmation today: a flag merged onto the signal's row and its marker deleted, in one transaction.
    ("transaction (merge + delete, one partition)", i => raw.SubmitTransactionAsync(
    [
        new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(twoRows[i].Pk, twoRows[i].Rk) { ["Notified"] = true }, Azure.ETag.All),
        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(twoRows[i].Pk, twoRows[i].Rk + "|route"), Azure.ETag.All),
    ])),
    // The confirmation as one operation: delete one existing row.
    ("delete (1 entity)", i => raw.DeleteEntityAsync(inserted[i].Pk, inserted[i].Rk, Azure.ETag.All)),
    ("enqueue", i => rawQueue.SendMessageAsync("{\"trackingCode\":\"ABC-DEF-GHJK\"}")),
    ("app's intake transaction (signal row with nulls + 3 markers)", i => AppTransaction(i, appRows, nulls: true)),
    ("app's intake transaction (signal row without nulls + 3 markers)", i => AppTransaction(i, appRowsWithoutNulls, nulls: false)),
    ("app's confirmation (merge onto the signal row + delete its route marker)", i => raw.SubmitTransactionAsync(
    [
        new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity(appRows[i].Pk, "sig|" + appRows[i].Rk)
            { ["OrganisationNotified"] = true, ["DeliveryLeaseUntil"] = DateTimeOffset.UnixEpoch, ["DeliveredTargets"] = "" }, Azure.ETag.All),
        new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(appRows[i].Pk, "todo|route|" + appRows[i].Rk), Azure.ETag.All),
    ])),
    ("delete of the app's route marker (1 entity)", i => raw.DeleteEntityAsync(appRowsWithoutNulls[i].Pk, "todo|route|" + appRowsWithoutNulls[i].Rk, Azure.ETag.All)),
};
const int Rounds = 3;
var measured = kinds.ToDictionary(k => k.Name, _ => new List<Sample>());
// CPU time per operation, Azurite's and this tool's (the client's): on a machine shared with other work the rates
// move with the load, CPU per operation much less.
var cpu = kinds.ToDictionary(k => k.Name, _ => (Azurite: TimeSpan.Zero, Client: TimeSpan.Zero));
var self = Process.GetCurrentProcess();
for (var round = 0; round < Rounds; round++)
{
    var (from, to) = (requests * round / Rounds, requests * (round + 1) / Rounds);
    foreach (var (name, action) in kinds)
    {
        self.Refresh();
        var (a0, c0) = (azurite.TotalProcessorTime, self.TotalProcessorTime);
        measured[name].Add(await SampleAsync(to - from, concurrency, i => action(from + i)));
        self.Refresh();
        cpu[name] = (cpu[name].Azurite + azurite.TotalProcessorTime - a0, cpu[name].Client + self.TotalProcessorTime - c0);
    }
}
var rates = kinds.ToDictionary(k => k.Name, k => Combine(measured[k.Name]));
foreach (var (name, _) in kinds)
    Report("raw Azurite " + name, rates[name], $"; CPU per operation: Azurite {cpu[name].Azurite.TotalMilliseconds / requests:F2} ms, client {cpu[name].Client.TotalMilliseconds / requests:F2} ms");
var rawResult = rates["insert (1 entity)"];
// What Azurite's own rates allow a routed signal (the intake transaction, the organisation message, the confirmation),
// as a share of the single-insert rate: the ceiling of the ratio below, in this run, for each layout.
double Ceiling(params string[] ops) => 1 / ops.Sum(o => rawResult.PerSecond / rates[o].PerSecond);
foreach (var (size, confirm) in new[] { (4, "transaction (merge + delete, one partition)"), (4, "delete (1 entity)"), (3, "delete (1 entity)"), (2, "delete (1 entity)") })
    Console.WriteLine($"ratio ceiling, transaction of {size} + enqueue + {confirm}: {Ceiling($"transaction ({size} entities, one partition)", "enqueue", confirm):F2}");
foreach (var (intakeKind, confirm) in new[]
{
    ("app's intake transaction (signal row with nulls + 3 markers)", "app's confirmation (merge onto the signal row + delete its route marker)"),
    ("app's intake transaction (signal row with nulls + 3 markers)", "delete of the app's route marker (1 entity)"),
    ("app's intake transaction (signal row without nulls + 3 markers)", "delete of the app's route marker (1 entity)"),
})
    Console.WriteLine($"ratio ceiling, {intakeKind} + enqueue + {confirm}: {Ceiling(intakeKind, "enqueue", confirm):F2}");

// 2. The app in its own process, as `dotnet run` would start it, with its queue functions running.
var appPort = FreePort();
var dll = Path.Combine(root, "src/Signalering.Functions/bin/Release/net10.0/Signalering.Functions.dll");
if (!File.Exists(dll)) throw new InvalidOperationException("Build first: dotnet build -c Release src/Signalering.Functions");
var submitBudget = (2 * (Warmup + requests + LatencySamples)).ToString(System.Globalization.CultureInfo.InvariantCulture);
var app = Start("dotnet", Path.GetDirectoryName(dll)!, [dll], new Dictionary<string, string>
{
    ["ASPNETCORE_ENVIRONMENT"] = "Development",
    ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{appPort}",
    ["Storage__ConnectionString"] = connection,
    ["Functions__ScriptRoot"] = root,
    ["Logging__LogLevel__Default"] = "Warning",
    ["Functions__RunTriggersLocally"] = Environment.GetEnvironmentVariable("BENCH_TRIGGERS") ?? "true",
    ["Signals__RouteAtIntake"] = Environment.GetEnvironmentVariable("BENCH_ROUTE_AT_INTAKE") ?? "true",
    // One load generator on one address for one location: the production budgets (200 per 10 minutes) would stop it.
    // Twice what the run sends, not unlimited: each instance takes a twentieth of a budget per lease (ADR 0009), so
    // the budgets still go to storage about ten times in the run.
    ["AbuseLimits__SubmitsPerClient"] = submitBudget,
    ["AbuseLimits__SubmitsPerLocation"] = submitBudget,
    ["AbuseLimits__LookupsPerClient"] = "100000000",
}.Concat(AppEnvironment()).ToDictionary());
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}") };
await WaitForHttp(http);
var token = "dev.HQ4z84j7neJR-KBN.owvz_wtlLBbmcJVH-GfogQ";
object Body(int i, string run) => new
{
    locationToken = token, language = "ar", category = "wonen", subcategory = "wonen-vocht",
    text = "الماء يدخل غرفتي منذ أسبوع", idempotencyKey = $"bench-{run}-{i:D6}",
};
await RunAsync(Warmup, concurrency, async i => (await http.PostAsJsonAsync("/api/signals", Body(i, "warm"))).EnsureSuccessStatusCode());
// CPU each process used during the measured intake: which of them the rate is waiting for.
self.Refresh();
var (azuriteCpu, appCpu, clientCpu) = (azurite.TotalProcessorTime, app.TotalProcessorTime, self.TotalProcessorTime);
var intake = await RunAsync(requests, concurrency, async i =>
{
    var r = await http.PostAsJsonAsync("/api/signals", Body(i, "load"));
    if (r.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
});
Report("intake POST /api/signals", intake);
self.Refresh();
var intakeSeconds = requests / intake.PerSecond;
var (azuriteUsed, appUsed, clientUsed) = (azurite.TotalProcessorTime - azuriteCpu, app.TotalProcessorTime - appCpu, self.TotalProcessorTime - clientCpu);
Console.WriteLine($"CPU during intake, per request: Azurite {azuriteUsed.TotalMilliseconds / requests:F2} ms, app {appUsed.TotalMilliseconds / requests:F2} ms, " +
    $"client {clientUsed.TotalMilliseconds / requests:F2} ms; in cores: Azurite {azuriteUsed.TotalSeconds / intakeSeconds:F2}, app {appUsed.TotalSeconds / intakeSeconds:F2}, " +
    $"client {clientUsed.TotalSeconds / intakeSeconds:F2} (of {Environment.ProcessorCount})");
// When the cores are the limit (they are on the 2-core machine: Azurite, the app and this tool share them), the ratio
// is what one insert costs all processes in CPU against what one request costs them.
var insertCpu = cpu["insert (1 entity)"];
Console.WriteLine($"ratio if CPU-bound, (insert: Azurite + client) / (request: Azurite + app + client): " +
    $"{(insertCpu.Azurite + insertCpu.Client).TotalMilliseconds / (azuriteUsed + appUsed + clientUsed).TotalMilliseconds:F2}");
Console.WriteLine($"intake / raw insert throughput: {intake.PerSecond / rawResult.PerSecond:F2}");
// The same raw insert once more, right after the intake: Azurite (Node) warms up over a run, its tables hold the app's
// rows by then, and the machine's load drifts. The two raw rates bracket the intake in time and in data volume; the
// ratio against the second is the one measured under the same conditions as the intake.
self.Refresh();
var (azuriteAfter0, clientAfter0) = (azurite.TotalProcessorTime, self.TotalProcessorTime);
var rawAfter = await RunAsync(requests, concurrency, async i =>
    await raw.AddEntityAsync(new TableEntity("after" + (i % 21), Guid.NewGuid().ToString("N")) { ["Text"] = "a short signal text" }));
self.Refresh();
Report("raw Azurite insert (1 entity), right after the intake", rawAfter,
    $"; CPU per operation: Azurite {(azurite.TotalProcessorTime - azuriteAfter0).TotalMilliseconds / requests:F2} ms, client {(self.TotalProcessorTime - clientAfter0).TotalMilliseconds / requests:F2} ms");
Console.WriteLine($"intake / raw insert right after it: {intake.PerSecond / rawAfter.PerSecond:F2}");

// 3. Submit → message on the organisation's queue, one at a time once the backlog has drained. Needs the queue
//    functions; with BENCH_TRIGGERS=false nothing routes, so stop here.
if (!string.Equals(Environment.GetEnvironmentVariable("BENCH_TRIGGERS") ?? "true", "true", StringComparison.OrdinalIgnoreCase))
{
    Console.WriteLine("submit → organisation queue: skipped (BENCH_TRIGGERS=false, the queue functions are not running)");
    return 0;
}
var orgQueue = new QueueClient(connection, "org-coa-luttelgeest");
await WaitUntilDrained(orgQueue, requests + Warmup);
// The translate backlog (one message per routed signal) must be gone too, or it competes with what is measured.
await WaitUntilEmpty(new QueueClient(connection, "signals-intake"));
await WaitUntilEmpty(new QueueClient(connection, "signals-translate"));
await orgQueue.ClearMessagesAsync();
var latencies = new List<double>();
for (var i = 0; i < LatencySamples; i++)
{
    var watch = Stopwatch.StartNew();
    var r = await http.PostAsJsonAsync("/api/signals", Body(i, "latency"));
    var code = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
    while (true)
    {
        var messages = (await orgQueue.ReceiveMessagesAsync(32)).Value;
        foreach (var m in messages) await orgQueue.DeleteMessageAsync(m.MessageId, m.PopReceipt);
        if (messages.Any(m => m.Body.ToString().Contains(code) || System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(m.Body.ToString())).Contains(code))) break;
        if (watch.Elapsed > TimeSpan.FromSeconds(30)) throw new TimeoutException("Signal never reached the organisation queue.");
        await Task.Delay(2);
    }
    latencies.Add(watch.Elapsed.TotalMilliseconds);
}
latencies.Sort();
Console.WriteLine($"submit → organisation queue (n={LatencySamples}, sequential): p50 {Pct(latencies, 50):F1} ms, p99 {Pct(latencies, 99):F1} ms");
return 0;

// The signal's row as SignalTable.CreateAsync writes it for a routed report without contact details or photos.
static TableEntity AppSignalRow(string pk, string code, DateTimeOffset now) => new(pk, "sig|" + code)
{
    ["Code"] = code, ["LocationId"] = "azc-luttelgeest", ["Wing"] = "Hoofdgebouw", ["Language"] = "ar", ["Category"] = "wonen",
    ["Subcategory"] = "wonen-vocht", ["Text"] = "الماء يدخل غرفتي منذ أسبوع", ["ContactPhone"] = null, ["ContactEmail"] = null,
    ["Emergency"] = false, ["Sensitive"] = false, ["FlagKinds"] = "", ["AcknowledgeWithinWorkingHours"] = 16, ["ResolveWithinWorkingDays"] = 10,
    ["ReceivedAt"] = now, ["Status"] = "routed", ["OrganisationId"] = "coa-luttelgeest", ["RoutingReason"] = "Rule", ["CopyTo"] = "",
    ["RoutedAt"] = now, ["Translation"] = "Untranslated", ["TextNl"] = null, ["DetectedLanguage"] = null, ["ResidentComments"] = null,
    ["Attachments"] = null, ["TraceParent"] = "00-12ea7f70264aae5e7357dcc6078c639f-f1fc287f7d432578-01", ["Notes"] = null, ["Responses"] = null,
    ["MergedInto"] = null, ["FormalComplaint"] = false, ["ComplaintExtensionWeeks"] = 0, ["Duplicates"] = null, ["Reason"] = null,
    ["AssigneeId"] = null, ["AssigneeName"] = null, ["IdempotencyKeyHash"] = "3A414B5F936E6229C53766ED7652381D",
    ["Fingerprint"] = "8421E8D1AAF5FE403C078B1D64C857F8", ["OrganisationNotified"] = false, ["DeliveryLeaseUntil"] = now.AddMinutes(1),
    ["IntakeEvents"] = $"[{{\"Sequence\":1,\"Kind\":\"received\",\"At\":\"{now:O}\",\"Actor\":\"resident\",\"Detail\":null}}," +
        $"{{\"Sequence\":2,\"Kind\":\"untranslated\",\"At\":\"{now:O}\",\"Actor\":\"system\",\"Detail\":\"not-configured\"}}," +
        $"{{\"Sequence\":3,\"Kind\":\"routed\",\"At\":\"{now:O}\",\"Actor\":\"system\",\"Detail\":\"coa-luttelgeest\"}}]",
};

// BENCH_APP_X=value sets X=value for the app only (e.g. a runtime knob tried on the app and not on this tool).
static IEnumerable<KeyValuePair<string, string>> AppEnvironment() =>
    Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
        .Where(e => ((string)e.Key).StartsWith("BENCH_APP_", StringComparison.Ordinal))
        .Select(e => KeyValuePair.Create(((string)e.Key)["BENCH_APP_".Length..], (string)e.Value!));

static async Task<Result> RunAsync(int count, int concurrency, Func<int, Task> action) =>
    Combine([await SampleAsync(count, concurrency, action)]);

static async Task<Sample> SampleAsync(int count, int concurrency, Func<int, Task> action)
{
    var next = -1;
    var latencies = new ConcurrentBag<double>();
    var total = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        int i;
        while ((i = Interlocked.Increment(ref next)) < count)
        {
            var t = Stopwatch.GetTimestamp();
            await action(i);
            latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }
    }));
    return new Sample(count, total.Elapsed.TotalSeconds, [.. latencies]);
}

static Result Combine(List<Sample> samples)
{
    var sorted = samples.SelectMany(s => s.Latencies).Order().ToList();
    return new Result(samples.Sum(s => s.Count) / samples.Sum(s => s.Seconds), Pct(sorted, 50), Pct(sorted, 99));
}

static void Report(string what, Result r, string more = "") => Console.WriteLine($"{what}: {r.PerSecond:F0}/s, p50 {r.P50:F1} ms, p99 {r.P99:F1} ms{more}");
static double Pct(List<double> sorted, int p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];

static async Task WaitUntilDrained(QueueClient org, int expected)
{
    var deadline = DateTime.UtcNow.AddMinutes(5);
    while (DateTime.UtcNow < deadline && (await org.GetPropertiesAsync()).Value.ApproximateMessagesCount < expected) await Task.Delay(200);
}

static async Task WaitUntilEmpty(QueueClient queue)
{
    var deadline = DateTime.UtcNow.AddMinutes(5);
    while (DateTime.UtcNow < deadline && (!await queue.ExistsAsync() || (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount > 0))
        await Task.Delay(200);
}

static Process Start(string file, string dir, string[] args, Dictionary<string, string> env)
{
    var psi = new ProcessStartInfo(file) { WorkingDirectory = dir, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var a in args) psi.ArgumentList.Add(a);
    foreach (var (k, v) in env) psi.Environment[k] = v;
    var p = ChildProcesses.Track(Process.Start(psi)!);
    p.OutputDataReceived += (_, _) => { };
    p.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine(e.Data); };
    p.BeginOutputReadLine();
    p.BeginErrorReadLine();
    return p;
}

static int FreePort()
{
    using var l = new TcpListener(IPAddress.Loopback, 0);
    l.Start();
    return ((IPEndPoint)l.LocalEndpoint).Port;
}

static async Task WaitForPort(int port)
{
    for (var i = 0; i < 300; i++)
    {
        try { using var c = new TcpClient(); await c.ConnectAsync(IPAddress.Loopback, port); return; }
        catch (SocketException) { await Task.Delay(100); }
    }
    throw new TimeoutException($"Port {port} never opened.");
}

static async Task WaitForHttp(HttpClient http)
{
    for (var i = 0; i < 300; i++)
    {
        try { if ((await http.GetAsync("/api/health")).IsSuccessStatusCode) return; } catch (HttpRequestException) { }
        await Task.Delay(100);
    }
    throw new TimeoutException("The app never became healthy.");
}

static string FindRoot()
{
    for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        if (File.Exists(Path.Combine(d.FullName, "Signalering.sln"))) return d.FullName;
    throw new InvalidOperationException("Run from inside the repository.");
}

record Result(double PerSecond, double P50, double P99);
record Sample(int Count, double Seconds, List<double> Latencies);
