using Signalering.Domain.Locations;

namespace Signalering.Domain.Reports;

/// <summary>
/// Doelgroep: who lives where, as the municipality reports it. Derived from the location's type, never asked of the
/// resident: asking would cost a screen and identify people in small groups.
/// </summary>
public static class TargetGroups
{
    public const string AsylumSeekers = "asielzoekers", Ukrainians = "oekraiense-ontheemden", LabourMigrants = "arbeidsmigranten",
        StatusHolders = "statushouders";

    public static string Of(LocationType type) => type switch
    {
        LocationType.Azc => AsylumSeekers,
        LocationType.UkrainianReception => Ukrainians,
        LocationType.LabourMigrantHousing => LabourMigrants,
        LocationType.FirstHome => StatusHolders,
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static string DutchName(string group) => group switch
    {
        AsylumSeekers => "Asielzoekers",
        Ukrainians => "Oekraïense ontheemden",
        LabourMigrants => "Arbeidsmigranten",
        StatusHolders => "Statushouders",
        _ => group,
    };
}
