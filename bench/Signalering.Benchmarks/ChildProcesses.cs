using System.Diagnostics;

/// <summary>
/// Every process the benchmark starts (Azurite, the app), stopped with their children however the benchmark ends:
/// a normal return, an unhandled exception (a failed request, a timeout) or Ctrl+C. The Process objects must not be
/// disposed before that (no <c>using</c>): a disposed one can no longer be asked whether it exited, nor killed.
/// </summary>
static class ChildProcesses
{
    private static readonly List<Process> Started = [];
    private static int _hooked;

    public static Process Track(Process process)
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => StopAll();
            AppDomain.CurrentDomain.UnhandledException += (_, _) => StopAll();
            Console.CancelKeyPress += (_, _) => StopAll();
        }
        lock (Started) Started.Add(process);
        return process;
    }

    public static void StopAll()
    {
        lock (Started)
        {
            foreach (var p in Started)
            {
                try { if (!p.HasExited) { p.Kill(entireProcessTree: true); p.WaitForExit(5000); } }
                catch (InvalidOperationException) { } // never started or already gone
            }
            Started.Clear();
        }
    }
}
