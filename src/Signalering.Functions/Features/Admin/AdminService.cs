using System.Text.Json;
using Signalering.Domain;
using Signalering.Domain.Intake;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Texts;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Telemetry;
using Signalering.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Features.Admin;

/// <summary>What an administrator's request came to.</summary>
public abstract record AdminResult
{
    /// <summary>Done (and stored); <see cref="Value"/> is what to show back, null for nothing.</summary>
    public sealed record Done(object? Value = null) : AdminResult;
    /// <summary>The request itself is wrong: the field says where.</summary>
    public sealed record Rejected(FieldError Error) : AdminResult;
    /// <summary>The change would leave the reference data inconsistent, e.g. a rule routing to a deleted organisation.</summary>
    public sealed record Conflict(FieldError Error) : AdminResult;
    /// <summary>The location, organisation, QR token, queue or language named does not exist.</summary>
    public sealed record NotFound(FieldError Error) : AdminResult;
}

/// <summary>A form language with its review status: texts not yet checked by a native speaker stand out on the admin page.</summary>
public sealed record LanguageStatus(string Code, string NativeName, string EnglishName, bool RightToLeft, bool Reviewed, string? Reviewer,
    DateTimeOffset? ReviewedAt, int Texts);

/// <summary>One resident text for a native speaker to check: the Dutch and English beside it; <see cref="Text"/> null where the language has none.</summary>
public sealed record ReviewText(string Key, string Dutch, string English, string? Text);

/// <summary>
/// Every resident text of one language beside Dutch and English. <see cref="Fingerprint"/> names exactly these texts: the
/// mark "checked by a native speaker" is taken only with it, so only from this page, and only while the texts are the ones shown.
/// </summary>
public sealed record LanguageTexts(LanguageStatus Status, IReadOnlyList<ReviewText> Texts, string Fingerprint);

/// <summary>A QR token as administrators see it, with the signed token the code holds.</summary>
public sealed record TokenView(string TokenId, string? Wing, bool Revoked, string Token);

/// <summary>
/// One poster: a location's QR token that is not revoked, the form address its code holds, the languages it speaks
/// (the location's main languages that the form speaks, then Dutch and English; five at most, to fit one A4 page) and
/// the main categories' pictograms.
/// </summary>
public sealed record Poster(Location Location, QrTokenRecord Token, string FormUrl, IReadOnlyList<FormLanguage> Languages, IReadOnlyList<string?> Pictograms);

/// <summary>The admin page: every location with its QR tokens and the form address of each, and every form language's review status.</summary>
public sealed record AdminOverview(IReadOnlyList<Location> Locations, IReadOnlyDictionary<string, string> FormUrls, IReadOnlyList<LanguageStatus> Languages)
{
    /// <summary>The key of a token's form address in <see cref="FormUrls"/>.</summary>
    public static string Key(Location location, QrTokenRecord token) => location.Id + "/" + token.Id;
}

/// <summary>
/// The administrators' use cases: reference data (every change validated against the whole set before it is stored),
/// QR tokens and posters, organisations' webhooks and queues, the app's own queues and their poison replay, report
/// rebuilds, and the review status of the form's languages.
/// </summary>
public sealed class AdminService(ReferenceDataProvider reference, LocationTokens tokens, WebhookTable hooks, SignalQueues queues, StorageClients clients,
    QueueDepths depths, ReportAggregates aggregates, LanguageReviewTable reviews, TimeProvider time)
{
    private static readonly string[] Replayable = [QueueNames.Intake, QueueNames.Translate, WebhookSender.Queue];

    public async Task<ReferenceFiles> ReferenceAsync(CancellationToken ct) => await reference.GetFilesAsync(ct);

    public Task<AdminResult> PutCategoryAsync(string code, CategoryDto category, CancellationToken ct) =>
        PutAsync(code, category.Code, "code", files => files with { Categories = Replace(files.Categories, c => c.Code == code, category) },
            t => t.PutCategoryAsync(category, ct), category, ct);

    public Task<AdminResult> DeleteCategoryAsync(string code, CancellationToken ct) =>
        ChangeAsync(files => (files with { Categories = files.Categories.Where(c => c.Code != code).ToList() }, t => t.DeleteAsync("category", code, ct)), null, ct);

    public Task<AdminResult> PutOrganisationAsync(string id, OrganisationDto organisation, CancellationToken ct) =>
        PutAsync(id, organisation.Id, "id", files => files with { Organisations = Replace(files.Organisations, o => o.Id == id, organisation) },
            t => t.PutOrganisationAsync(organisation, ct), organisation, ct);

    public Task<AdminResult> DeleteOrganisationAsync(string id, CancellationToken ct) =>
        ChangeAsync(files => (files with { Organisations = files.Organisations.Where(o => o.Id != id).ToList() }, t => t.DeleteAsync("organisation", id, ct)), null, ct);

    public Task<AdminResult> PutLocationAsync(string id, LocationDto location, CancellationToken ct) =>
        PutAsync(id, location.Id, "id", files => files with { Locations = Replace(files.Locations, l => l.Id == id, location) },
            t => t.PutLocationAsync(location, ct), location, ct);

    public Task<AdminResult> DeleteLocationAsync(string id, CancellationToken ct) =>
        ChangeAsync(files => (files with { Locations = files.Locations.Where(l => l.Id != id).ToList() }, t => t.DeleteAsync("location", id, ct)), null, ct);

    /// <summary>The whole ordered rule list: order is meaning, the first match wins.</summary>
    public Task<AdminResult> PutRulesAsync(List<RoutingRuleDto> rules, CancellationToken ct) =>
        ChangeAsync(files => (files with { Rules = rules }, t => t.PutRulesAsync(rules, ct)), rules, ct);

    public async Task<AdminResult> TokensAsync(string locationId, CancellationToken ct) =>
        (await reference.GetAsync(ct)).Locations.TryGetValue(locationId, out var location)
            ? new AdminResult.Done(location.QrTokens.Select(t => View(t.Id, t.Wing, t.Revoked)).ToList())
            : UnknownLocation;

    /// <summary>A new QR token for a location (or one wing of it): a new poster to print. Done with its <see cref="TokenView"/>.</summary>
    public async Task<AdminResult> CreateTokenAsync(string locationId, string? wing, CancellationToken ct)
    {
        var tokenId = LocationTokens.NewTokenId();
        var result = await ChangeLocationAsync(locationId, l => l with { QrTokens = [.. l.QrTokens ?? [], new QrTokenDto(tokenId, wing)] }, ct);
        return result is AdminResult.Done ? new AdminResult.Done(View(tokenId, wing, false)) : result;
    }

    /// <summary>A revoked token stops working at once: a torn-down poster cannot be used to report as that location.</summary>
    public async Task<AdminResult> RevokeTokenAsync(string locationId, string tokenId, CancellationToken ct)
    {
        var found = false;
        var result = await ChangeLocationAsync(locationId, l =>
        {
            found = (l.QrTokens ?? []).Any(t => t.Id == tokenId);
            return l with { QrTokens = (l.QrTokens ?? []).Select(t => t.Id == tokenId ? t with { Revoked = true } : t).ToList() };
        }, ct);
        return result is AdminResult.Done && !found ? new AdminResult.NotFound(new("tokenId", "Unknown QR token.")) : result;
    }

    /// <summary>The poster of <paramref name="tokenId"/> at <paramref name="locationId"/>; null when there is none or it was revoked.</summary>
    public async Task<Poster?> PosterAsync(string locationId, string tokenId, string publicBaseUrl, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        if (!set.Locations.TryGetValue(locationId, out var location)) return null;
        var token = location.QrTokens.FirstOrDefault(t => t.Id == tokenId);
        if (token is null || token.Revoked) return null;
        var languages = location.MainLanguages.Where(c => FormLanguages.TryGet(c, out _)).Select(FormLanguages.Get)
            .Append(FormLanguages.Dutch).Append(FormLanguages.Get("en")).Distinct().Take(5).ToList();
        return new Poster(location, token, FormUrl(publicBaseUrl, token.Id), languages, set.Categories.Main.Select(c => c.Pictogram).ToList());
    }

    public async Task<AdminOverview> OverviewAsync(string publicBaseUrl, CancellationToken ct)
    {
        var locations = (await reference.GetAsync(ct)).Locations.Values.OrderBy(l => l.Name, StringComparer.Ordinal).ToList();
        var urls = locations.SelectMany(l => l.QrTokens.Where(t => !t.Revoked).Select(t => (Key: AdminOverview.Key(l, t), Url: FormUrl(publicBaseUrl, t.Id))))
            .ToDictionary(x => x.Key, x => x.Url);
        return new AdminOverview(locations, urls, await LanguagesAsync(ct));
    }

    /// <summary>The form address a QR code holds: only <c>{base}/r/{token}</c>, the token random and signed.</summary>
    private string FormUrl(string publicBaseUrl, string tokenId) => $"{publicBaseUrl}/r/{tokens.Sign(tokenId)}";

    /// <summary>
    /// New and escalated signals are also posted to <paramref name="url"/>, signed. Done with the signing secret, which
    /// is shown this once.
    /// </summary>
    public async Task<AdminResult> SetWebhookAsync(string organisationId, string? url, CancellationToken ct)
    {
        if (!(await reference.GetAsync(ct)).Organisations.ContainsKey(organisationId)) return UnknownOrganisation;
        // HTTPS only, except a receiver on this machine (local runs and tests).
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback)))
            return new AdminResult.Rejected(new("url", "Give an https:// address (http:// only for a receiver on localhost)."));
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await hooks.PutAsync(new WebhookRegistration(organisationId, uri, secret), ct);
        return new AdminResult.Done(new
        {
            organisation = organisationId, url = uri.ToString(), secret,
            signature = "X-Signalering-Signature: sha256=HEX(HMAC-SHA256(base64-decoded secret, X-Signalering-Timestamp + '.' + body))",
        });
    }

    public async Task<AdminResult> DeleteWebhookAsync(string organisationId, CancellationToken ct)
    {
        await hooks.DeleteAsync(organisationId, ct);
        return new AdminResult.Done();
    }

    /// <summary>The next messages on an organisation's queue, without taking them: to check that routing works.</summary>
    public async Task<AdminResult> PeekQueueAsync(string organisationId, CancellationToken ct)
    {
        if (!(await reference.GetAsync(ct)).Organisations.TryGetValue(organisationId, out var organisation)) return UnknownOrganisation;
        var queue = await queues.GetAsync(organisation.QueueName);
        var messages = (await queue.PeekMessagesAsync(32, ct)).Value;
        return new AdminResult.Done(new
        {
            queue = organisation.QueueName,
            messages = messages.Select(m => JsonDocument.Parse(m.Body).RootElement.Clone()),
        });
    }

    /// <summary>
    /// Rebuilds the reports' aggregates from the signals (after a change to how facts are computed, or to check the
    /// live figures). Reads the whole signals table: run it off-peak. Done with the number of signals read.
    /// </summary>
    public async Task<AdminResult> RebuildReportsAsync(CancellationToken ct) => new AdminResult.Done(new { signals = await aggregates.RebuildAsync(ct) });

    /// <summary>Approximate depth of the intake and translate queues and their poison queues.</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken ct)
    {
        await depths.RefreshAsync(ct);
        return depths.Current.OrderBy(d => d.Key, StringComparer.Ordinal).ToDictionary(d => d.Key, d => d.Value);
    }

    /// <summary>
    /// Moves up to <paramref name="max"/> (default 32, at most 500) messages from <c>{queue}-poison</c> back onto
    /// <c>{queue}</c>, after the cause has been fixed. Each message is sent before it is deleted from poison, so a
    /// failure half-way duplicates at worst; processing is idempotent.
    /// </summary>
    public async Task<AdminResult> ReplayPoisonAsync(string queue, int? max, CancellationToken ct)
    {
        if (!Replayable.Contains(queue))
            return new AdminResult.NotFound(new("queue", $"'{queue}' is not one of the app's queues: {string.Join(", ", Replayable)}."));
        if (max is < 1 or > 500) return new AdminResult.Rejected(new("max", "max must be between 1 and 500."));
        // Poison messages hold the text exactly as it arrived; no re-encoding on either side.
        var poison = clients.Queue(QueueNames.Poison(queue), base64: false);
        var target = clients.Queue(queue, base64: false);
        if (!await poison.ExistsAsync(ct)) return new AdminResult.Done(new { queue, replayed = 0 });
        await target.CreateIfNotExistsAsync(cancellationToken: ct);
        var replayed = 0;
        var limit = max ?? 32;
        while (replayed < limit)
        {
            var batch = (await poison.ReceiveMessagesAsync(Math.Min(32, limit - replayed), TimeSpan.FromMinutes(1), ct)).Value;
            if (batch.Length == 0) break;
            foreach (var message in batch)
            {
                await target.SendMessageAsync(message.MessageText, timeToLive: TimeSpan.FromSeconds(-1), cancellationToken: ct);
                await poison.DeleteMessageAsync(message.MessageId, message.PopReceipt, ct);
                replayed++;
            }
        }
        queues.NotifyEnqueued(queue);
        return new AdminResult.Done(new { queue, replayed });
    }

    public async Task<IReadOnlyList<LanguageStatus>> LanguagesAsync(CancellationToken ct)
    {
        var overrides = await reviews.GetAllAsync(ct);
        return FormLanguages.All.Select(l => overrides.TryGetValue(l.Code, out var r)
                ? new LanguageStatus(l.Code, l.NativeName, l.EnglishName, l.RightToLeft, r.Reviewed, r.Reviewer, r.At, ResidentTexts.Default.KeysOf(l.Code).Count)
                : new LanguageStatus(l.Code, l.NativeName, l.EnglishName, l.RightToLeft, ResidentTexts.Default.IsReviewed(l.Code), null, null,
                    ResidentTexts.Default.KeysOf(l.Code).Count))
            .ToList();
    }

    /// <summary>Every resident text of <paramref name="code"/> beside Dutch and English, for a native speaker; null for no form language.</summary>
    public async Task<LanguageTexts?> TextsForReviewAsync(string code, CancellationToken ct)
    {
        if (!FormLanguages.TryGet(code, out var language)) return null;
        var texts = ResidentTexts.Default;
        var own = texts.KeysOf(language.Code).ToHashSet(StringComparer.Ordinal);
        var dutch = texts.KeysOf("nl").ToHashSet(StringComparer.Ordinal);
        var english = texts.KeysOf("en").ToHashSet(StringComparer.Ordinal);
        // A plural form Dutch and English do not have (Arabic "few", Polish "many") is shown beside their "other" form.
        string Beside(string lang, HashSet<string> keys, string key) =>
            keys.Contains(key) ? texts.Get(lang, key)
            : key.LastIndexOf('.') is > 0 and var dot && keys.Contains(key[..dot] + ".other") ? texts.Get(lang, key[..dot] + ".other") : "";
        var rows = dutch.Union(own).Where(k => !k.StartsWith("meta.", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(k => new ReviewText(k, Beside("nl", dutch, k), Beside("en", english, k), own.Contains(k) ? texts.Get(language.Code, k) : null))
            .ToList();
        var status = (await LanguagesAsync(ct)).Single(l => l.Code == language.Code);
        return new LanguageTexts(status, rows, Fingerprint(language.Code, rows));
    }

    // The texts as shown, hashed: a mark sent with an older fingerprint is for texts that have changed since.
    private static string Fingerprint(string code, IEnumerable<ReviewText> rows)
    {
        var all = string.Join("\n", rows.Select(r => r.Key + "\u001f" + r.Text));
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(code + "\n" + all)))[..32].ToLowerInvariant();
    }

    /// <summary>
    /// Records that a native speaker checked (or un-checked) a form language's texts. Marking it checked needs the
    /// <paramref name="shown"/> fingerprint of the review page (<see cref="TextsForReviewAsync"/>): nobody marks texts they were not shown.
    /// </summary>
    public async Task<AdminResult> ReviewLanguageAsync(string code, string? reviewer, bool reviewed, CancellationToken ct, string? shown = null)
    {
        if (!FormLanguages.TryGet(code, out var language)) return new AdminResult.NotFound(new("code", $"'{code}' is not a form language."));
        reviewer = reviewer?.Trim() ?? "";
        if (reviewer.Length is 0 or > 100) return new AdminResult.Rejected(new("reviewer", "Name the reviewer (at most 100 characters)."));
        if (reviewed && shown != (await TextsForReviewAsync(language.Code, ct))!.Fingerprint)
            return new AdminResult.Rejected(new("shown", string.IsNullOrEmpty(shown)
                ? $"Mark a language checked from its review page (/beheer/languages/{language.Code}), where every text is shown beside Dutch and English."
                : "The texts changed since the review page was opened. Open it again and check what changed."));
        await reviews.SetAsync(new LanguageReview(language.Code, reviewed, reviewer, time.GetUtcNow()), ct);
        return new AdminResult.Done();
    }

    private static AdminResult UnknownLocation => new AdminResult.NotFound(new("id", "Unknown location."));
    private static AdminResult UnknownOrganisation => new AdminResult.NotFound(new("id", "Unknown organisation."));

    private TokenView View(string tokenId, string? wing, bool revoked) => new(tokenId, wing, revoked, tokens.Sign(tokenId));

    /// <summary>One item put under its URL: its id must be the URL's, and the whole set must stay consistent.</summary>
    private Task<AdminResult> PutAsync(string id, string bodyId, string idField, Func<ReferenceFiles, ReferenceFiles> apply,
        Func<ReferenceDataTable, Task> write, object body, CancellationToken ct) =>
        bodyId != id
            ? Task.FromResult<AdminResult>(new AdminResult.Rejected(new(idField, $"The {idField} in the body must match the URL.")))
            : ChangeAsync(files => (apply(files), write), body, ct);

    private async Task<AdminResult> ChangeLocationAsync(string id, Func<LocationDto, LocationDto> change, CancellationToken ct)
    {
        var missing = false;
        var result = await ChangeAsync(files =>
        {
            var current = files.Locations.FirstOrDefault(l => l.Id == id);
            if (current is null) { missing = true; return (files, _ => Task.CompletedTask); }
            var changed = change(current);
            return (files with { Locations = Replace(files.Locations, l => l.Id == id, changed) }, t => t.PutLocationAsync(changed, ct));
        }, null, ct);
        return missing ? UnknownLocation : result;
    }

    /// <summary>
    /// A change to the whole set, validated before it is stored. A change that sends something (<paramref name="body"/>)
    /// and fails is a bad request; a delete that would leave something pointing at nothing conflicts with the data.
    /// </summary>
    private async Task<AdminResult> ChangeAsync(Func<ReferenceFiles, (ReferenceFiles, Func<ReferenceDataTable, Task>)> change, object? body, CancellationToken ct)
    {
        try
        {
            await reference.ChangeAsync(change, ct);
            return new AdminResult.Done(body);
        }
        catch (DomainException e)
        {
            var error = new FieldError(e.Field ?? "body", e.Message);
            return body is null ? new AdminResult.Conflict(error) : new AdminResult.Rejected(error);
        }
    }

    private static List<T> Replace<T>(List<T> items, Func<T, bool> match, T replacement)
    {
        var list = items.Where(i => !match(i)).ToList();
        var index = items.FindIndex(i => match(i));
        if (index < 0) list.Add(replacement); else list.Insert(index, replacement);
        return list;
    }
}
