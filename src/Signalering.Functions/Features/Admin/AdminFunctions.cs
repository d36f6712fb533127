using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Admin;

/// <summary>
/// The admin functions, one per route and method, each handing its request to <see cref="SignaleringHttp"/> with its
/// handler. All are at the Functions host's admin level: in Azure the host asks for its admin key before it passes
/// the request on. The pages live under /beheer because the host keeps routes beginning with "admin" for itself.
/// </summary>
public sealed class AdminFunctions(SignaleringHttp http)
{
    [Function("AdminReference")]
    public IResult Reference([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "api/admin/reference")] HttpRequest req) => http.Run(req, AdminApi.ReferenceAsync);

    [Function("AdminPutCategory")]
    public IResult PutCategory([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "api/admin/categories/{code}")] HttpRequest req) => http.Run(req, AdminApi.PutCategoryAsync);

    [Function("AdminDeleteCategory")]
    public IResult DeleteCategory([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "api/admin/categories/{code}")] HttpRequest req) => http.Run(req, AdminApi.DeleteCategoryAsync);

    [Function("AdminPutOrganisation")]
    public IResult PutOrganisation([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "api/admin/organisations/{id}")] HttpRequest req) => http.Run(req, AdminApi.PutOrganisationAsync);

    [Function("AdminDeleteOrganisation")]
    public IResult DeleteOrganisation([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "api/admin/organisations/{id}")] HttpRequest req) => http.Run(req, AdminApi.DeleteOrganisationAsync);

    [Function("AdminPutLocation")]
    public IResult PutLocation([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "api/admin/locations/{id}")] HttpRequest req) => http.Run(req, AdminApi.PutLocationAsync);

    [Function("AdminDeleteLocation")]
    public IResult DeleteLocation([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "api/admin/locations/{id}")] HttpRequest req) => http.Run(req, AdminApi.DeleteLocationAsync);

    [Function("AdminPutRoutingRules")]
    public IResult PutRoutingRules([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "api/admin/routing-rules")] HttpRequest req) => http.Run(req, AdminApi.PutRulesAsync);

    [Function("AdminQrTokens")]
    public IResult QrTokens([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "api/admin/locations/{id}/qr-tokens")] HttpRequest req) => http.Run(req, AdminApi.TokensAsync);

    [Function("AdminCreateQrToken")]
    public IResult CreateQrToken([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/admin/locations/{id}/qr-tokens")] HttpRequest req) => http.Run(req, AdminApi.CreateTokenAsync);

    [Function("AdminRevokeQrToken")]
    public IResult RevokeQrToken([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/admin/locations/{id}/qr-tokens/{tokenId}/revoke")] HttpRequest req) => http.Run(req, AdminApi.RevokeTokenAsync);

    [Function("AdminQrCode")]
    public IResult QrCode([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "api/admin/locations/{id}/qr-tokens/{tokenId}/qr.{format}")] HttpRequest req) => http.Run(req, AdminApi.QrAsync);

    [Function("AdminPutWebhook")]
    public IResult PutWebhook([HttpTrigger(AuthorizationLevel.Admin, "put", Route = "api/admin/organisations/{id}/webhook")] HttpRequest req) => http.Run(req, AdminApi.PutWebhookAsync);

    [Function("AdminDeleteWebhook")]
    public IResult DeleteWebhook([HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "api/admin/organisations/{id}/webhook")] HttpRequest req) => http.Run(req, AdminApi.DeleteWebhookAsync);

    [Function("AdminPeekQueue")]
    public IResult PeekQueue([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "api/admin/organisations/{id}/queue")] HttpRequest req) => http.Run(req, AdminApi.PeekQueueAsync);

    [Function("AdminRebuildReports")]
    public IResult RebuildReports([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/admin/reports/rebuild")] HttpRequest req) => http.Run(req, AdminApi.RebuildReportsAsync);

    [Function("AdminQueueDepths")]
    public IResult QueueDepths([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "api/admin/queues")] HttpRequest req) => http.Run(req, AdminApi.QueueDepthsAsync);

    [Function("AdminReplayPoison")]
    public IResult ReplayPoison([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "api/admin/queues/{queue}/replay-poison")] HttpRequest req) => http.Run(req, AdminApi.ReplayPoisonAsync);

    [Function("AdminLanguages")]
    public IResult Languages([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "api/admin/languages")] HttpRequest req) => http.Run(req, AdminApi.LanguagesAsync);

    [Function("AdminPages")]
    public IResult Index([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "beheer")] HttpRequest req) => http.Run(req, AdminPages.IndexAsync);

    [Function("AdminLanguageTexts")]
    public IResult LanguageTexts([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "beheer/languages/{code}")] HttpRequest req) => http.Run(req, AdminPages.LanguageAsync);

    [Function("AdminReviewLanguage")]
    public IResult ReviewLanguage([HttpTrigger(AuthorizationLevel.Admin, "post", Route = "beheer/languages/{code}/review")] HttpRequest req) => http.Run(req, AdminPages.ReviewAsync);

    [Function("AdminPoster")]
    public IResult Poster([HttpTrigger(AuthorizationLevel.Admin, "get", Route = "beheer/locations/{id}/posters/{tokenId}")] HttpRequest req) => http.Run(req, AdminPages.PosterAsync);
}
