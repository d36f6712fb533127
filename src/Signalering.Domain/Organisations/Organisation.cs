namespace Signalering.Domain.Organisations;

public enum OrganisationKind
{
    Coa,
    Municipality,
    HousingCorporation,
    CareProvider,
    EmploymentAgency,
    Nidos,
    /// <summary>The independent confidential handler (vertrouwenspersoon) for abuse and misconduct.</summary>
    ConfidentialHandler,
}

/// <summary>
/// An organisation that receives signals. Signals go to its <see cref="Inbox"/>, a role ("Locatiemanagement AZC
/// Luttelgeest"), never a person: staff change, the inbox stays. <see cref="Id"/> doubles as the suffix of its queue
/// name, so it follows the queue-name rules and leaves room for "-poison".
/// </summary>
public sealed record Organisation
{
    public const int MaxIdLength = 40;

    public string Id { get; }
    public string Name { get; }
    public OrganisationKind Kind { get; }
    public string Inbox { get; }
    /// <summary>The municipality desk that takes what no rule routes, and what an organisation bounces.</summary>
    public bool IsTriage { get; }

    public Organisation(string id, string name, OrganisationKind kind, string inbox, bool isTriage = false)
    {
        if (!IsValidId(id))
            throw new DomainException($"Organisation id '{id}' must be 2-{MaxIdLength} lowercase letters, digits and single hyphens.", "id");
        if (string.IsNullOrWhiteSpace(name) || name.Length > 200) throw new DomainException("Name is required (max 200).", "name");
        if (string.IsNullOrWhiteSpace(inbox) || inbox.Length > 200) throw new DomainException("A role inbox is required (max 200).", "inbox");
        if (!Enum.IsDefined(kind)) throw new DomainException("Unknown organisation kind.", "kind");
        if (isTriage && kind != OrganisationKind.Municipality) throw new DomainException("Only a municipality team can do triage.", "isTriage");
        Id = id; Name = name; Kind = kind; Inbox = inbox; IsTriage = isTriage;
    }

    /// <summary>The Storage queue this organisation's systems read.</summary>
    public string QueueName => "org-" + Id;

    public static bool IsValidId(string? id) =>
        id is { Length: >= 2 and <= MaxIdLength } && id[0] is >= 'a' and <= 'z' && id[^1] != '-' && !id.Contains("--")
        && id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
