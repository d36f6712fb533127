using Azure.Data.Tables;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// Creates a table on its first use in this process, then never asks again. Remembered only once it succeeded: a
/// failed creation is tried again on the next use.
/// </summary>
internal sealed class CreatedOnce(TableClient table)
{
    private int _created;

    public async Task EnsureAsync(CancellationToken ct)
    {
        if (Volatile.Read(ref _created) == 1) return;
        await table.CreateIfNotExistsAsync(ct);
        Volatile.Write(ref _created, 1);
    }
}
