using Signalering.Domain.Signals;

namespace Signalering.Functions.Features.Status;

/// <summary>
/// "My reports" without an account: the tracking codes of reports made on this phone, kept on the phone only — a
/// first-party cookie (so the list works without JavaScript) that the pages' script mirrors into localStorage (so
/// clearing one does not lose them). Codes only: no text, no status, nothing that names the resident. The cookie is
/// readable by the page's own script on purpose (it merges the two lists); it is sent only to this site.
/// </summary>
public static class PhoneReports
{
    public const string Cookie = "signalering-mine";
    /// <summary>The newest codes kept; older ones drop off (a resident who made more can still type a code).</summary>
    public const int MaxKept = 12;

    public static IReadOnlyList<TrackingCode> Read(HttpRequest request)
    {
        var codes = new List<TrackingCode>();
        foreach (var part in (request.Cookies[Cookie] ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
            if (TrackingCode.TryParse(StatusService.Normalise(part), out var code) && !codes.Contains(code) && codes.Count < MaxKept)
                codes.Add(code);
        return codes;
    }

    /// <summary>Puts <paramref name="code"/> first in the phone's list.</summary>
    public static void Add(HttpContext http, TrackingCode code) => Write(http, [code, .. Read(http.Request).Where(c => c != code)]);

    public static void Write(HttpContext http, IEnumerable<TrackingCode> codes) =>
        http.Response.Cookies.Append(Cookie, string.Join('.', codes.Take(MaxKept).Select(c => c.Value)), new CookieOptions
        {
            Path = "/",
            MaxAge = TimeSpan.FromDays(365),
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            HttpOnly = false,
            IsEssential = true,
        });
}
