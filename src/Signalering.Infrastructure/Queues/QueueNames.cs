namespace Signalering.Infrastructure.Queues;

/// <summary>Queue names as they appear in the functions' [QueueTrigger] attributes (without the per-run test prefix).</summary>
public static class QueueNames
{
    /// <summary>Accepted signals waiting to be routed: read by the ProcessSignal function.</summary>
    public const string Intake = "signals-intake";
    /// <summary>Routed signals whose text still needs a Dutch translation: read by the TranslateSignal function.</summary>
    public const string Translate = "signals-translate";

    public static string Poison(string queue) => queue + "-poison";
}
