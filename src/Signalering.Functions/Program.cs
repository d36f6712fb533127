using Microsoft.AspNetCore.HttpOverrides;
using Signalering.Functions.Endpoints;
using Signalering.Functions.Extensions;
using Signalering.Functions.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddSignaleringServices();

var app = builder.Build();
app.UseForwardedHeaders();
app.UseResponseCompression();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapCustomHandler();
app.MapSignalsEndpoints();
app.MapReferenceEndpoints();
app.MapAdminEndpoints();
app.MapOperationsEndpoints();
app.MapPosterEndpoints();
app.MapAdminPagesEndpoints();
app.MapResidentFormEndpoints();
app.MapResidentStatusEndpoints();
app.MapHealthEndpoints();

app.Run();

/// <summary>Entry point; partial so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
