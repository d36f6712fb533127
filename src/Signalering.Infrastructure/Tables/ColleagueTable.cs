using Azure.Data.Tables;
using Signalering.Domain.Signals;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// The staff members of each organisation who have used the inbox, so a coordinator can give a signal to a named
/// colleague. Partition per organisation; the row key is the account id, escaped (Table keys forbid / \ # ?).
/// Holds account ids and display names only.
/// </summary>
public sealed class ColleagueTable(TableClient table)
{
    public const string TableName = "colleagues";
    private readonly CreatedOnce _created = new(table);

    public async Task RememberAsync(string organisation, StaffMember member, DateTimeOffset at, CancellationToken ct)
    {
        await _created.EnsureAsync(ct);
        await table.UpsertEntityAsync(new TableEntity(organisation, Uri.EscapeDataString(member.Id))
        {
            ["Id"] = member.Id, ["Name"] = member.Name, ["LastSeen"] = at,
        }, TableUpdateMode.Replace, ct);
    }

    /// <summary>An organisation's colleagues, by name.</summary>
    public async Task<IReadOnlyList<StaffMember>> OfAsync(string organisation, CancellationToken ct)
    {
        await _created.EnsureAsync(ct);
        var members = new List<StaffMember>();
        await foreach (var e in table.QueryAsync<TableEntity>(e => e.PartitionKey == organisation, cancellationToken: ct))
            if (e.GetString("Id") is { } id) members.Add(new StaffMember(id, e.GetString("Name") ?? id));
        return [.. members.OrderBy(m => m.Name, StringComparer.CurrentCultureIgnoreCase)];
    }
}
