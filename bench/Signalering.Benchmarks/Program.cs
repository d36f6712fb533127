using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Data.Tables;
using Azure.Storage.Queues;

// Intake benchmark. One run, one machine: raw Azurite single-entity inserts, then intake through the real app
// (its own process, real HTTP), then submit-to-organisation-queue latency. Ratios matter, not absolute numbers.
// Usage: dotnet run -c Release --project bench/Signalering.Benchmarks -- [requests=3000] [concurrency=16]
// Or: dotnet run -c Release --project bench/Signalering.Benchmarks -- reports [signals=100000] (see ReportsBenchmark).
var reportsMode = args is ["reports", ..];
if (reportsMode) args = args[1..];
var requests = args.Length > 0 ? int.Parse(args[0]) : reportsMode ? 100_000 : 3000;
var concurrency = args.Length > 1 ? int.Parse(args[1]) : 16;
var root = FindRoot();
// Submits before the measured run (warm-up) and after it (one at a time, to the organisation's queue).
const int Warmup = 200, LatencySamples = 100;

var ports = (Blob: FreePort(), Queue: FreePort(), Table: FreePort());
var azurite = Start("node", root, [Path.Combine(root, "node_modules/azurite/dist/src/azurite.js"), "--inMemoryPersistence", "--silent",
    "--skipApiVersionCheck", "--disableTelemetry", "--loose", "--blobPort", ports.Blob.ToString(), "--queuePort", ports.Queue.ToString(),
    "--tablePort", ports.Table.ToString()], []);
await WaitForPort(ports.Table);
await WaitForPort(ports.Queue);
var connection = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
    $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;";

if (reportsMode)
{
    Console.WriteLine($"signals={requests} cores={Environment.ProcessorCount}");
    await ReportsBenchmark.RunAsync(connection, requests);
    return Environment.ExitCode;
}

Console.WriteLine($"requests={requests} concurrency={concurrency} cores={Environment.ProcessorCount}");

// 1. Raw insert: what Azurite itself does for one small entity, at the same concurrency.
var raw = new TableClient(connection, "rawinserts");
await raw.CreateIfNotExistsAsync();
await RunAsync(200, concurrency, async i => await raw.AddEntityAsync(new TableEntity("warm", i.ToString())));
var rawResult = await RunAsync(requests, concurrency, async i =>
    await raw.AddEntityAsync(new TableEntity("p" + (i % 21), Guid.NewGuid().ToString("N")) { ["Text"] = "a short signal text" }));
Report("raw Azurite insert (1 entity)", rawResult);
var batchResult = await RunAsync(requests, concurrency, async i =>
{
    var pk = "b" + (i % 21);
    var rk = Guid.NewGuid().ToString("N");
    await raw.SubmitTransactionAsync(new[] { "", "|evt|0001", "|todo" }.Select(suffix =>
        new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(pk, rk + suffix) { ["Text"] = "a short signal text" })));
});
Report("raw Azurite transaction (3 entities, one partition)", batchResult);
var rawQueue = new QueueClient(connection, "rawenqueue");
await rawQueue.CreateIfNotExistsAsync();
var enqueueResult = await RunAsync(requests, concurrency, async i => await rawQueue.SendMessageAsync("{\"trackingCode\":\"ABC-DEF-GHJK\"}"));
Report("raw Azurite enqueue", enqueueResult);

// 2. The app in its own process, as `dotnet run` would start it, with its queue functions running.
var appPort = FreePort();
var dll = Path.Combine(root, "src/Signalering.Functions/bin/Release/net10.0/Signalering.Functions.dll");
if (!File.Exists(dll)) throw new InvalidOperationException("Build first: dotnet build -c Release src/Signalering.Functions");
var submitBudget = (2 * (Warmup + requests + LatencySamples)).ToString(System.Globalization.CultureInfo.InvariantCulture);
var app = Start("dotnet", Path.GetDirectoryName(dll)!, [dll], new()
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
});
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{appPort}") };
await WaitForHttp(http);
var token = "dev.HQ4z84j7neJR-KBN.owvz_wtlLBbmcJVH-GfogQ";
object Body(int i, string run) => new
{
    locationToken = token, language = "ar", category = "wonen", subcategory = "wonen-vocht",
    text = "الماء يدخل غرفتي منذ أسبوع", idempotencyKey = $"bench-{run}-{i:D6}",
};
await RunAsync(Warmup, concurrency, async i => (await http.PostAsJsonAsync("/api/signals", Body(i, "warm"))).EnsureSuccessStatusCode());
var intake = await RunAsync(requests, concurrency, async i =>
{
    var r = await http.PostAsJsonAsync("/api/signals", Body(i, "load"));
    if (r.StatusCode != HttpStatusCode.Accepted) throw new InvalidOperationException($"{r.StatusCode}: {await r.Content.ReadAsStringAsync()}");
});
Report("intake POST /api/signals", intake);
Console.WriteLine($"intake / raw insert throughput: {intake.PerSecond / rawResult.PerSecond:F2}");

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

static async Task<Result> RunAsync(int count, int concurrency, Func<int, Task> action)
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
    var sorted = latencies.Order().ToList();
    return new Result(count / total.Elapsed.TotalSeconds, Pct(sorted, 50), Pct(sorted, 99));
}

static void Report(string what, Result r) => Console.WriteLine($"{what}: {r.PerSecond:F0}/s, p50 {r.P50:F1} ms, p99 {r.P99:F1} ms");
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
