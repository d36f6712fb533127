using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// One Azurite per test run, from the repository's pinned npm package, in memory, on free ports; stopped when the
/// test process ends, also when it is killed (Azurite exits when its stdin, held by this process, closes). Tests keep apart by a per-test storage prefix. A test that stops storage starts its own
/// (<see cref="OnDisk"/>).
/// </summary>
public sealed class Azurite : IDisposable
{
    private static readonly Lazy<Azurite> Instance = new(() => new Azurite(), LazyThreadSafetyMode.ExecutionAndPublication);
    public static Azurite Shared => Instance.Value;

    private readonly string? _location;
    private Process _process;
    public int BlobPort { get; }
    public int QueuePort { get; }
    public int TablePort { get; }

    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Azurite(string? location = null)
    {
        _location = location;
        (BlobPort, QueuePort, TablePort) = (FreePort(), FreePort(), FreePort());
        _process = Launch();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        WaitForPorts();
    }

    /// <summary>An Azurite of its own that keeps its data in <paramref name="location"/>, so it can be stopped and started again.</summary>
    public static Azurite OnDisk(string location) => new(location);

    /// <summary>
    /// Stops the process, as an outage would: connections are refused until <see cref="Start"/>. Asked to end (SIGTERM)
    /// rather than killed: Azurite keeps its tables in memory and writes them to disk every few seconds and when it ends,
    /// and Azure Storage does not lose what it acknowledged.
    /// </summary>
    public void Stop()
    {
        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString()])) term.WaitForExit();
        if (!_process.WaitForExit(TimeSpan.FromSeconds(15))) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>Starts it again on the same ports, with the data it had (an on-disk one only).</summary>
    public void Start()
    {
        _process = Launch();
        WaitForPorts();
    }

    private Process Launch()
    {
        var root = RepoRoot.Find();
        var entry = Path.Combine(root, "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(entry)) throw new InvalidOperationException($"Azurite is not installed: run 'npm ci' in {root}.");
        var psi = new ProcessStartInfo("node")
        {
            ArgumentList =
            {
                "--require", Path.Combine(root, "tests", "Signalering.Functions.Tests", "Infrastructure", "exit-with-parent.cjs"),
                entry, "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", BlobPort.ToString(),
                "--queueHost", "127.0.0.1", "--queuePort", QueuePort.ToString(),
                "--tableHost", "127.0.0.1", "--tablePort", TablePort.ToString(),
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true, // held open for Azurite's life: see exit-with-parent.cjs
            UseShellExecute = false,
        };
        if (_location is null) psi.ArgumentList.Add("--inMemoryPersistence");
        else { psi.ArgumentList.Add("--location"); psi.ArgumentList.Add(_location); }
        var process = Process.Start(psi) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public string ConnectionString => ConnectionStringWith(QueuePort);

    /// <summary>A connection string whose queue endpoint is elsewhere (a closed port: queueing fails, tables work).</summary>
    public string ConnectionStringWith(int queuePort) =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + AccountKey + ";" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitForPorts()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var port in new[] { BlobPort, QueuePort, TablePort })
        {
            while (true)
            {
                if (_process.HasExited) throw new InvalidOperationException($"Azurite exited with code {_process.ExitCode}.");
                try
                {
                    using var client = new TcpClient();
                    client.Connect(IPAddress.Loopback, port);
                    break;
                }
                catch (SocketException) when (DateTime.UtcNow < deadline)
                {
                    Thread.Sleep(100);
                }
            }
        }
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }
}

public static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Signalering.sln"))) return dir.FullName;
        throw new InvalidOperationException("Repository root (Signalering.sln) not found.");
    }

    /// <summary>The function app's project folder: host.json, and after a build its functions.metadata under bin/.</summary>
    public static string FunctionApp => Path.Combine(Find(), "src", "Signalering.Functions");
}
