namespace Signalering.Functions.Web;

/// <summary>A date as residents and expertpool members read it on their pages.</summary>
public static class ResidentDate
{
    // Digits only: readable in every script and language, and not mistaken for a month name in the wrong language.
    public static string Text(DateTimeOffset at) =>
        Domain.Clocks.WorkingTime.InDutchTime(at).ToString("dd-MM-yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
