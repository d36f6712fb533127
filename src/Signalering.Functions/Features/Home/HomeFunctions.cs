using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Home;

/// <summary>
/// The site's root. Without it the Functions host shows its own "your Functions app is up and running" page there
/// (AzureWebJobsDisableHomepage turns that off, infra/modules/functionapp.bicep); a resident who types the address
/// gets this page instead.
/// </summary>
public sealed class HomeFunctions(SignaleringHttp http)
{
    [Function("Home")]
    public IResult Home([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "/")] HttpRequest req) =>
        http.Run(req, (PageRenderer pages) => pages.PageAsync<HomePage>(new { }));
}
