using Microsoft.Azure.Functions.Worker;
using Signalering.Functions.Hosting;

namespace Signalering.Functions.Features.Reports;

/// <summary>The reports functions: the API, the dashboard and the public Open311 feed, one per route, each handing its request to <see cref="SignaleringHttp"/> with its handler.</summary>
public sealed class ReportsFunctions(SignaleringHttp http)
{
    [Function("ReportsResponseTimes")]
    public IResult ResponseTimes([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/response-times")] HttpRequest req) =>
        http.Run(req, ReportsApi.ResponseTimesAsync);

    [Function("ReportsResponseTimesCsv")]
    public IResult ResponseTimesCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/response-times.csv")] HttpRequest req) =>
        http.Run(req, ReportsApi.ResponseTimesCsvAsync);

    [Function("ReportsComplaintsRegister")]
    public IResult ComplaintsRegister([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/complaints-register")] HttpRequest req) =>
        http.Run(req, ReportsApi.ComplaintsRegisterAsync);

    [Function("ReportsComplaintsRegisterCsv")]
    public IResult ComplaintsRegisterCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/reports/complaints-register.csv")] HttpRequest req) =>
        http.Run(req, ReportsApi.ComplaintsRegisterCsvAsync);

    [Function("ReportsPage")]
    public IResult Dashboard([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rapportage")] HttpRequest req) =>
        http.Run(req, ReportsPages.DashboardAsync);

    [Function("ReportsPageRegister")]
    public IResult RegisterPage([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rapportage/klachtenregister")] HttpRequest req) =>
        http.Run(req, ReportsPages.ComplaintsRegisterAsync);

    [Function("ReportsPageResponseTimesCsv")]
    public IResult DashboardCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rapportage/reactietijden.csv")] HttpRequest req) =>
        http.Run(req, ReportsPages.ResponseTimesCsvAsync);

    [Function("ReportsPageRegisterCsv")]
    public IResult RegisterPageCsv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "rapportage/klachtenregister.csv")] HttpRequest req) =>
        http.Run(req, ReportsPages.ComplaintsRegisterCsvAsync);



    [Function("Open311Discovery")]
    public IResult Open311Discovery([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/discovery.json")] HttpRequest req) =>
        http.Run(req, Open311Api.Discovery);

    [Function("Open311Services")]
    public IResult Open311Services([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/services.{format}")] HttpRequest req) =>
        http.Run(req, Open311Api.ServicesAsync);

    [Function("Open311Service")]
    public IResult Open311Service([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/services/{code}.{format}")] HttpRequest req) =>
        http.Run(req, Open311Api.ServiceDefinitionAsync);

    [Function("Open311Requests")]
    public IResult Open311Requests([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/requests.{format}")] HttpRequest req) =>
        http.Run(req, Open311Api.RequestsAsync);

    [Function("Open311Request")]
    public IResult Open311Request([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "open311/v2/requests/{id}.{format}")] HttpRequest req) =>
        http.Run(req, Open311Api.RequestAsync);
}
