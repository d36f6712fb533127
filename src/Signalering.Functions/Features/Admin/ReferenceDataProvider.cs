using Signalering.Domain;
using Signalering.Domain.ReferenceData;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Admin;

/// <summary>
/// The reference data every request routes against: loaded from the table, validated as a whole, cached, and
/// refreshed every <see cref="RefreshInterval"/> so an admin change on one instance reaches the others. A change
/// through <see cref="ChangeAsync"/> is checked against the whole set before anything is written.
/// </summary>
/// <remarks>
/// A request never waits for a refresh once a set is loaded: it gets the loaded set and, when that is due, starts one
/// refresh in the background. A submit reads the set three times; waiting for each refresh during a storage outage
/// cost a resident three failed reads (about 2 s) before the 503 (issue 15's "503 within 2 s"). After a failed refresh
/// the next one waits <see cref="RetryAfterFailure"/>, so an outage is not met with a read per request.
/// </remarks>
public sealed class ReferenceDataProvider(ReferenceDataTable table, TimeProvider time, ILogger<ReferenceDataProvider> log)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    public static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(5);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _current;
    private long _nextRefreshTicks; // UTC ticks before which no refresh is tried again after a failure

    private sealed record Snapshot(ReferenceFiles Files, ReferenceSet Set, DateTimeOffset LoadedAt);

    public async ValueTask<ReferenceSet> GetAsync(CancellationToken ct) => (await GetSnapshotAsync(ct)).Set;

    public async ValueTask<ReferenceFiles> GetFilesAsync(CancellationToken ct) => (await GetSnapshotAsync(ct)).Files;

    /// <summary>Loads the seed files into an empty (or older) table, then the cache.</summary>
    public async Task InitialiseAsync(CancellationToken ct)
    {
        await table.Client.CreateIfNotExistsAsync(ct);
        if (await table.SeedAsync(ReferenceFiles.LoadEmbedded(), ct)) log.LogInformation("Reference data seeded from data files");
        await ReloadAsync(ct);
    }

    /// <summary>
    /// Applies an admin change: <paramref name="change"/> gets the current files and returns the new ones plus the
    /// write that stores the difference. Throws <see cref="DomainException"/> (nothing written) when the result is
    /// inconsistent: an unknown organisation in a rule, a location without operator, a duplicate QR token.
    /// </summary>
    public async Task ChangeAsync(Func<ReferenceFiles, (ReferenceFiles After, Func<ReferenceDataTable, Task> Write)> change, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var current = await table.LoadAsync(ct);
            var (after, write) = change(current);
            var set = after.ToDomain();
            await write(table);
            _current = new Snapshot(after, set, time.GetUtcNow());
        }
        finally { _lock.Release(); }
    }

    private async ValueTask<Snapshot> GetSnapshotAsync(CancellationToken ct)
    {
        if (_current is not { } s)
        {
            // Nothing loaded yet (start-up has not finished): this request has to wait for the first load.
            await _lock.WaitAsync(ct);
            try { return _current ?? await LoadLockedAsync(ct); }
            finally { _lock.Release(); }
        }
        var now = time.GetUtcNow();
        if (now - s.LoadedAt >= RefreshInterval && now.UtcTicks >= Volatile.Read(ref _nextRefreshTicks) && _lock.Wait(0))
            _ = RefreshLockedAsync(); // not awaited: the loaded set is still good meanwhile
        return s;
    }

    private async Task RefreshLockedAsync()
    {
        try
        {
            await Task.Yield(); // return the request's thread first
            if (time.GetUtcNow() - _current!.LoadedAt < RefreshInterval) return; // a change or another refresh got there first
            await LoadLockedAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            Volatile.Write(ref _nextRefreshTicks, (time.GetUtcNow() + RetryAfterFailure).UtcTicks);
            log.LogWarning(e, "Refreshing reference data failed; keeping the loaded version and trying again in {Seconds} s",
                RetryAfterFailure.TotalSeconds);
        }
        finally { _lock.Release(); }
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try { await LoadLockedAsync(ct); }
        finally { _lock.Release(); }
    }

    private async Task<Snapshot> LoadLockedAsync(CancellationToken ct)
    {
        var files = await table.LoadAsync(ct);
        var snapshot = new Snapshot(files, files.ToDomain(), time.GetUtcNow());
        _current = snapshot;
        return snapshot;
    }
}
