using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Signalering.Domain.Clocks;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Reports;
using Signalering.Domain.Workflow;
using Signalering.Functions.Features.Admin;
using Signalering.Functions.Hosting;

using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Reports;

/// <summary>
/// A read-only Open311 GeoReport v2 API (function folder Open311), so existing civic tools can read what is reported
/// and how it is handled. JSON only. Anonymous, and so it carries no personal data, by construction:
/// <list type="bullet">
/// <item>no description, no media, no contact: the resident's words never leave the inbox;</item>
/// <item><c>service_request_id</c> is an opaque id (receipt date + a keyed hash), not the tracking code, which would
/// open the resident's status page;</item>
/// <item>the confidential channel is left out entirely;</item>
/// <item>a first home is one household, so its requests name only the municipality, never the address;</item>
/// <item>only public topics, in groups of at least five, dated to the day (the week for first homes): see
/// <see cref="PublicDisclosure"/>.</item>
/// </list>
/// Served from the reports' aggregates through <see cref="ReportsService"/>, like the dashboard. Spec: https://wiki.open311.org/GeoReport_v2
/// </summary>
public static class Open311Api
{
    private const int MaxDays = 90, MaxRequests = 1000;

    public static IResult Discovery(HttpContext http) => Results.Json(new Dictionary<string, object>
    {
        ["changeset"] = "2026-11-23T00:00:00Z",
        ["contact"] = "Gemeente – Meldpunt opvang",
        ["key_service"] = "Geen sleutel nodig: alleen lezen.",
        ["endpoints"] = new[]
        {
            new Dictionary<string, object>
            {
                ["specification"] = "http://wiki.open311.org/GeoReport_v2", ["url"] = $"{http.Request.Scheme}://{http.Request.Host}/open311/v2",
                ["changeset"] = "2026-11-23T00:00:00Z", ["type"] = "production", ["formats"] = new[] { "application/json" },
            },
        },
    });

    private static IResult? Format(string format) =>
        format == "json" ? null : Problems.Field("format", "Only JSON is served: use .json.", StatusCodes.Status400BadRequest);

    public static async Task<IResult> ServicesAsync(string format, ReferenceDataProvider reference, CancellationToken ct)
    {
        if (Format(format) is { } bad) return bad;
        var set = await reference.GetAsync(ct);
        return Results.Json(set.Categories.All.Where(c => PublicDisclosure.IsPublic(c, set.Categories)).Select(c => Service(c, set)));
    }

    private static Dictionary<string, object?> Service(Domain.Categories.Category c, ReferenceSet set) => new()
    {
        ["service_code"] = c.Code,
        ["service_name"] = c.NameIn("nl"),
        ["description"] = $"Reactie binnen {c.Promise.AcknowledgeWithinWorkingHours} werkuren, opgelost binnen {c.Promise.ResolveWithinWorkingDays} werkdagen.",
        ["metadata"] = false,
        ["type"] = "realtime",
        ["keywords"] = c.NameIn("en"),
        ["group"] = c.IsMain ? c.NameIn("nl") : set.Categories.TryGet(c.ParentCode, out var p) ? p.NameIn("nl") : null,
    };

    public static async Task<IResult> ServiceDefinitionAsync(string code, string format, ReferenceDataProvider reference, CancellationToken ct)
    {
        if (Format(format) is { } bad) return bad;
        var set = await reference.GetAsync(ct);
        if (!set.Categories.TryGet(code, out var c) || !PublicDisclosure.IsPublic(c, set.Categories)) return Results.NotFound();
        // No extra attributes: the form asks nothing beyond category, subcategory and (private) text.
        return Results.Json(new { service_code = c.Code, attributes = Array.Empty<object>() });
    }

    public static async Task<IResult> RequestsAsync(string format, ReportsService reports, IOptions<SignalOptions> options, CancellationToken ct,
        string? service_request_id = null, string? service_code = null, string? start_date = null, string? end_date = null, string? status = null)
    {
        if (Format(format) is { } bad) return bad;
        var now = reports.Now;
        var errors = new List<Domain.Intake.FieldError>();
        var end = Instant(end_date, "end_date", errors) ?? now;
        var start = Instant(start_date, "start_date", errors) ?? end.AddDays(-MaxDays);
        if (errors.Count == 0 && end < start) errors.Add(new("end_date", "end_date is before start_date."));
        if (errors.Count == 0 && (end - start).TotalDays > MaxDays) errors.Add(new("start_date", $"Ask for at most {MaxDays} days at a time."));
        var statuses = (status ?? "open,closed").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (statuses.Any(s => s is not ("open" or "closed"))) errors.Add(new("status", "Status is open, closed, or both."));
        var codes = service_code?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (errors.Count > 0) return Problems.Fields(errors);

        if (!string.IsNullOrEmpty(service_request_id))
            return await RequestAsync(service_request_id, format, reports, options, ct);

        var (facts, set) = await reports.PublicFactsAsync(start, end, ct);
        var key = IdKey(options.Value);
        var list = facts
            .Where(f => statuses.Contains(f.IsOpen ? "open" : "closed"))
            .Where(f => codes is null || codes.Contains(f.Subcategory ?? f.Category) || codes.Contains(f.Category))
            .OrderByDescending(f => f.ReceivedAt)
            .Take(MaxRequests)
            .Select(f => Request(f, set, key))
            .ToList();
        return Results.Json(list);
    }

    public static async Task<IResult> RequestAsync(string id, string format, ReportsService reports, IOptions<SignalOptions> options, CancellationToken ct)
    {
        if (Format(format) is { } bad) return bad;
        // The id starts with the receipt date, so one day's cells are read to find it.
        if (id.Length != 21 || id[8] != '-' || !DateOnly.TryParseExact(id[..8], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            return Problems.Field("service_request_id", "Not a service request id of this server.");
        var key = IdKey(options.Value);
        // The same rule as the list: a request is public only as one of at least five like it in the default window.
        var (window, set) = await reports.PublicFactsAsync(day.AddDays(-MaxDays), day.AddDays(MaxDays), ct);
        var fact = window.FirstOrDefault(f => RequestId(f, key) == id);
        return fact is null ? Results.NotFound() : Results.Json(new[] { Request(fact, set, key) });
    }

    private static Dictionary<string, object?> Request(SignalFact f, ReferenceSet set, byte[] key)
    {
        var code = f.Subcategory ?? f.Category;
        var location = set.Locations.TryGetValue(f.LocationId, out var l) ? l : null;
        // A first home is one household's address: say only which municipality.
        var small = location is null || location.Type == LocationType.FirstHome;
        var address = location is null ? null : small ? location.Municipality : $"{location.Name}, {location.Municipality}";
        return new()
        {
            ["service_request_id"] = RequestId(f, key),
            ["status"] = f.IsOpen ? "open" : "closed",
            ["status_notes"] = StatusNotes(f.Status),
            ["service_name"] = set.Categories.TryGet(code, out var c) ? c.NameIn("nl") : code,
            ["service_code"] = code,
            ["description"] = null,
            ["agency_responsible"] = f.Organisation is { } o && set.Organisations.TryGetValue(o, out var org) ? org.Name : null,
            ["service_notice"] = null,
            ["requested_datetime"] = PublicDate(f.ReceivedAt, small),
            ["updated_datetime"] = PublicDate(f.UpdatedAt, small),
            ["expected_datetime"] = f.ResolveBy is { } by ? PublicDate(by, small) : null,
            ["address"] = address,
            ["address_id"] = null,
            ["zipcode"] = null,
            ["lat"] = null,
            ["long"] = null,
            ["media_url"] = null,
        };
    }

    private static string StatusNotes(SignalStatus s) => s switch
    {
        SignalStatus.Received or SignalStatus.Routed => "Ontvangen, wacht op de organisatie",
        SignalStatus.Forwarded => "Doorgestuurd naar een andere organisatie",
        SignalStatus.Accepted or SignalStatus.InProgress => "In behandeling",
        SignalStatus.AwaitingResident => "Wacht op de bewoner",
        SignalStatus.Reopened => "Heropend: het probleem was niet opgelost",
        SignalStatus.Resolved => "Opgelost",
        SignalStatus.Merged => "Samengevoegd met een melding over hetzelfde probleem",
        SignalStatus.Cancelled => "Beëindigd",
        _ => "",
    };

    /// <summary>Receipt date and a keyed hash of the tracking code: stable, unguessable, and no key to the resident's status page.</summary>
    private static string RequestId(SignalFact f, byte[] key)
    {
        var mac = HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(f.Code.Value));
        return f.Day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "-" + Convert.ToHexString(mac, 0, 6).ToLowerInvariant();
    }

    private static byte[] IdKey(SignalOptions o) =>
        HMACSHA256.HashData(Convert.FromBase64String(o.TrackingCodeSecret), "open311-service-request-id"u8);

    private static DateTimeOffset? Instant(string? value, string field, List<Domain.Intake.FieldError> errors)
    {
        if (string.IsNullOrEmpty(value)) return null;
        // Outside these years no signal exists, and DateTimeOffset arithmetic near its limits throws: a 400, not a 500.
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) && t.Year is >= 2000 and <= 2999) return t;
        errors.Add(new(field, "Give a W3C date-time, e.g. 2026-11-23T09:00:00Z."));
        return null;
    }

    /// <summary>A W3C date (no time of day): the Dutch day, or the Monday of its week for a small location.</summary>
    private static string PublicDate(DateTimeOffset t, bool small) =>
        PublicDisclosure.Coarsen(WorkingTime.DutchDate(t), small).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
