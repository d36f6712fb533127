using System.Globalization;

namespace Signalering.Domain.Languages;

/// <summary>
/// Which form language a phone asks for, from its Accept-Language header (RFC 9110 §12.5.4): the language ranges in
/// order of their quality value (equal values keep the phone's order; <c>q=0</c> means "not this one"), the first that
/// is a form language wins. A region subtag falls back to its language (<c>ar-SY</c> → Arabic, <c>uk-UA</c> →
/// Ukrainian), except where the region names another of our languages: Persian as written in Afghanistan
/// (<c>fa-AF</c>) is Dari, and plain Kurdish (<c>ku</c>) is Kurmanji unless it is written in Arabic script or comes
/// from Iraq or Iran, where Kurds mostly write Sorani.
/// </summary>
public static class PhoneLanguages
{
    /// <summary>At most this many ranges are read: a header is a few languages, not a list to walk.</summary>
    private const int MaxRanges = 20;

    /// <summary>The phone's most wanted form language; null when the header names none of them.</summary>
    public static FormLanguage? Best(string? acceptLanguage)
    {
        if (string.IsNullOrWhiteSpace(acceptLanguage)) return null;
        var ranges = acceptLanguage.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxRanges)
            .Select((range, order) => (Tag: range.Split(';')[0].Trim(), Quality: Quality(range), Order: order))
            .Where(r => r.Quality > 0)
            .OrderByDescending(r => r.Quality).ThenBy(r => r.Order);
        foreach (var (tag, _, _) in ranges)
            if (Match(tag) is { } language) return language;
        return null;
    }

    /// <summary>The form language one BCP-47 tag means; null when it is none of them.</summary>
    public static FormLanguage? Match(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag) || tag.Length > 35) return null;
        var parts = tag.ToLowerInvariant().Split('-', '_');
        var subtags = parts.Skip(1).ToHashSet(StringComparer.Ordinal);
        var code = parts[0] switch
        {
            "fa" when subtags.Contains("af") => "prs",
            "ku" => subtags.Contains("arab") || subtags.Contains("iq") || subtags.Contains("ir") ? "ckb" : "kmr",
            var primary => primary,
        };
        return FormLanguages.TryGet(code, out var language) ? language : null;
    }

    private static double Quality(string range)
    {
        foreach (var parameter in range.Split(';').Skip(1))
        {
            var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && pair[0].Equals("q", StringComparison.OrdinalIgnoreCase))
                return double.TryParse(pair[1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var q) ? Math.Clamp(q, 0, 1) : 0;
        }
        return 1;
    }
}
