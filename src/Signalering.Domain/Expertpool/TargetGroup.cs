namespace Signalering.Domain.Expertpool;

/// <summary>
/// The groups a consultation invites and the analysis compares. The Den Helder sessions were split the same way:
/// asylum seekers, status holders, displaced people from Ukraine; labour migrants live in the same locations here.
/// Unaccompanied minors (AMV'ers) are not a target group: they cannot consent alone and were interviewed with their
/// guardians, which is not something a self-service form should do.
/// </summary>
public static class TargetGroups
{
    public const string AsylumSeeker = "asielzoeker";
    public const string StatusHolder = "statushouder";
    public const string Ukrainian = "oekraiens";
    public const string LabourMigrant = "arbeidsmigrant";

    public static readonly IReadOnlyList<string> All = [AsylumSeeker, StatusHolder, Ukrainian, LabourMigrant];

    /// <summary>How the municipality reads the group in analyses and quotes.</summary>
    public static string DutchName(string group) => group switch
    {
        AsylumSeeker => "Asielzoekers",
        StatusHolder => "Statushouders",
        Ukrainian => "Oekraïense ontheemden",
        LabourMigrant => "Arbeidsmigranten",
        _ => group,
    };

    public static bool IsValid(string? group) => group is not null && All.Contains(group, StringComparer.Ordinal);
}
