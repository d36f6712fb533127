namespace Signalering.Domain.Locations;

public enum LocationType
{
    /// <summary>Asielzoekerscentrum, run by COA.</summary>
    Azc,
    /// <summary>Opvanglocatie for displaced people from Ukraine, run for the municipality.</summary>
    UkrainianReception,
    /// <summary>Huisvestingslocatie for labour migrants, usually arranged by the employment agency.</summary>
    LabourMigrantHousing,
    /// <summary>A status holder's first own home.</summary>
    FirstHome,
}
