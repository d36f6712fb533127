using Microsoft.Extensions.Options;
using Signalering.Domain.Intake;
using Signalering.Domain.Languages;
using Signalering.Functions.Features.Status;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Notifications;

/// <summary>A phone's subscription as the page's script sends it (the browser's PushSubscription.toJSON(), plus the page's language).</summary>
public sealed record PushSubscriptionRequest(string? Endpoint, PushSubscriptionKeys? Keys, string? Language);
public sealed record PushSubscriptionKeys(string? P256dh, string? Auth);

/// <summary>What asking for news on a phone came to.</summary>
public abstract record SubscribeResult
{
    public sealed record Subscribed : SubscribeResult;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SubscribeResult;
    /// <summary>The site has no VAPID keys configured: push is off.</summary>
    public sealed record Unavailable : SubscribeResult;
    public sealed record TooMany : SubscribeResult;
    public sealed record NotFound : SubscribeResult;
    public sealed record Blocked(TimeSpan RetryAfter) : SubscribeResult;
}

/// <summary>
/// Opting in to "tell me when there is news" for one tracking code. The code is looked up like any status look-up
/// (<see cref="StatusLookup"/>: the same budgets, the same timing), so subscribing is no way to test guessed codes.
/// Only endpoints of the browsers' push services are kept (<see cref="WebPushOptions.AllowedHosts"/>), with keys of
/// the right shape; nothing is stored when anything is wrong.
/// </summary>
public sealed class PushSubscriptions(StatusLookup lookup, PushSubscriptionTable table, IOptions<WebPushOptions> options, TimeProvider time)
{
    public async Task<SubscribeResult> SubscribeAsync(string client, string? code, PushSubscriptionRequest request, CancellationToken ct)
    {
        var o = options.Value;
        if (!o.Enabled) return new SubscribeResult.Unavailable();
        var errors = new List<FieldError>();
        if (!Uri.TryCreate(request.Endpoint, UriKind.Absolute, out var endpoint) || request.Endpoint!.Length > 1000 || !o.IsAllowedEndpoint(endpoint))
            errors.Add(new("endpoint", "The endpoint must be an https address of a browser's push service."));
        if (!IsKey(request.Keys?.P256dh, 65) || Base64Url(request.Keys!.P256dh!)[0] != 0x04)
            errors.Add(new("keys.p256dh", "keys.p256dh must be the phone's P-256 public key, uncompressed, base64url (65 bytes)."));
        if (!IsKey(request.Keys?.Auth, 16))
            errors.Add(new("keys.auth", "keys.auth must be the 16-byte authentication secret, base64url."));
        if (request.Language is not null && !FormLanguages.TryGet(request.Language, out _))
            errors.Add(new("language", "language must be one of the form languages."));
        if (errors.Count > 0) return new SubscribeResult.Invalid(errors);

        switch (await lookup.FindAsync(client, StatusService.Normalise(code), ct))
        {
            case LookupOutcome.Blocked blocked: return new SubscribeResult.Blocked(blocked.RetryAfter);
            case LookupOutcome.Found found:
                var signal = found.Stored.Signal;
                var existing = await table.ListAsync(signal.Code, ct);
                if (existing.Count >= o.MaxPerSignal && existing.All(e => e.Endpoint != endpoint)) return new SubscribeResult.TooMany();
                var language = FormLanguages.TryGet(request.Language, out var l) ? l.Code : signal.Language;
                await table.PutAsync(new PushSubscriptionRow(signal.Code, endpoint!, request.Keys!.P256dh!, request.Keys.Auth!, language, time.GetUtcNow()), ct);
                return new SubscribeResult.Subscribed();
            default: return new SubscribeResult.NotFound();
        }
    }

    private static bool IsKey(string? value, int bytes)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 200) return false;
        try { return Base64Url(value).Length == bytes; }
        catch (FormatException) { return false; }
    }

    private static byte[] Base64Url(string value) => Convert.FromBase64String(value.Replace('-', '+').Replace('_', '/').TrimEnd('=')
        .PadRight(value.TrimEnd('=').Length + (4 - value.TrimEnd('=').Length % 4) % 4, '='));
}
