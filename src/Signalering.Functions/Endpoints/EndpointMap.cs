namespace Signalering.Functions.Endpoints;

public static class EndpointMap
{
    /// <summary>Every endpoint behind the HTTP functions (see Hosting/SignaleringHttp.cs and Triggers/HttpTriggers.cs).</summary>
    public static IEndpointRouteBuilder MapSignaleringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapAdminEndpoints();
        app.MapOperationsEndpoints();
        app.MapPosterEndpoints();
        app.MapAdminPagesEndpoints();
        app.MapInboxEndpoints();
        app.MapInboxPageEndpoints();
        app.MapReportsEndpoints();
        app.MapReportsPageEndpoints();
        app.MapOpen311Endpoints();
        app.MapHealthEndpoints();
        app.MapExpertpoolEndpoints();
        app.MapConsultationAdminEndpoints();
        app.MapExpertpoolPagesEndpoints();
        app.MapConsultationPagesEndpoints();
        return app;
    }
}
