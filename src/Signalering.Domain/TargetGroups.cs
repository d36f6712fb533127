using Signalering.Domain.Locations;

namespace Signalering.Domain;

/// <summary>
/// Doelgroep: the groups the municipality reports on and the expertpool invites. The Den Helder sessions were split
/// the same way: asylum seekers, status holders, displaced people from Ukraine; labour migrants live in the same
/// locations here. For signals the group follows from the location's type, never asked of the resident (asking would
/// cost a screen and identify people in small groups); expertpool members say it themselves. Unaccompanied minors
/// (AMV'ers) are not a group of their own: they cannot consent alone, and their signals are reported with their
/// location's.
/// </summary>
public static class TargetGroups
{
    public const string AsylumSeeker = "asielzoeker";
    public const string StatusHolder = "statushouder";
    public const string Ukrainian = "oekraiens";
    public const string LabourMigrant = "arbeidsmigrant";

    public static readonly IReadOnlyList<string> All = [AsylumSeeker, StatusHolder, Ukrainian, LabourMigrant];

    public static bool IsValid(string? group) => group is not null && All.Contains(group, StringComparer.Ordinal);

    /// <summary>Who lives at a location of this type.</summary>
    public static string Of(LocationType type) => type switch
    {
        LocationType.Azc => AsylumSeeker,
        LocationType.UkrainianReception => Ukrainian,
        LocationType.LabourMigrantHousing => LabourMigrant,
        LocationType.FirstHome => StatusHolder,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>How the municipality reads the group in reports, analyses and quotes.</summary>
    public static string DutchName(string group) => group switch
    {
        AsylumSeeker => "Asielzoekers",
        StatusHolder => "Statushouders",
        Ukrainian => "Oekraïense ontheemden",
        LabourMigrant => "Arbeidsmigranten",
        _ => group,
    };
}
