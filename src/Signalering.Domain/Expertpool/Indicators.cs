namespace Signalering.Domain.Expertpool;

/// <summary>
/// One of the 14 integration indicators (the Strang model as OpenEmbassy translated it, used by the municipality of Den
/// Helder): the themes newcomers score from 1 to 10 in an expertpool consultation. <see cref="CategoryCodes"/> are the
/// signal categories (main or sub) that report on the same theme, so what newcomers say in a consultation and what they
/// report through the form can be read side by side. An indicator with no related category says so honestly.
/// </summary>
public sealed record Indicator(string Code, string DutchName, string Pictogram, IReadOnlyList<string> CategoryCodes)
{
    /// <summary>True when a signal in this main category and subcategory reports on this indicator.</summary>
    public bool Covers(string category, string? subcategory) =>
        CategoryCodes.Contains(category, StringComparer.Ordinal) || (subcategory is not null && CategoryCodes.Contains(subcategory, StringComparer.Ordinal));
}

public static class Indicators
{
    /// <summary>The 14 indicators in the order of the Den Helder report; residents see them in this order.</summary>
    public static readonly IReadOnlyList<Indicator> All =
    [
        new("werk-inkomen", "Werk & Inkomen", "briefcase", ["werk", "vervoer-werk"]),
        new("huisvesting", "Huisvesting", "house", ["wonen"]),
        new("zorg-welzijn", "Zorg & Welzijn", "heart", ["zorg"]),
        new("vrije-tijd", "Vrije Tijd", "sun", ["sociaal-sport", "sociaal-kinderen-spelen", "sociaal-kosten"]),
        new("onderwijs", "Onderwijs", "cap", ["taal-school-kinderen", "werk-diploma"]),
        new("rechten-verantwoordelijkheden", "Rechten & Verantwoordelijkheden", "scales",
            ["werk-rechten", "wonen-regels", "informatie-regels", "informatie-brieven", "informatie-asielprocedure"]),
        // Banden: within one's own community; bruggen: to other groups; connecties: with institutions.
        new("sociale-banden", "Sociale Banden", "people", ["sociaal-vrouwen", "sociaal-vieringen"]),
        new("sociale-bruggen", "Sociale Bruggen", "bridge", ["sociaal-ontmoeting", "veiligheid-discriminatie"]),
        new("sociale-connecties", "Sociale Connecties", "institution",
            ["informatie-aanspreekpunt", "informatie-terugkoppeling", "informatie-kastje-muur"]),
        new("veiligheid", "Veiligheid", "shield", ["veiligheid"]),
        new("stabiliteit", "Stabiliteit", "anchor", ["wonen-doorstroom", "werk-geld", "informatie-asielprocedure"]),
        new("taal", "Taal", "speech", ["taal-aanbod", "taal-niveau", "taal-lestijden", "taal-inburgering", "informatie-taal", "zorg-tolk"]),
        new("cultuur", "Cultuur", "music", ["sociaal-vieringen"]),
        new("digitale-vaardigheden", "Digitale vaardigheden", "smartphone", []),
    ];

    private static readonly Dictionary<string, Indicator> ByCode = All.ToDictionary(i => i.Code, StringComparer.Ordinal);

    public static bool TryGet(string? code, out Indicator indicator)
    {
        indicator = null!;
        return code is not null && ByCode.TryGetValue(code, out indicator!);
    }

    public static Indicator Get(string code) =>
        TryGet(code, out var i) ? i : throw new DomainException($"'{code}' is not one of the 14 indicators.", "indicators");

    /// <summary>Resident-text key of the indicator's name in a form language.</summary>
    public static string TextKey(Indicator indicator) => "ep.ind." + indicator.Code;
}
