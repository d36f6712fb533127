using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Signalering.Functions.Tests.Hosting;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// The handler in its own process, started as the Functions host starts a custom handler: a port in
/// FUNCTIONS_CUSTOMHANDLER_PORT, nothing else bound, then GET / until it answers. Killed on dispose.
/// </summary>
public sealed class HandlerProcess : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    public HttpClient Http { get; }

    private HandlerProcess(Process process, int port)
    {
        _process = process;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    }

    public static HandlerProcess Start(ProcessStartInfo psi)
    {
        var port = Azurite.FreePort();
        psi.UseShellExecute = false;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.Environment["FUNCTIONS_CUSTOMHANDLER_PORT"] = port.ToString();
        psi.Environment["ASPNETCORE_URLS"] = ""; // the host's port wins; nothing else may be bound
        var handler = new HandlerProcess(Process.Start(psi)!, port);
        handler._process.OutputDataReceived += (_, e) => { if (e.Data is not null) handler._output.Enqueue(e.Data); };
        handler._process.ErrorDataReceived += (_, e) => { if (e.Data is not null) handler._output.Enqueue(e.Data); };
        handler._process.BeginOutputReadLine();
        handler._process.BeginErrorReadLine();
        return handler;
    }

    /// <summary>The host's readiness probe: GET / until any answer, within 60 s. Fails with the handler's output.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var ready = await Eventually.Async(async () =>
        {
            try { return (await Http.GetAsync("/")).StatusCode == HttpStatusCode.OK; }
            catch (HttpRequestException) { return false; }
        }, timeoutSeconds: 60);
        Assert.True(ready, "The handler did not answer the readiness probe on FUNCTIONS_CUSTOMHANDLER_PORT:\n" + string.Join("\n", _output));
    }

    public void Dispose()
    {
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.Dispose();
        Http.Dispose();
    }
}
