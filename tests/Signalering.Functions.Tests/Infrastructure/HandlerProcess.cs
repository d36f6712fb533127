using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Signalering.Functions.Tests.Hosting;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// The function app in its own process (the local composition, as scripts/run.sh starts it) on a free port, then
/// GET /api/health until it answers. Killed on dispose, and when the test process ends (a test that failed or hung
/// must not leave an app polling storage).
/// </summary>
public sealed class HandlerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public HttpClient Http { get; }

    /// <summary>What the app wrote to stdout and stderr so far, for a failing test's message.</summary>
    public string Output => string.Join("\n", _output);

    private HandlerProcess(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public static HandlerProcess Start(ProcessStartInfo psi)
    {
        var port = Azurite.FreePort();
        psi.UseShellExecute = false;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        var handler = new HandlerProcess(Process.Start(psi)!, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => handler.Kill();
        handler._process.OutputDataReceived += (_, e) => { if (e.Data is not null) handler._output.Enqueue(e.Data); };
        handler._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) handler._output.Enqueue(e.Data); };
        handler._process.BeginOutputReadLine();
        handler._process.BeginErrorReadLine();
        return handler;
    }

    /// <summary>
    /// The app as built beside this test assembly's configuration (src/Signalering.Functions/bin/…), as scripts/run.sh
    /// starts it, in Development (the seeded example and its development keys) with <paramref name="settings"/> as
    /// environment variables (<c>Section__Key</c>).
    /// </summary>
    public static HandlerProcess StartBuilt(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<configuration>/net10.0
        var dll = Path.Combine(RepoRoot.FunctionApp, "bin", configuration, "net10.0", "Signalering.Functions.dll");
        var psi = new ProcessStartInfo("dotnet") { ArgumentList = { dll, "--contentRoot", RepoRoot.FunctionApp }, WorkingDirectory = RepoRoot.Find() };
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        psi.Environment["Functions__ScriptRoot"] = RepoRoot.Find();
        foreach (var (key, value) in settings) psi.Environment[key] = value;
        return Start(psi);
    }

    /// <summary>Ends the process at once with SIGKILL, as a crash or an out-of-memory kill would: no shutdown code runs.</summary>
    public void Kill()
    {
        try
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException) { } // already gone
    }

    /// <summary>GET /api/health until it answers 200 (storage reachable), within 60 s. Fails with the app's output.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var ready = await Eventually.Async(async () =>
        {
            if (_process.HasExited) return true; // fails below at once, rather than after the minute
            try { return (await Http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; } // not listening, or still starting
        }, timeoutSeconds: 60);
        Assert.True(ready && !_process.HasExited, "The app did not answer on /api/health:\n" + Output);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        Http.Dispose();
    }
}
