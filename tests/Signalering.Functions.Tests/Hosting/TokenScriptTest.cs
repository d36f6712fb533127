using System.Diagnostics;
using System.Net;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>
/// scripts/token.sh, the README's way to call the staff API: it printed nothing but an SDK error once the app became a
/// Functions worker, because `dotnet run` on a worker project asks for Core Tools. A token it prints must open the inbox.
/// </summary>
public sealed class TokenScriptTest : IDisposable
{
    private readonly SignaleringApp _app = new();
    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task TokenScript_PrintsATokenTheAppAccepts()
    {
        var psi = new ProcessStartInfo("bash")
        {
            ArgumentList = { "scripts/token.sh", "--role", "coordinator", "--org", "coa-luttelgeest" },
            WorkingDirectory = RepoRoot.Find(), RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var script = Process.Start(psi)!;
        var output = script.StandardOutput.ReadToEndAsync();
        var errors = script.StandardError.ReadToEndAsync();
        await script.WaitForExitAsync();
        Assert.True(script.ExitCode == 0, await errors);
        var token = (await output).Trim();
        Assert.Equal(3, token.Split('.').Length);

        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/inbox")).StatusCode);
        client.DefaultRequestHeaders.Authorization = null;
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/inbox")).StatusCode);
    }
}
