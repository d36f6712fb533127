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
        var port = Azurite.FreePort();
        var dll = Path.Combine(AppContext.BaseDirectory, "Signalering.Functions.dll");
        var psi = new ProcessStartInfo("dotnet") { ArgumentList = { dll }, WorkingDirectory = AppContext.BaseDirectory, UseShellExecute = false,
            RedirectStandardOutput = true, RedirectStandardError = true };
        psi.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString();
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["ASPNETCORE_URLS"] = ""; // the host's port wins; nothing else may be bound
        psi.Environment["Storage__ConnectionString"] = Azurite.Shared.ConnectionString;
        psi.Environment["Storage__Prefix"] = "h" + Guid.NewGuid().ToString("N")[..8];
        psi.Environment["Functions__ScriptRoot"] = RepoRoot.Find();
        using var process = Process.Start(psi)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
            // The host's readiness probe: GET / until any answer, within 60 s.
            var ready = await Eventually.Async(async () =>
            {
                try { return (await http.GetAsync("/")).StatusCode == HttpStatusCode.OK; }
                catch (HttpRequestException) { return false; }
            }, timeoutSeconds: 60);
            Assert.True(ready, "The handler did not answer the readiness probe on FUNCTIONS_CUSTOMHANDLER_PORT.");

            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/health")).StatusCode);
            var invocation = await http.PostAsJsonAsync("/SweepSignals", new
            {
                Data = new { timer = new { IsPastDue = false } },
                Metadata = new { sys = new { MethodName = "SweepSignals" } },
            });
            Assert.Equal(HttpStatusCode.OK, invocation.StatusCode);
        }
        finally
        {
            process.Kill(entireProcessTree: true);
        }
    }
}
