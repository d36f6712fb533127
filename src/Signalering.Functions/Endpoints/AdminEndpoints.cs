using System.Text.Json;
using Signalering.Domain;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Functions.Application;

namespace Signalering.Functions.Endpoints;

/// <summary>
/// Reference-data administration (function folder Admin, authLevel admin: in Azure the host requires the master
/// key before proxying). Every change is validated against the whole set before it is stored.
/// <list type="bullet">
/// <item><c>GET /api/admin/reference</c>: everything, as the data files hold it.</item>
/// <item><c>PUT|DELETE /api/admin/categories/{code}</c>: a main category with its subcategories.</item>
/// <item><c>PUT|DELETE /api/admin/organisations/{id}</c>, <c>PUT|DELETE /api/admin/locations/{id}</c>.</item>
/// <item><c>PUT /api/admin/routing-rules</c>: the whole ordered rule list (order is meaning: first match wins).</item>
/// <item><c>GET|POST /api/admin/locations/{id}/qr-tokens</c>, <c>POST …/qr-tokens/{tokenId}/revoke</c>.</item>
/// <item><c>PUT|DELETE /api/admin/organisations/{id}/webhook</c> <c>{url}</c>: new and escalated signals are also
/// posted there, signed; the answer shows the signing secret once (see <see cref="WebhookSender"/>).</item>
/// <item><c>POST /api/admin/reports/rebuild</c>: rebuilds the reports' aggregates from the signals.</item>
/// </list>
/// </summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/admin");
        admin.MapGet("/reference", GetReferenceAsync);
        admin.MapPut("/categories/{code}", PutCategoryAsync);
        admin.MapDelete("/categories/{code}", DeleteCategoryAsync);
        admin.MapPut("/organisations/{id}", PutOrganisationAsync);
        admin.MapDelete("/organisations/{id}", DeleteOrganisationAsync);
        admin.MapPut("/locations/{id}", PutLocationAsync);
        admin.MapDelete("/locations/{id}", DeleteLocationAsync);
        admin.MapPut("/routing-rules", PutRulesAsync);
        admin.MapGet("/locations/{id}/qr-tokens", GetTokensAsync);
        admin.MapPost("/locations/{id}/qr-tokens", CreateTokenAsync);
        admin.MapPost("/locations/{id}/qr-tokens/{tokenId}/revoke", RevokeTokenAsync);
        admin.MapGet("/organisations/{id}/queue", PeekQueueAsync);
        admin.MapPut("/organisations/{id}/webhook", PutWebhookAsync);
        admin.MapDelete("/organisations/{id}/webhook", DeleteWebhookAsync);
        admin.MapPost("/reports/rebuild", RebuildReportsAsync);
        return app;
    }

    private static JsonSerializerOptions Json => ReferenceFiles.Json;

    private static async Task<IResult> GetReferenceAsync(ReferenceDataProvider reference, CancellationToken ct) =>
        Results.Json(await reference.GetFilesAsync(ct), Json);

    private static Task<IResult> PutCategoryAsync(string code, HttpRequest request, ReferenceDataProvider reference, CancellationToken ct) =>
        PutAsync<CategoryDto>(request, reference, code, "code", c => c.Code,
            (files, c) => files with { Categories = Replace(files.Categories, x => x.Code == code, c) }, (t, c) => t.PutCategoryAsync(c, ct), ct);

    private static Task<IResult> DeleteCategoryAsync(string code, ReferenceDataProvider reference, CancellationToken ct) =>
        ChangeAsync(reference, files => (files with { Categories = files.Categories.Where(c => c.Code != code).ToList() },
            t => t.DeleteAsync("category", code, ct)), ct);

    private static Task<IResult> PutOrganisationAsync(string id, HttpRequest request, ReferenceDataProvider reference, CancellationToken ct) =>
        PutAsync<OrganisationDto>(request, reference, id, "id", o => o.Id,
            (files, o) => files with { Organisations = Replace(files.Organisations, x => x.Id == id, o) }, (t, o) => t.PutOrganisationAsync(o, ct), ct);

    private static Task<IResult> DeleteOrganisationAsync(string id, ReferenceDataProvider reference, CancellationToken ct) =>
        ChangeAsync(reference, files => (files with { Organisations = files.Organisations.Where(o => o.Id != id).ToList() },
            t => t.DeleteAsync("organisation", id, ct)), ct);

    private static Task<IResult> PutLocationAsync(string id, HttpRequest request, ReferenceDataProvider reference, CancellationToken ct) =>
        PutAsync<LocationDto>(request, reference, id, "id", l => l.Id,
            (files, l) => files with { Locations = Replace(files.Locations, x => x.Id == id, l) }, (t, l) => t.PutLocationAsync(l, ct), ct);

    private static Task<IResult> DeleteLocationAsync(string id, ReferenceDataProvider reference, CancellationToken ct) =>
        ChangeAsync(reference, files => (files with { Locations = files.Locations.Where(l => l.Id != id).ToList() },
            t => t.DeleteAsync("location", id, ct)), ct);

    /// <summary>Reads one item, checks its id against the URL, and applies it to the whole set.</summary>
    private static async Task<IResult> PutAsync<T>(HttpRequest request, ReferenceDataProvider reference, string id, string idField,
        Func<T, string> idOf, Func<ReferenceFiles, T, ReferenceFiles> apply, Func<Storage.Tables.ReferenceDataTable, T, Task> write,
        CancellationToken ct) where T : class
    {
        var (dto, problem) = await JsonBody.ReadAsync<T>(request, Json, ct);
        if (problem is not null) return problem;
        if (idOf(dto!) != id) return Problems.Field(idField, $"The {idField} in the body must match the URL.");
        return await ChangeAsync(reference, files => (apply(files, dto!), t => write(t, dto!)), ct, dto);
    }

    private static async Task<IResult> PutRulesAsync(HttpRequest request, ReferenceDataProvider reference, CancellationToken ct)
    {
        var (rules, problem) = await JsonBody.ReadAsync<List<RoutingRuleDto>>(request, Json, ct);
        if (problem is not null) return problem;
        return await ChangeAsync(reference, files => (files with { Rules = rules! }, t => t.PutRulesAsync(rules!, ct)), ct, rules);
    }

    private static async Task<IResult> GetTokensAsync(string id, ReferenceDataProvider reference, LocationTokens tokens, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        if (!set.Locations.TryGetValue(id, out var location)) return Results.Problem(title: "Unknown location.", statusCode: 404);
        return Results.Ok(location.QrTokens.Select(t => TokenView(t.Id, t.Wing, t.Revoked, tokens)));
    }

    public sealed record NewTokenRequest(string? Wing);

    private static async Task<IResult> CreateTokenAsync(string id, HttpRequest request, ReferenceDataProvider reference, LocationTokens tokens,
        CancellationToken ct)
    {
        var wing = request.HasJsonContentType() ? (await JsonBody.ReadAsync<NewTokenRequest>(request, Json, ct)).Value?.Wing : null;
        var tokenId = LocationTokens.NewTokenId();
        var result = await ChangeLocationAsync(id, reference, l => l with { QrTokens = [.. l.QrTokens ?? [], new QrTokenDto(tokenId, wing)] }, ct);
        return result ?? Results.Created($"/api/admin/locations/{id}/qr-tokens", TokenView(tokenId, wing, false, tokens));
    }

    private static async Task<IResult> RevokeTokenAsync(string id, string tokenId, ReferenceDataProvider reference, CancellationToken ct)
    {
        var found = false;
        var result = await ChangeLocationAsync(id, reference, l =>
        {
            found = (l.QrTokens ?? []).Any(t => t.Id == tokenId);
            return l with { QrTokens = (l.QrTokens ?? []).Select(t => t.Id == tokenId ? t with { Revoked = true } : t).ToList() };
        }, ct);
        return result ?? (found ? Results.NoContent() : Results.Problem(title: "Unknown QR token.", statusCode: 404));
    }

    /// <summary>The next messages on an organisation's queue, without taking them: to check that routing works.</summary>
    public sealed record WebhookRequest(string? Url);

    private static async Task<IResult> PutWebhookAsync(string id, HttpRequest request, ReferenceDataProvider reference, Storage.Tables.WebhookTable hooks,
        CancellationToken ct)
    {
        if (!(await reference.GetAsync(ct)).Organisations.ContainsKey(id)) return Problems.Field("id", "Unknown organisation.", StatusCodes.Status404NotFound);
        var (body, problem) = await JsonBody.ReadAsync<WebhookRequest>(request, Json, ct);
        if (problem is not null) return problem;
        // HTTPS only, except a receiver on this machine (local runs and tests).
        if (!Uri.TryCreate(body!.Url, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && url.IsLoopback)))
            return Problems.Field("url", "Give an https:// address (http:// only for a receiver on localhost).");
        var secret = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        await hooks.PutAsync(new Storage.Tables.WebhookRegistration(id, url, secret), ct);
        return Results.Ok(new { organisation = id, url = url.ToString(), secret, signature = "X-Signalering-Signature: sha256=HEX(HMAC-SHA256(base64-decoded secret, X-Signalering-Timestamp + '.' + body))" });
    }

    private static async Task<IResult> DeleteWebhookAsync(string id, Storage.Tables.WebhookTable hooks, CancellationToken ct)
    {
        await hooks.DeleteAsync(id, ct);
        return Results.NoContent();
    }

    /// <summary>
    /// Rebuilds the reports' aggregates from the signals (after a change to how facts are computed, or to check the
    /// live figures). Reads the whole signals table: run it off-peak.
    /// </summary>
    private static async Task<IResult> RebuildReportsAsync(ReportAggregates aggregates, CancellationToken ct) =>
        Results.Ok(new { signals = await aggregates.RebuildAsync(ct) });

    private static async Task<IResult> PeekQueueAsync(string id, ReferenceDataProvider reference, Storage.Queues.SignalQueues queues, CancellationToken ct)
    {
        var set = await reference.GetAsync(ct);
        if (!set.Organisations.TryGetValue(id, out var organisation)) return Results.Problem(title: "Unknown organisation.", statusCode: 404);
        var queue = await queues.GetAsync(organisation.QueueName);
        var messages = (await queue.PeekMessagesAsync(32, ct)).Value;
        return Results.Ok(new
        {
            queue = organisation.QueueName,
            messages = messages.Select(m => JsonDocument.Parse(m.Body).RootElement.Clone()),
        });
    }

    private static object TokenView(string tokenId, string? wing, bool revoked, LocationTokens tokens) =>
        new { tokenId, wing, revoked, token = tokens.Sign(tokenId) };

    private static async Task<IResult?> ChangeLocationAsync(string id, ReferenceDataProvider reference, Func<LocationDto, LocationDto> change,
        CancellationToken ct)
    {
        var missing = false;
        var result = await ChangeAsync(reference, files =>
        {
            var current = files.Locations.FirstOrDefault(l => l.Id == id);
            if (current is null) { missing = true; return (files, _ => Task.CompletedTask); }
            var changed = change(current);
            return (files with { Locations = Replace(files.Locations, l => l.Id == id, changed) }, t => t.PutLocationAsync(changed, ct));
        }, ct);
        return missing ? Results.Problem(title: "Unknown location.", statusCode: 404) : result is IStatusCodeHttpResult { StatusCode: >= 400 } ? result : null;
    }

    private static async Task<IResult> ChangeAsync(ReferenceDataProvider reference,
        Func<ReferenceFiles, (ReferenceFiles, Func<Storage.Tables.ReferenceDataTable, Task>)> change, CancellationToken ct, object? body = null)
    {
        try
        {
            await reference.ChangeAsync(change, ct);
            return body is null ? Results.NoContent() : Results.Json(body, Json);
        }
        catch (DomainException e)
        {
            // A delete that would leave something pointing at nothing conflicts with the data; a bad body is just bad.
            return Problems.Field(e.Field ?? "body", e.Message, body is null ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
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
