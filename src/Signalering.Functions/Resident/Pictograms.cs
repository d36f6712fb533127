namespace Signalering.Functions.Resident;

/// <summary>
/// The category pictograms as inline SVG (24×24, one path each, stroke only): no image requests, sharp on any
/// screen, recoloured by CSS (currentColor), and a few hundred bytes each. Decorative: the tile's text names the
/// category, so every icon is aria-hidden.
/// </summary>
public static class Pictograms
{
    private static readonly Dictionary<string, string> Paths = new(StringComparer.Ordinal)
    {
        ["house"] = "M3 11 12 4l9 7M6 9.5V20h12V9.5M10 20v-5h4v5",
        ["shield"] = "M12 3 5 6v5c0 4.5 3 8.3 7 10 4-1.7 7-5.5 7-10V6l-7-3Z",
        ["heart"] = "M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10ZM9 11h6M12 8v6",
        ["info"] = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 11v6M12 7.5v.5",
        ["briefcase"] = "M4 8h16v11H4zM9 8V5h6v3M4 13h16",
        ["book"] = "M4 5c3-1 5-1 8 1 3-2 5-2 8-1v14c-3-1-5-1-8 1-3-2-5-2-8-1ZM12 6v14",
        ["bus"] = "M6 4h12a1 1 0 0 1 1 1v12H5V5a1 1 0 0 1 1-1ZM5 11h14M8 17v3M16 17v3M8 14h.01M16 14h.01",
        ["people"] = "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M16 5.5a3 3 0 0 1 0 5.5M18 14c2 .8 3 3 3 6",
        ["question"] = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .8-1 1.5v.7M12 17v.5",
        ["alert"] = "M12 3 2 20h20L12 3ZM12 10v5M12 17.5v.5",
        ["phone"] = "M5 4h4l2 5-2.5 1.5a11 11 0 0 0 5 5L15 13l5 2v4a1 1 0 0 1-1 1A16 16 0 0 1 4 5a1 1 0 0 1 1-1Z",
        ["mic"] = "M12 3a3 3 0 0 0-3 3v6a3 3 0 0 0 6 0V6a3 3 0 0 0-3-3ZM5 11a7 7 0 0 0 14 0M12 18v3",
        ["lock"] = "M6 11h12v9H6zM8 11V8a4 4 0 0 1 8 0v3",
        // The form's safety questions: someone with a staff pass (staff, security, coordinator, employer), yes and no.
        ["badge"] = "M4 6h16v13H4zM9 12a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM6 17c0-1.7 1.3-3 3-3s3 1.3 3 3M14 10h4M14 13h4",
        ["yes"] = "M5 12.5l4.5 4.5L19 7.5",
        ["no"] = "M6 6l12 12M18 6 6 18",
        // The expertpool's integration indicators (the others reuse house, briefcase, heart, people, shield).
        ["sun"] = "M12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM12 2v2M12 20v2M2 12h2M20 12h2M5 5l1.5 1.5M17.5 17.5 19 19M5 19l1.5-1.5M17.5 6.5 19 5",
        ["cap"] = "M2 9l10-5 10 5-10 5L2 9ZM6 11v5c3 2 9 2 12 0v-5M22 9v6",
        ["scales"] = "M12 3v18M7 21h10M5 7h14M5 7l-3 6a3 3 0 0 0 6 0L5 7ZM19 7l-3 6a3 3 0 0 0 6 0l-3-6Z",
        ["bridge"] = "M2 17h20M4 17v-3a8 8 0 0 1 16 0v3M8 17v-5M12 17v-6M16 17v-5",
        ["institution"] = "M3 21h18M4 10h16M12 3l9 5H3l9-5ZM6 10v8M10 10v8M14 10v8M18 10v8",
        ["anchor"] = "M12 8a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM12 8v13M8 12h8M5 14a7 7 0 0 0 14 0",
        ["speech"] = "M4 5h16v10H9l-5 4V5ZM8 9h8M8 12h5",
        ["music"] = "M9 18V6l10-2v12M9 18a3 3 0 1 1-6 0 3 3 0 0 1 6 0ZM19 16a3 3 0 1 1-6 0 3 3 0 0 1 6 0Z",
        ["smartphone"] = "M7 2h10v20H7zM11 18h2",
    };

    public static string Svg(string? name, int size = 40) =>
        $"<svg aria-hidden=\"true\" focusable=\"false\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"><path d=\"{Paths.GetValueOrDefault(name ?? "", Paths["question"])}\"/></svg>";
}
