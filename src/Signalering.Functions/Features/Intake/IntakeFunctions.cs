using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Intake;

/// <summary>The intake functions: one per route, each handing its request to <see cref="SignaleringHttp"/> with its handler.</summary>
public sealed class IntakeFunctions(SignaleringHttp http)
{
    [Function("SubmitSignal")]
    public IResult SubmitSignal([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/signals")] HttpRequest req) => http.Run(req, IntakeApi.SubmitAsync);

    [Function("ReferenceLanguages")]
    public IResult ReferenceLanguages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reference/languages")] HttpRequest req) =>
        http.Run(req, IntakeApi.Languages);

    [Function("ReferenceCategories")]
    public IResult ReferenceCategories([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reference/categories")] HttpRequest req) =>
        http.Run(req, IntakeApi.CategoriesAsync);

    [Function("ResidentFormLanguages")]
    public IResult Languages([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}")] HttpRequest req) => http.Run(req, IntakePages.LanguagesAsync);

    [Function("ResidentFormCategories")]
    public IResult Categories([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}/{lang}")] HttpRequest req) =>
        http.Run(req, IntakePages.CategoriesAsync);

    [Function("ResidentFormSubcategories")]
    public IResult Subcategories([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}/{lang}/{category}")] HttpRequest req) =>
        http.Run(req, IntakePages.SubcategoriesAsync);

    [Function("ResidentFormDetails")]
    public IResult Details([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}/{lang}/{category}/{sub}")] HttpRequest req) =>
        http.Run(req, IntakePages.DetailsAsync);

    [Function("ResidentFormConfirmation")]
    public IResult Confirmation([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "r/{token}/{lang}/{category}/{sub}/{code}")] HttpRequest req) =>
        http.Run(req, IntakePages.ConfirmationAsync);

    [Function("ResidentFormSubmit")]
    public IResult Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "r/{token}/{lang}/{category}/{sub}")] HttpRequest req) =>
        http.Run(req, IntakePages.SubmitAsync);
}
