using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Signalering.Functions.Tests.Hosting;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// The function app in its own process (the local composition, as scripts/run.sh starts it) on a free port, then
/// GET /api/health until it answers. Killed on dispose.
/// </summary>
public sealed class HandlerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public HttpClient Http { get; }

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
        handler._process.OutputDataReceived += (_, e) => { if (e.Data is not null) handler._output.Enqueue(e.Data); };
        handler._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) handler._output.Enqueue(e.Data); };
        handler._process.BeginOutputReadLine();
        handler._process.BeginErrorReadLine();
        return handler;
    }

    /// <summary>GET /api/health until it answers 200 (storage reachable), within 60 s. Fails with the app's output.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var ready = await Eventually.Async(async () =>
        {
            try { return (await Http.GetAsync("/api/health")).StatusCode == HttpStatusCode.OK; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; } // not listening, or still starting
        }, timeoutSeconds: 60);
        Assert.True(ready, "The app did not answer on /api/health:\n" + string.Join("\n", _output));
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
        Http.Dispose();
    }
}
