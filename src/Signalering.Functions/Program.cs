using Microsoft.AspNetCore.HttpOverrides;
using Signalering.Functions.Endpoints;
using Signalering.Functions.Extensions;
using Signalering.Functions.Hosting;

// `Signalering.Functions token --role … --org …` prints a development token (scripts/token.sh) and exits.
if (args is ["token", ..]) return Signalering.Functions.Auth.SignaleringAuth.RunTokenCommand(args[1..]);

var builder = WebApplication.CreateBuilder(args);
builder.AddSignaleringServices();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseResponseCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();

app.MapCustomHandler();
app.MapSignalsEndpoints();
app.MapReferenceEndpoints();
app.MapAdminEndpoints();
app.MapOperationsEndpoints();
app.MapPosterEndpoints();
app.MapAdminPagesEndpoints();
app.MapResidentFormEndpoints();
app.MapResidentStatusEndpoints();
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

app.Run();
return 0;

/// <summary>Entry point; partial so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
