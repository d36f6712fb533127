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
        // The subcategories' tiles, one each (a few shared where the thing is the same), and the confirmation's buttons.
        ["drop"] = "M12 3c3 4.5 6 8 6 11a6 6 0 0 1-12 0c0-3 3-6.5 6-11Z",
        ["window"] = "M5 3h14v18H5zM12 3v18M5 12h14",
        ["thermometer"] = "M10 14V5a2 2 0 0 1 4 0v9a4 4 0 1 1-4 0ZM12 9v7",
        ["bed"] = "M3 7v12M3 14h18v5M21 14v-2a3 3 0 0 0-3-3h-8v5M6.5 12a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3Z",
        ["shower"] = "M5 20V7a3 3 0 0 1 6 0v1M8 8h6M9 12v.5M11 14v.5M13 12v.5M10 17v.5M12 17v.5M14 15v.5",
        ["noise"] = "M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12",
        ["rules"] = "M8 3h8v3H8zM6 4.5H5V21h14V4.5h-1M8 11h8M8 15h6",
        ["key"] = "M8 19a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM11 12l9-9M17 6l2 2M15 8l2 2",
        ["flame"] = "M12 3c1 4 5 5.5 5 10a5 5 0 0 1-10 0c0-2.5 1.5-4 2.5-5 0 2 1 3 2 3-1-3 0-6 .5-8Z",
        ["bolt"] = "M13 2 4 14h7l-1 8 9-12h-7l1-8Z",
        ["shout"] = "M4 5h16v10H9l-5 4V5ZM12 7.5v3.5M12 13v.5",
        ["woman"] = "M12 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM12 10l-4 7h8l-4-7ZM10 17v4M14 17v4",
        ["eye"] = "M2 12s4-7 10-7 10 7 10 7-4 7-10 7S2 12 2 12ZM12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6Z",
        ["street"] = "M2 20h20M4 20v-8l5-4 5 4v8M14 20v-6l4-3 4 3v6",
        ["unequal"] = "M5 9h14M5 15h14M16 5 8 19",
        ["hand"] = "M8 13V6a1.5 1.5 0 0 1 3 0v5M11 11V4.5a1.5 1.5 0 0 1 3 0V11M14 11V6a1.5 1.5 0 0 1 3 0v7a7 7 0 0 1-7 7c-3 0-4.5-2-6-4l-2-3a1.5 1.5 0 0 1 2.5-1.6L8 13",
        ["child"] = "M12 8a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5ZM8 11h8M12 10v6M9 21l3-5 3 5",
        ["cross"] = "M9 3h6v6h6v6h-6v6H9v-6H3V9h6z",
        ["lifebuoy"] = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 16a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM5.6 5.6l3.6 3.6M14.8 14.8l3.6 3.6M18.4 5.6l-3.6 3.6M9.2 14.8l-3.6 3.6",
        ["stethoscope"] = "M6 3v6a4 4 0 0 0 8 0V3M10 13v2a5 5 0 0 0 10 0v-2M20 13a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z",
        ["translate"] = "M3 4h11v8H7l-4 3V4ZM10 14v3h7l4 3v-9h-4",
        ["moon"] = "M20 14A8 8 0 1 1 10 4a6.5 6.5 0 0 0 10 10Z",
        ["pill"] = "M10.5 20.5a5 5 0 0 1-7-7l7-7a5 5 0 0 1 7 7ZM7 10l7 7",
        ["clock"] = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 7v5l3 3",
        ["card"] = "M3 6h18v12H3zM3 10h18M6 15h4",
        ["office"] = "M5 21V3h14v18M9 7h2M13 7h2M9 11h2M13 11h2M10 21v-4h4v4",
        ["who"] = "M9 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM3 20c0-3.3 2.7-6 6-6s6 2.7 6 6M17 6.5a2 2 0 1 1 2.5 1.9c-.4.2-.7.5-.7 1v.6M18.8 12v.5",
        ["mail"] = "M3 6h18v12H3zM3 6l9 7 9-7",
        ["arrows"] = "M4 8h14l-3-3M20 16H6l3 3",
        ["letter"] = "M6 3h9l4 4v14H6zM15 3v4h4M9 12h7M9 16h7",
        ["passport"] = "M6 3h12v18H6zM12 12a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM9 16h6",
        ["search"] = "M10 17a7 7 0 1 0 0-14 7 7 0 0 0 0 14ZM15 15l6 6",
        ["euro"] = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM15 8.5a4 4 0 1 0 0 7M7 11h6M7 13.5h6",
        ["blocks"] = "M4 14h7v7H4zM13 14h7v7h-7zM8.5 5h7v7h-7z",
        ["levels"] = "M4 20h4v-5H4zM10 20h4V10h-4zM16 20h4V4h-4z",
        ["school"] = "M3 21h18M5 21V10l7-5 7 5v11M10 21v-5h4v5M12 5V2h3",
        ["train"] = "M7 3h10a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H7a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2ZM5 10h14M8 21l2-4M16 21l-2-4M9 14h.01M15 14h.01",
        ["ticket"] = "M3 7h18v3a2 2 0 0 0 0 4v3H3v-3a2 2 0 0 0 0-4ZM14 7v10",
        ["bicycle"] = "M6 18a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM18 18a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7ZM6 14.5l4-7h5l3 7M10 7.5l2 7M9 5h3",
        ["ball"] = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM12 7l4 3-1.5 4.5h-5L8 10l4-3ZM12 3v4M16 10l4.5-1.5M14.5 14.5l2.5 4M9.5 14.5 7 18.5M8 10 3.5 8.5",
        ["kite"] = "M12 2l6 7-6 7-6-7 6-7ZM12 16c-1 2 1 3 0 6M6 9h12M12 2v14",
        ["cup"] = "M4 9h12v5a5 5 0 0 1-5 5H9a5 5 0 0 1-5-5ZM16 10h2a2 2 0 0 1 0 4h-2M8 3v3M12 3v3",
        ["star"] = "M12 3l2.6 5.6 6.1.7-4.5 4.2 1.2 6-5.4-3-5.4 3 1.2-6-4.5-4.2 6.1-.7L12 3Z",
        ["globe"] = "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18ZM3 12h18M12 3c2.5 2.5 3.5 5.5 3.5 9s-1 6.5-3.5 9M12 3c-2.5 2.5-3.5 5.5-3.5 9s1 6.5 3.5 9",
        ["copy"] = "M8 8h12v12H8zM4 16V4h12",
        ["share"] = "M18 8a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM6 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM18 22a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM8.6 13.5l6.8 4M15.4 6.5l-6.8 4",
        ["pin"] = "M12 21s-7-6.5-7-12a7 7 0 0 1 14 0c0 5.5-7 12-7 12ZM12 11.5a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5Z",
    };

    public static string Svg(string? name, int size = 40) =>
        $"<svg aria-hidden=\"true\" focusable=\"false\" width=\"{size}\" height=\"{size}\" viewBox=\"0 0 24 24\" fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" stroke-linecap=\"round\" stroke-linejoin=\"round\"><path d=\"{Paths.GetValueOrDefault(name ?? "", Paths["question"])}\"/></svg>";
}
