using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// This instance's leases on the <see cref="RateLimitTable"/> buckets. A take is served from the units the instance
/// was granted for the bucket's current window; only when they are used up does it go to storage, for another lease,
/// one request per bucket at a time while the others wait for its answer. So the requests of a reception centre's
/// NAT do not collide on the bucket's row, and storage sees one grant per lease instead of one write per request.
/// Units are counted in storage when granted, before they are served: all instances together never allow more than the
/// limit. A lease's unused units are lost to the window (when its instance stops, or gets no more of the bucket's
/// requests), so the bucket may cut off up to (lease − 1) × instances units early; never late. A spent bucket is
/// answered from memory until its window ends: a flood costs storage nothing.
/// </summary>
public sealed class RateLimitLeases(RateLimitTable table)
{
    // Leases of windows that ended are dropped once this many buckets are held, at most once a minute.
    private const int SweepAbove = 10_000;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Lease> _leases = new(StringComparer.Ordinal);
    private long _lastSweepTicks;

    /// <summary>
    /// Takes one unit from <paramref name="bucket"/> (<paramref name="limit"/> per <paramref name="window"/>), asking
    /// storage for <paramref name="lease"/> units at a time. Lease 1 counts every take in storage.
    /// </summary>
    public async Task<BucketTake> TakeAsync(string bucket, int limit, TimeSpan window, int lease, DateTimeOffset now, CancellationToken ct)
    {
        var held = _leases.GetOrAdd(bucket, _ => new Lease());
        if (held.TryTake(now) is { } served) return served;
        var refillsSeen = held.Refills;
        await held.Refill.WaitAsync(ct);
        try
        {
            // Another request may have brought a lease while this one waited.
            if (held.TryTake(now) is { } servedAfterWait) return servedAfterWait;
            // A refill that failed while this one waited fails it too: storage is not answering, and asking again one
            // request after another would queue every request behind the previous one's timeout.
            if (held.Refills != refillsSeen) held.LastFailure?.Throw();
            BucketGrant grant;
            try
            {
                grant = await table.GrantAsync(bucket, limit, window, lease, now, held.Row, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                held.Fail(ExceptionDispatchInfo.Capture(e));
                throw;
            }
            held.Renew(grant);
            Sweep(now);
            return grant.Units > 0 ? new(true, TimeSpan.Zero) : new(false, grant.WindowEnd - now);
        }
        finally
        {
            held.Refill.Release();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweepTicks);
        if (_leases.Count <= SweepAbove || now.UtcTicks - last < SweepEvery.Ticks) return;
        if (Interlocked.CompareExchange(ref _lastSweepTicks, now.UtcTicks, last) != last) return;
        foreach (var (bucket, held) in _leases)
            if (held.EndedBy(now)) _leases.TryRemove(new KeyValuePair<string, Lease>(bucket, held));
    }

    private sealed class Lease
    {
        public readonly SemaphoreSlim Refill = new(1, 1);
        private readonly Lock _gate = new();
        private int _units;
        private bool _spent;
        private DateTimeOffset _windowEnd = DateTimeOffset.MinValue;

        /// <summary>The bucket's row as this instance last wrote or read it; read and written under <see cref="Refill"/>.</summary>
        public BucketRow? Row { get; private set; }

        /// <summary>How many refills have ended, and how the last one failed (null: it did not); written under <see cref="Refill"/>.</summary>
        public int Refills => Volatile.Read(ref _refills);

        public ExceptionDispatchInfo? LastFailure { get; private set; }

        private int _refills;

        public void Fail(ExceptionDispatchInfo failure)
        {
            LastFailure = failure;
            Interlocked.Increment(ref _refills);
        }

        /// <summary>A unit of this lease, the refusal of a spent bucket, or null: storage must be asked.</summary>
        public BucketTake? TryTake(DateTimeOffset now)
        {
            lock (_gate)
            {
                if (now >= _windowEnd) return null;
                if (_units > 0) { _units--; return new BucketTake(true, TimeSpan.Zero); }
                return _spent ? new BucketTake(false, _windowEnd - now) : null;
            }
        }

        /// <summary>Holds a new grant, less the unit of the request that asked for it; the old lease's rest is gone.</summary>
        public void Renew(BucketGrant grant)
        {
            LastFailure = null;
            Interlocked.Increment(ref _refills);
            lock (_gate)
            {
                Row = grant.Row;
                _windowEnd = grant.WindowEnd;
                _spent = grant.Units == 0;
                _units = Math.Max(0, grant.Units - 1);
            }
        }

        public bool EndedBy(DateTimeOffset now)
        {
            lock (_gate) return now >= _windowEnd && Refill.CurrentCount == 1;
        }
    }
}
