using System.Text;
using QRCoder;
using Signalering.Domain.ReferenceData;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Admin;

/// <summary>
/// The admin API, JSON (in Azure the Functions host asks for its admin key before it passes a request on). A thin
/// face over <see cref="AdminService"/>:
/// <list type="bullet">
/// <item><c>GET /api/admin/reference</c>: everything, as the data files hold it.</item>
/// <item><c>PUT|DELETE /api/admin/categories/{code}</c>: a main category with its subcategories.</item>
/// <item><c>PUT|DELETE /api/admin/organisations/{id}</c>, <c>PUT|DELETE /api/admin/locations/{id}</c>.</item>
/// <item><c>PUT /api/admin/routing-rules</c>: the whole ordered rule list (order is meaning: first match wins).</item>
/// <item><c>GET|POST /api/admin/locations/{id}/qr-tokens</c>, <c>POST …/qr-tokens/{tokenId}/revoke</c>,
/// <c>GET …/qr-tokens/{tokenId}/qr.png|qr.svg</c> (the code alone).</item>
/// <item><c>PUT|DELETE /api/admin/organisations/{id}/webhook</c> <c>{url}</c>: new and escalated signals are also
/// posted there, signed; the answer shows the signing secret once (see <see cref="Processing.WebhookSender"/>).</item>
/// <item><c>GET /api/admin/organisations/{id}/queue</c>: a peek at an organisation's queue.</item>
/// <item><c>GET /api/admin/queues</c>, <c>POST /api/admin/queues/{queue}/replay-poison?max=</c>: the app's own queues
/// (see docs/operations.md).</item>
/// <item><c>POST /api/admin/reports/rebuild</c>: rebuilds the reports' aggregates from the signals.</item>
/// <item><c>GET /api/admin/languages</c>: the review status of each form language.</item>
/// </list>
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(Policy = Auth.SignaleringAuth.AdminPolicy)]
public static class AdminApi
{
    public sealed record NewTokenRequest(string? Wing);
    public sealed record WebhookRequest(string? Url);

    public static async Task<IResult> ReferenceAsync(AdminService admin, CancellationToken ct) => Results.Json(await admin.ReferenceAsync(ct), ReferenceFiles.Json);

    public static Task<IResult> PutCategoryAsync(string code, HttpRequest request, AdminService admin, CancellationToken ct) =>
        PutAsync<CategoryDto>(request, c => admin.PutCategoryAsync(code, c, ct), ct);

    public static async Task<IResult> DeleteCategoryAsync(string code, AdminService admin, CancellationToken ct) => Answer(await admin.DeleteCategoryAsync(code, ct));

    public static Task<IResult> PutOrganisationAsync(string id, HttpRequest request, AdminService admin, CancellationToken ct) =>
        PutAsync<OrganisationDto>(request, o => admin.PutOrganisationAsync(id, o, ct), ct);

    public static async Task<IResult> DeleteOrganisationAsync(string id, AdminService admin, CancellationToken ct) => Answer(await admin.DeleteOrganisationAsync(id, ct));

    public static Task<IResult> PutLocationAsync(string id, HttpRequest request, AdminService admin, CancellationToken ct) =>
        PutAsync<LocationDto>(request, l => admin.PutLocationAsync(id, l, ct), ct);

    public static async Task<IResult> DeleteLocationAsync(string id, AdminService admin, CancellationToken ct) => Answer(await admin.DeleteLocationAsync(id, ct));

    public static Task<IResult> PutRulesAsync(HttpRequest request, AdminService admin, CancellationToken ct) =>
        PutAsync<List<RoutingRuleDto>>(request, rules => admin.PutRulesAsync(rules, ct), ct);

    public static async Task<IResult> TokensAsync(string id, AdminService admin, CancellationToken ct) => Answer(await admin.TokensAsync(id, ct), Ok);

    public static async Task<IResult> CreateTokenAsync(string id, HttpRequest request, AdminService admin, CancellationToken ct)
    {
        // The body is optional: without one the token covers the whole location.
        var wing = request.HasJsonContentType() ? (await JsonBody.ReadAsync<NewTokenRequest>(request, ReferenceFiles.Json, ct)).Value?.Wing : null;
        return Answer(await admin.CreateTokenAsync(id, wing, ct), token => Results.Created($"/api/admin/locations/{id}/qr-tokens", token));
    }

    public static async Task<IResult> RevokeTokenAsync(string id, string tokenId, AdminService admin, CancellationToken ct) =>
        Answer(await admin.RevokeTokenAsync(id, tokenId, ct));

    public static async Task<IResult> QrAsync(string id, string tokenId, string format, HttpRequest request, Web.PublicSite site, AdminService admin,
        CancellationToken ct)
    {
        if (format is not ("png" or "svg")) return Problems.Field("format", "Use qr.png or qr.svg.", StatusCodes.Status404NotFound);
        if (await admin.PosterAsync(id, tokenId, site.BaseUrl(request), ct) is not { } poster)
            return Problems.Field("tokenId", "No such poster, or it was revoked.", StatusCodes.Status404NotFound);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(poster.FormUrl, QRCodeGenerator.ECCLevel.M);
        return format == "png"
            ? Results.File(new PngByteQRCode(data).GetGraphic(12), "image/png")
            : Results.Text(new SvgQRCode(data).GetGraphic(10), "image/svg+xml", Encoding.UTF8);
    }

    public static async Task<IResult> PutWebhookAsync(string id, HttpRequest request, AdminService admin, CancellationToken ct)
    {
        var (body, problem) = await JsonBody.ReadAsync<WebhookRequest>(request, ReferenceFiles.Json, ct);
        if (problem is not null) return problem;
        return Answer(await admin.SetWebhookAsync(id, body!.Url, ct), Ok);
    }

    public static async Task<IResult> DeleteWebhookAsync(string id, AdminService admin, CancellationToken ct) => Answer(await admin.DeleteWebhookAsync(id, ct));

    public static async Task<IResult> PeekQueueAsync(string id, AdminService admin, CancellationToken ct) => Answer(await admin.PeekQueueAsync(id, ct), Ok);

    public static async Task<IResult> RebuildReportsAsync(AdminService admin, CancellationToken ct) => Answer(await admin.RebuildReportsAsync(ct), Ok);

    public static async Task<IResult> QueueDepthsAsync(AdminService admin, CancellationToken ct) => Results.Ok(await admin.QueueDepthsAsync(ct));

    public static async Task<IResult> ReplayPoisonAsync(string queue, int? max, AdminService admin, CancellationToken ct) =>
        Answer(await admin.ReplayPoisonAsync(queue, max, ct), Ok);

    public static async Task<IResult> LanguagesAsync(AdminService admin, CancellationToken ct) => Results.Ok(await admin.LanguagesAsync(ct));

    private static IResult Ok(object value) => Results.Ok(value);

    /// <summary>Reads one item (or list) from the body and hands it to <paramref name="put"/>; a body that is no such item is a 400 first.</summary>
    private static async Task<IResult> PutAsync<T>(HttpRequest request, Func<T, Task<AdminResult>> put, CancellationToken ct) where T : class
    {
        var (dto, problem) = await JsonBody.ReadAsync<T>(request, ReferenceFiles.Json, ct);
        return problem ?? Answer(await put(dto!));
    }

    /// <summary>
    /// An <see cref="AdminResult"/> as HTTP: done with nothing to show is 204, done with a value is that value (as the
    /// data files write it, unless <paramref name="done"/> says otherwise); the rest are problems naming their field.
    /// </summary>
    private static IResult Answer(AdminResult result, Func<object, IResult>? done = null) => result switch
    {
        AdminResult.Done(null) => Results.NoContent(),
        AdminResult.Done({ } value) => done is null ? Results.Json(value, ReferenceFiles.Json) : done(value),
        AdminResult.Rejected(var e) => Problems.Field(e.Field, e.Message),
        AdminResult.Conflict(var e) => Problems.Field(e.Field, e.Message, StatusCodes.Status409Conflict),
        AdminResult.NotFound(var e) => Problems.Field(e.Field, e.Message, StatusCodes.Status404NotFound),
        _ => throw new InvalidOperationException(),
    };
}
