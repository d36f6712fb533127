using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Signalering.Domain.Signals;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Storage stops for ten seconds under load and comes back with its data (Azurite on disk), the app running on: every
/// signal that was acknowledged (202) is stored once and ends with exactly one organisation message, and submits
/// during the outage were told 503 with Retry-After at once. Residents retry as the form does: the same report with
/// the same idempotency key until it is accepted.
/// </summary>
public sealed class StorageStoppedTest
{
    private static readonly TimeSpan Quick = TimeSpan.FromSeconds(3);
    // A request already talking to storage when it stops waits for that attempt's network timeout (Storage:NetworkTimeout,
    // 5 s) before the refused retries: it must not hang longer than that, and every request after the stop is Quick.
    private static readonly TimeSpan InFlight = Quick + new Signalering.Infrastructure.StorageOptions().NetworkTimeout;

    [Fact]
    public async Task StorageStoppedTenSecondsUnderLoad_NoAcknowledgedSignalLostOrDuplicated_OutageAnswered503Quickly()
    {
        var location = Directory.CreateTempSubdirectory("azurite-").FullName;
        using var azurite = Azurite.OnDisk(location);
        try
        {
            using var app = new SignaleringApp { ConnectionString = azurite.ConnectionString }.RoutingAtIntake();
            app.Settings["Signals:RequeueAfter"] = "00:00:02";
            app.Settings["Signals:DeliveryLease"] = "00:00:01";
            var client = app.CreateClient();
            await client.SubmitAcceptedAsync(Intakes.Body(app)); // warm up before measuring

            var acknowledged = new ConcurrentDictionary<string, string>(); // idempotency key → tracking code
            var outageAnswers = new ConcurrentBag<(HttpStatusCode Status, TimeSpan Took, bool RetryAfter, DateTime Sent)>();
            var stoppedAt = DateTime.MaxValue;
            using var stop = new CancellationTokenSource();
            async Task ResidentAsync(int n)
            {
                for (var i = 0; !stop.IsCancellationRequested; i++)
                {
                    var key = $"res{n}-{i}-{Guid.NewGuid():N}";
                    var body = Intakes.Body(app, key: key, text: $"Melding {n}.{i}: de verwarming doet het niet");
                    while (true) // the same report until it is accepted, as the form retries
                    {
                        var (watch, sent) = (Stopwatch.StartNew(), DateTime.UtcNow);
                        var (response, json) = await client.SubmitAsync(body);
                        if (response.StatusCode == HttpStatusCode.Accepted)
                        {
                            acknowledged[key] = json.GetProperty("trackingCode").GetString()!;
                            break;
                        }
                        outageAnswers.Add((response.StatusCode, watch.Elapsed, response.Headers.RetryAfter is not null, sent));
                        await Task.Delay(500);
                    }
                }
            }
            var residents = Enumerable.Range(0, 4).Select(ResidentAsync).ToArray();
            await Task.Delay(TimeSpan.FromSeconds(3));
            azurite.Stop();
            stoppedAt = DateTime.UtcNow;
            await Task.Delay(TimeSpan.FromSeconds(10));
            azurite.Start();
            await Task.Delay(TimeSpan.FromSeconds(3));
            stop.Cancel();
            await Task.WhenAll(residents).WaitAsync(TimeSpan.FromMinutes(2));

            Assert.NotEmpty(outageAnswers);
            Assert.All(outageAnswers, a =>
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, a.Status);
                Assert.True(a.RetryAfter, "Retry-After");
                if (a.Sent >= stoppedAt) Assert.True(a.Took <= Quick, $"a 503 took {a.Took}");
                else Assert.True(a.Took <= InFlight, $"a request in flight when storage stopped took {a.Took}");
            });

            // What was acknowledged but not yet delivered when storage stopped is delivered by the sweep once it is back.
            var codes = acknowledged.Values.ToHashSet();
            var deadline = DateTime.UtcNow.AddMinutes(2);
            while (DateTime.UtcNow < deadline && !await AllNotifiedAsync(app, codes))
            {
                await Task.Delay(TimeSpan.FromSeconds(2.5)); // past the short re-drive delay set above
                (await app.InvokeTimerAsync("SweepSignals")).EnsureSucceeded();
                await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
            }
            var messages = await app.PeekAllAsync(Deliveries.Organisation);
            Assert.Equal(codes.Count, acknowledged.Count); // one code per report: the retries did not store it twice
            foreach (var code in codes)
            {
                Assert.True(TrackingCode.TryParse(code, out var parsed));
                var stored = await app.Signals.GetAsync(parsed, CancellationToken.None);
                Assert.True(stored is not null, $"{code} was acknowledged and is not stored");
                Assert.True(stored.OrganisationNotified, $"{code} is not confirmed delivered");
                Assert.Equal(1, messages.CountFor(code));
            }
        }
        finally
        {
            azurite.Dispose();
            try { Directory.Delete(location, recursive: true); } catch (IOException) { }
        }
    }

    private static async Task<bool> AllNotifiedAsync(SignaleringApp app, IEnumerable<string> codes)
    {
        foreach (var code in codes)
            if (!TrackingCode.TryParse(code, out var parsed) || (await app.Signals.GetAsync(parsed, CancellationToken.None))?.OrganisationNotified != true)
                return false;
        return true;
    }
}
