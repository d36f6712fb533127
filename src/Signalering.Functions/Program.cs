using Signalering.Functions.Extensions;
using Signalering.Functions.Hosting;

// `Signalering.Functions token --role … --org …` prints a development token (scripts/token.sh) and exits.
if (args is ["token", ..]) return Signalering.Functions.Auth.SignaleringAuth.RunTokenCommand(args[1..]);

// Under the Functions host (func start, Azure): the isolated worker, with ASP.NET Core integration.
if (WorkerComposition.UnderFunctionsHost(args))
{
    WorkerComposition.CreateBuilder(args).Build().Run();
    return 0;
}

// Without it (scripts/run.sh, the tests): the same function classes in a local composition (ADR 0006).
var builder = WebApplication.CreateBuilder(args);
builder.AddSignaleringServices();
builder.AddLocalComposition();

var app = builder.Build();
app.MapFunctions();
app.Run();
return 0;

/// <summary>Entry point; partial so tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
