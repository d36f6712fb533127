using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>The handler started as the Functions host starts it: its own process, the port from FUNCTIONS_CUSTOMHANDLER_PORT.</summary>
public sealed class HostStartedHandlerTest
{
    [Fact]
    public async Task Handler_StartedWithCustomHandlerPort_AnswersProbeHttpAndInvocations()
    {
        var psi = new ProcessStartInfo("dotnet") { ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Signalering.Functions.dll") },
            WorkingDirectory = AppContext.BaseDirectory };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Storage__ConnectionString"] = Azurite.Shared.ConnectionString;
        psi.Environment["Storage__Prefix"] = "h" + Guid.NewGuid().ToString("N")[..8];
        psi.Environment["Functions__ScriptRoot"] = RepoRoot.Find();
        using var handler = HandlerProcess.Start(psi);
        await handler.WaitUntilReadyAsync();

        Assert.Equal(HttpStatusCode.OK, (await handler.Http.GetAsync("/api/health")).StatusCode);
        var invocation = await handler.Http.PostAsJsonAsync("/SweepSignals", new
        {
            Data = new { timer = new { IsPastDue = false } },
            Metadata = new { sys = new { MethodName = "SweepSignals" } },
        });
        Assert.Equal(HttpStatusCode.OK, invocation.StatusCode);
    }
}
