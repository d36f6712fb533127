using System.Net;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Issue 15 (503 within 2 s): during a storage outage longer than the reference data's refresh interval, a submit
/// must not wait for the reference table. A submit reads the reference set three times; each used to try the due
/// refresh itself, and each try failed only after the storage client's retries, so a resident waited about 2.5 s
/// for the 503 (seen as StorageStoppedTest's "a 503 took 3.4 s" on a loaded machine). Counted, not timed: the
/// reference table is tried once per back-off, in the background, whatever the number of submits.
/// </summary>
public sealed class ReferenceDataOutageTest
{
    [Fact]
    public async Task StorageDown_ReferenceDataDue_SubmitsDoNotWaitForARefresh_AndItIsTriedOncePerBackOff()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var storage = new FaultPolicy(_ => true, m => m.Request.Uri.Path.Contains(ReferenceDataTable.TableName, StringComparison.Ordinal));
        using var app = new SignaleringApp { Clock = clock, ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(storage) };
        var client = app.CreateClient();
        await client.SubmitAcceptedAsync(Intakes.Body(app)); // loaded and warm
        var readsBefore = storage.Calls;

        storage.Failing = true;
        clock.Advance(ReferenceDataProvider.RefreshInterval + TimeSpan.FromSeconds(1)); // the loaded set is due for a refresh
        for (var i = 0; i < 10; i++)
        {
            var (response, _) = await client.SubmitAsync(Intakes.Body(app, key: Guid.NewGuid().ToString()));
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        }
        await Task.Delay(TimeSpan.FromSeconds(2)); // the background refresh and its retries end
        var tries = new Signalering.Infrastructure.StorageOptions().MaxRetries + 1;
        Assert.InRange(storage.Calls - readsBefore, 1, tries); // one refresh, however many submits (it was three per submit)

        clock.Advance(ReferenceDataProvider.RetryAfterFailure);
        await client.SubmitAsync(Intakes.Body(app, key: Guid.NewGuid().ToString()));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.InRange(storage.Calls - readsBefore, tries + 1, 2 * tries); // tried again after the back-off, once

        storage.Failing = false;
        clock.Advance(ReferenceDataProvider.RetryAfterFailure);
        await client.SubmitAsync(Intakes.Body(app, key: Guid.NewGuid().ToString())); // starts the refresh that now succeeds
        await Task.Delay(TimeSpan.FromSeconds(1));
        await client.SubmitAcceptedAsync(Intakes.Body(app, key: Guid.NewGuid().ToString()));
    }
}
