using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Storage.Queues;
using Signalering.Domain.Signals;
using Signalering.Functions.Tests.Hosting;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;
using Xunit.Abstractions;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// The app runs as its own process and is killed with SIGKILL under load, twice, each time replaced by a new process
/// over the same storage: once while residents' reports are being taken in, once soon after the restart while the
/// new process also re-drives what the first kill left. Residents' phones do what the offline outbox does: a report
/// that got no answer is sent again, with the same idempotency key, to whichever process answers now. In the end every
/// report is one stored signal with exactly one organisation message, delivered by the last process on its own (its
/// sweep), and no resident was ever answered with an error.
/// </summary>
public sealed class AppKilledTest(ITestOutputHelper output)
{
    private const int Residents = 12;

    [Theory]
    [InlineData(true)]  // routed and delivered in the request that stores it: production without a translator
    [InlineData(false)] // routed by ProcessSignal from the intake queue: the path a translator takes
    public async Task AppKilledTwiceUnderLoad_EveryReportEndsAsOneSignalWithOneOrganisationMessage(bool routeAtIntake)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        void Phase(string what) => output.WriteLine($"{watch.Elapsed.TotalSeconds,5:F1} s  {what}"); // where a slow CI run spends its time
        var location = Directory.CreateTempSubdirectory("azurite-").FullName;
        using var azurite = Azurite.OnDisk(location);
        var started = new List<HandlerProcess>();
        using var stop = new CancellationTokenSource(); // the residents stop submitting, also when the test fails
        try
        {
            // Reads storage through the app's own table and queue code; its triggers are off, so it changes nothing.
            using var storage = new SignaleringApp { ConnectionString = azurite.ConnectionString };
            var settings = new Dictionary<string, string>
            {
                ["Storage__ConnectionString"] = azurite.ConnectionString,
                ["Storage__Prefix"] = storage.Prefix,
                ["Signals__RouteAtIntake"] = routeAtIntake ? "true" : "false",
                ["Logging__LogLevel__Default"] = "Warning",
                // A dead worker's claim runs out in 6 s and the sweep, every second, re-drives a marker 7 s old: the
                // repair the production timings do in minutes happens within the test. (Much shorter, and a live worker
                // slowed by the load on two cores outlives its claim: that is not the crash this test is about.)
                ["Signals__DeliveryLease"] = "00:00:06",
                ["Signals__RequeueAfter"] = "00:00:07",
                ["Functions__Schedules__SweepSignals"] = "* * * * * *",
                // Twelve residents on one address at one location: the abuse budgets would refuse most of the load.
                ["AbuseLimits__SubmitsPerClient"] = "100000000",
                ["AbuseLimits__SubmitsPerLocation"] = "100000000",
            };
            async Task<HandlerProcess> StartAsync()
            {
                var app = HandlerProcess.StartBuilt(settings);
                lock (started) started.Add(app);
                await app.WaitUntilReadyAsync();
                return app;
            }

            var current = StartAsync();
            var acknowledged = new ConcurrentDictionary<string, string>(); // idempotency key → tracking code
            var cutOff = new ConcurrentDictionary<string, byte>();           // keys whose request got no answer
            var errors = new ConcurrentQueue<string>();                      // any answer but 202
            var sent = new ConcurrentBag<string>();                           // every report's key
            async Task ResidentAsync(int resident)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"killed-{resident}-{i}-{Guid.NewGuid():N}";
                    sent.Add(key);
                    var body = Intakes.Body(storage, key: key, text: $"Melding {i}: de verwarming in mijn kamer doet het niet");
                    while (true) // the phone's outbox: the same report until it is answered
                    {
                        var app = await current;
                        try
                        {
                            var response = await app.Http.PostAsJsonAsync("/api/signals", body);
                            var text = await response.Content.ReadAsStringAsync();
                            if (response.StatusCode == HttpStatusCode.Accepted)
                            {
                                acknowledged[key] = JsonDocument.Parse(text).RootElement.GetProperty("trackingCode").GetString()!;
                                break;
                            }
                            errors.Enqueue($"{(int)response.StatusCode} for {key}: {text}");
                            if ((int)response.StatusCode < 500) break;
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                        {
                            cutOff[key] = 0; // killed mid-request; the next attempt goes to the new process
                            await Task.Delay(50);
                        }
                    }
                }
            }
            async Task AcknowledgedAnotherAsync(int count)
            {
                var from = acknowledged.Count;
                Assert.True(await Eventually.Async(() => Task.FromResult(acknowledged.Count >= from + count), timeoutSeconds: 30), "no load on the new process");
            }
            async Task KillAndRestartAsync()
            {
                var dying = await current;
                var restarted = new TaskCompletionSource<HandlerProcess>();
                current = restarted.Task; // residents cut off by the kill wait for the new process
                dying.Kill();
                try { restarted.SetResult(await StartAsync()); }
                catch (Exception e) { restarted.SetException(e); throw; } // residents waiting for it end too
            }

            await current;
            var residents = Enumerable.Range(0, Residents).Select(ResidentAsync).ToArray();
            // First kill: in the middle of intake (storing, routing at intake, sending to the organisation).
            Assert.True(await Eventually.Async(() => Task.FromResult(acknowledged.Count >= 50), timeoutSeconds: 30), "no load");
            await Task.Delay(Random.Shared.Next(300));
            Phase($"first kill after {acknowledged.Count} acknowledged");
            await KillAndRestartAsync();
            Phase("restarted");
            // Second kill: the new process takes in reports and, from about 5 s after its start, re-drives what the
            // first kill left (the 6 s lease).
            await AcknowledgedAnotherAsync(20);
            await Task.Delay(Random.Shared.Next(3000, 8000));
            Phase($"second kill after {acknowledged.Count} acknowledged");
            await KillAndRestartAsync();
            Phase("restarted");
            await AcknowledgedAnotherAsync(20);
            stop.Cancel();
            await Task.WhenAll(residents).WaitAsync(TimeSpan.FromSeconds(60));
            var reports = sent.Count;
            Phase($"all {reports} reports acknowledged, {cutOff.Count} after a retry");

            Assert.Empty(errors);
            Assert.NotEmpty(cutOff); // the kills did hit requests in flight
            Assert.Equal(reports, acknowledged.Count);
            var codes = acknowledged.Values.Distinct().ToList();
            Assert.Equal(reports, codes.Count); // one tracking code per report: no retry stored a second signal

            // Without help from the test the last process delivers everything owed: no route marker is left.
            var last = await current;
            var owed = new List<TodoMarker>();
            var settled = await Eventually.Async(async () =>
            {
                owed.Clear();
                await foreach (var marker in storage.Signals.ListTodosAsync([TodoKinds.Route], CancellationToken.None))
                    owed.Add(marker);
                return owed.Count == 0;
            }, timeoutSeconds: 30);
            Phase("every route marker gone");
            Assert.True(settled, $"{owed.Count} route marker(s) left, signals acknowledged but never confirmed delivered: " +
                string.Join(", ", owed.Take(5).Select(m => $"{m.Code} (created {m.CreatedAt:HH:mm:ss.fff}, queued {m.LastEnqueuedAt:HH:mm:ss.fff})")) +
                $" at {DateTimeOffset.UtcNow:HH:mm:ss.fff}\n" + last.Output);

            Assert.Equal(reports, await storage.CountSignalsAsync());
            foreach (var code in codes)
            {
                Assert.True(TrackingCode.TryParse(code, out var parsed));
                Assert.True((await storage.Signals.GetAsync(parsed, CancellationToken.None))?.OrganisationNotified == true, $"{code} is not confirmed delivered");
            }
            Assert.False(await storage.Queue(QueueNames.Intake + "-poison").ExistsAsync() &&
                (await storage.Queue(QueueNames.Intake + "-poison").PeekMessagesAsync(1)).Value.Length > 0, "intake messages went to poison");

            // The last process may still be scanning an organisation's queue for a dead worker's send (the scan hides
            // the messages it reads for a moment, then shows them again), so one read can miss messages that are there:
            // read until every acknowledged report's message is seen, or the scan's lease has long ended.
            var messages = new List<JsonElement>();
            await Eventually.Async(async () =>
            {
                messages = await OrganisationMessagesAsync(storage, azurite);
                var seen = messages.Where(m => m.GetProperty("trackingCode").ValueKind == JsonValueKind.String)
                    .Select(m => m.GetProperty("trackingCode").GetString()!).ToHashSet();
                return codes.All(seen.Contains);
            }, timeoutSeconds: 30);
            var duplicates = messages.GroupBy(m => m.GetProperty("messageId").GetString()).Where(g => g.Count() > 1).Select(g => $"{g.Key} ×{g.Count()}").ToList();
            Assert.True(duplicates.Count == 0, $"{duplicates.Count} organisation message(s) sent more than once: {string.Join(", ", duplicates.Take(10))}");
            var perCode = messages.Where(m => m.GetProperty("trackingCode").ValueKind == JsonValueKind.String)
                .GroupBy(m => m.GetProperty("trackingCode").GetString()!).ToDictionary(g => g.Key, g => g.Count());
            var missing = codes.Where(c => !perCode.ContainsKey(c)).ToList();
            Assert.True(missing.Count == 0, $"{missing.Count} acknowledged signal(s) have no organisation message: {string.Join(", ", missing.Take(10))}");
            var repeated = perCode.Where(p => p.Value > 1).Select(p => $"{p.Key} ×{p.Value}").ToList();
            Assert.True(repeated.Count == 0, $"{repeated.Count} signal(s) reached their organisation more than once: {string.Join(", ", repeated.Take(10))}");
            Assert.Equal(reports, perCode.Count);
        }
        finally
        {
            stop.Cancel();
            lock (started) foreach (var app in started) app.Dispose();
            azurite.Dispose();
            try { Directory.Delete(location, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Every message on every organisation's queue (org-…), each read once.</summary>
    /// <summary>Every message on every organisation queue, each read once and shown again after, so a later read sees them too.</summary>
    private static async Task<List<JsonElement>> OrganisationMessagesAsync(SignaleringApp storage, Azurite azurite)
    {
        var all = new List<JsonElement>();
        await foreach (var item in new QueueServiceClient(azurite.ConnectionString).GetQueuesAsync(prefix: storage.Prefix + "org-"))
        {
            var queue = storage.Queue(item.Name[storage.Prefix.Length..]); // the app's client: it decodes the messages as the app encodes them
            var read = new List<(string Id, string PopReceipt)>();
            while ((await queue.ReceiveMessagesAsync(32, TimeSpan.FromSeconds(30))).Value is { Length: > 0 } batch)
                foreach (var m in batch)
                {
                    all.Add(JsonDocument.Parse(m.Body.ToString()).RootElement.Clone());
                    read.Add((m.MessageId, m.PopReceipt));
                }
            foreach (var (id, receipt) in read) await queue.UpdateMessageAsync(id, receipt, visibilityTimeout: TimeSpan.Zero);
        }
        return all;
    }
}
