using Signalering.Domain;
using Signalering.Domain.ReferenceData;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Admin;

/// <summary>
/// The reference data every request routes against: loaded from the table, validated as a whole, cached, and
/// refreshed every <see cref="RefreshInterval"/> so an admin change on one instance reaches the others. A change
/// through <see cref="ChangeAsync"/> is checked against the whole set before anything is written.
/// </summary>
public sealed class ReferenceDataProvider(ReferenceDataTable table, TimeProvider time, ILogger<ReferenceDataProvider> log)
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(30);
    private readonly SemaphoreSlim _lock = new(1, 1);
    private volatile Snapshot? _current;

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
        var s = _current;
        if (s is not null && time.GetUtcNow() - s.LoadedAt < RefreshInterval) return s;
        if (s is not null && !await _lock.WaitAsync(0, ct)) return s; // someone is refreshing; the old set is still good
        if (s is null) await _lock.WaitAsync(ct);
        try
        {
            if (_current is { } fresh && time.GetUtcNow() - fresh.LoadedAt < RefreshInterval) return fresh;
            return await LoadLockedAsync(ct);
        }
        catch (Exception e) when (_current is not null && e is not OperationCanceledException)
        {
            log.LogWarning(e, "Refreshing reference data failed; keeping the loaded version");
            return _current;
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
