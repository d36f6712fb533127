using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Security;

/// <summary>
/// Leased budgets against one <c>ratelimits</c> table in Azurite: each "instance" is its own
/// <see cref="RateLimitLeases"/> over its own <see cref="RateLimitTable"/> and table client, as two app instances are.
/// Time is passed in: a window ends when the test says so.
/// </summary>
public sealed class RateLimitLeasesTest
{
    private const string Bucket = "submit|client|203.0.113.50";
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(10);
    private static readonly DateTimeOffset Start = new(2026, 11, 29, 18, 0, 0, TimeSpan.Zero);

    private readonly string _table = "t" + Guid.NewGuid().ToString("N")[..10] + RateLimitTable.TableName;

    private RateLimitLeases Instance(HttpPipelinePolicy? policy = null)
    {
        var options = new TableClientOptions();
        options.Retry.MaxRetries = 0; // each storage call is seen once by the policy
        if (policy is not null) options.AddPolicy(policy, HttpPipelinePosition.PerRetry);
        return new RateLimitLeases(new RateLimitTable(new TableClient(Azurite.Shared.ConnectionString, _table, options)));
    }

    [Fact]
    public async Task TakeAsync_FloodOnTwoInstances_AllowsExactlyTheLimit_AndARestartedInstanceRefuses()
    {
        var (first, second) = (Instance(), Instance());
        const int limit = 200, lease = 10;
        // Three times the limit, in parallel, half on each instance: every lease gets used up, none is left stranded.
        var takes = await Task.WhenAll(Enumerable.Range(0, 3 * limit).Select(i =>
            (i % 2 == 0 ? first : second).TakeAsync(Bucket, limit, Window, lease, Start, CancellationToken.None)));

        Assert.Equal(limit, takes.Count(t => t.Allowed));
        Assert.True(takes.Where((_, i) => i % 2 == 1).Count(t => t.Allowed) > 0, "the second instance got leases too");
        var refused = takes.First(t => !t.Allowed);
        Assert.Equal(Window, refused.RetryAfter);
        var restarted = await Instance().TakeAsync(Bucket, limit, Window, lease, Start.AddMinutes(3), CancellationToken.None);
        Assert.False(restarted.Allowed);
        Assert.Equal(TimeSpan.FromMinutes(7), restarted.RetryAfter);
    }

    [Fact]
    public async Task TakeAsync_ParallelRequestsBehindOneAddress_GoToStorageOncePerLease()
    {
        var counter = new FaultPolicy(_ => false);
        var instance = Instance(counter);
        const int requests = 160, lease = 10;
        var takes = await Task.WhenAll(Enumerable.Range(0, requests).Select(_ =>
            instance.TakeAsync(Bucket, 200, Window, lease, Start, CancellationToken.None)));

        Assert.All(takes, t => Assert.True(t.Allowed));
        // Creating the table, reading and adding the row, then one conditional write per further lease: the requests
        // wait for one another's lease instead of colliding on the row.
        Assert.Equal(1 + 2 + (requests / lease - 1), counter.Calls);
    }

    [Fact]
    public async Task TakeAsync_LeaseUnusedOnAnotherInstance_CutsTheOthersOffAtMostALeaseEarly_NeverLate()
    {
        var (idle, busy) = (Instance(), Instance());
        const int limit = 40, lease = 4;
        Assert.True((await idle.TakeAsync(Bucket, limit, Window, lease, Start, CancellationToken.None)).Allowed);
        var busyAllowed = 0;
        while ((await busy.TakeAsync(Bucket, limit, Window, lease, Start, CancellationToken.None)).Allowed) busyAllowed++;

        Assert.Equal(limit - lease, busyAllowed); // the idle instance holds three units, and the unit it served
        var idleAllowed = 1;
        while ((await idle.TakeAsync(Bucket, limit, Window, lease, Start, CancellationToken.None)).Allowed) idleAllowed++;
        Assert.Equal(lease, idleAllowed);
    }

    [Fact]
    public async Task TakeAsync_SpentBucket_IsRefusedFromMemory_UntilItsWindowEnds()
    {
        var counter = new FaultPolicy(_ => false);
        var instance = Instance(counter);
        const int limit = 3;
        for (var i = 0; i < limit; i++) Assert.True((await instance.TakeAsync(Bucket, limit, Window, 1, Start, CancellationToken.None)).Allowed);
        Assert.False((await instance.TakeAsync(Bucket, limit, Window, 1, Start, CancellationToken.None)).Allowed);

        var before = counter.Calls;
        for (var i = 0; i < 50; i++)
        {
            var flood = await instance.TakeAsync(Bucket, limit, Window, 1, Start.AddMinutes(4), CancellationToken.None);
            Assert.False(flood.Allowed);
            Assert.Equal(TimeSpan.FromMinutes(6), flood.RetryAfter);
        }
        Assert.Equal(before, counter.Calls);
        Assert.True((await instance.TakeAsync(Bucket, limit, Window, 1, Start + Window, CancellationToken.None)).Allowed);
    }

    [Fact]
    public async Task TakeAsync_StorageNotAnswering_RequestsWaitingForTheRefillFailWithIt_WithoutQueueingBehindIt()
    {
        var storage = new StalledStorage();
        var instance = Instance(storage);
        var first = instance.TakeAsync(Bucket, 200, Window, 10, Start, CancellationToken.None);
        await storage.Entered.Task;
        var waiting = Enumerable.Range(0, 15).Select(_ => instance.TakeAsync(Bucket, 200, Window, 10, Start, CancellationToken.None)).ToList();

        storage.Released.SetResult();
        foreach (var take in waiting.Prepend(first)) await Assert.ThrowsAnyAsync<RequestFailedException>(() => take);
        Assert.Equal(1, storage.Calls);
    }

    /// <summary>Storage that holds every call until released, then fails it.</summary>
    private sealed class StalledStorage : HttpPipelinePolicy
    {
        public readonly TaskCompletionSource Entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public readonly TaskCompletionSource Released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public int Calls;

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            ProcessAsync(message, pipeline).AsTask().GetAwaiter().GetResult();

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            Interlocked.Increment(ref Calls);
            Entered.TrySetResult();
            await Released.Task;
            throw new RequestFailedException("injected: storage not answering");
        }
    }
}
