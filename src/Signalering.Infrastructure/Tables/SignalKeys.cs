using Signalering.Domain.Signals;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// Keys of the <c>signals</c> table (design and reasons in docs/storage.md). PartitionKey is the shard, the first
/// symbol of the tracking code: 21 partitions spread the write load, and each signal's rows share one partition so
/// a signal, its events and its to-do markers change together in one transaction.
/// <list type="bullet">
/// <item><c>sig|{code}</c>: the signal.</item>
/// <item><c>sig|{code}|evt|{seq:D4}</c>: its events, in order.</item>
/// <item><c>todo|{kind}|{code}</c>: work still owed to the signal (route, translate); the sweep finds them per shard.</item>
/// </list>
/// '|' sorts below '}', so <c>[sig|{code}, sig|{code}}</c> is exactly one signal with its events.
/// </summary>
public static class SignalKeys
{
    public static string Partition(TrackingCode code) => "s-" + code.Shard;
    public static IEnumerable<string> AllPartitions => TrackingCode.Alphabet.Select(c => "s-" + c);
    public static string Signal(TrackingCode code) => "sig|" + code.Value;
    public static string Event(TrackingCode code, int sequence) => $"sig|{code.Value}|evt|{sequence:D4}";
    public static string Todo(string kind, TrackingCode code) => $"todo|{kind}|{code.Value}";
    public const string TodoPrefix = "todo|";
}

public static class TodoKinds
{
    public const string Route = "route";
    public const string Translate = "translate";
    /// <summary>The signal changed since the reports' aggregates last took it in (set by every save after intake, in the same transaction).</summary>
    public const string Report = "report";
}
