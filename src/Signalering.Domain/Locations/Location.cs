using Signalering.Domain.Languages;
using Signalering.Domain.Organisations;

namespace Signalering.Domain.Locations;

/// <summary>
/// A place where residents live. <see cref="OperatorId"/> is the organisation that runs it (COA for an AZC): the one
/// that must never see signals in the confidential channel. <see cref="QrTokens"/> are the printed codes that point
/// here; each can be revoked on its own (a lost poster, a moved wing).
/// </summary>
public sealed record Location
{
    public string Id { get; }
    public string Name { get; }
    public LocationType Type { get; }
    public string OperatorId { get; }
    public string Municipality { get; }
    public IReadOnlyList<string> MainLanguages { get; }
    public IReadOnlyList<QrTokenRecord> QrTokens { get; }

    public Location(string id, string name, LocationType type, string operatorId, string municipality,
        IReadOnlyList<string> mainLanguages, IReadOnlyList<QrTokenRecord> qrTokens)
    {
        if (!Organisation.IsValidId(id)) throw new DomainException($"Location id '{id}' must be lowercase letters, digits and hyphens.", "id");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) throw new DomainException("Name is required (max 200).", "name");
        if (!Enum.IsDefined(type)) throw new DomainException("Unknown location type.", "type");
        if (!Organisation.IsValidId(operatorId)) throw new DomainException("Operator must be an organisation id.", "operatorId");
        if (string.IsNullOrWhiteSpace(municipality)) throw new DomainException("Municipality is required.", "municipality");
        if (mainLanguages.Count == 0) throw new DomainException("At least one main language is required.", "mainLanguages");
        foreach (var l in mainLanguages)
            if (!FormLanguages.TryGet(l, out _)) throw new DomainException($"'{l}' is not a form language.", "mainLanguages");
        if (qrTokens.Select(t => t.Id).Distinct(StringComparer.Ordinal).Count() != qrTokens.Count)
            throw new DomainException("QR token ids must be unique.", "qrTokens");
        Id = id; Name = name; Type = type; OperatorId = operatorId; Municipality = municipality;
        MainLanguages = mainLanguages; QrTokens = qrTokens;
    }
}

/// <summary>One printed QR code: an opaque id (reveals nothing), optionally a wing or building, and whether it is revoked.</summary>
public sealed record QrTokenRecord
{
    public string Id { get; }
    public string? Wing { get; }
    public bool Revoked { get; }

    public QrTokenRecord(string id, string? wing = null, bool revoked = false)
    {
        if (string.IsNullOrEmpty(id) || id.Length is < 8 or > 32 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            throw new DomainException("QR token id must be 8-32 URL-safe characters.", "qrTokens");
        if (wing is { Length: > 100 }) throw new DomainException("Wing name is too long (max 100).", "qrTokens");
        Id = id; Wing = wing; Revoked = revoked;
    }
}
