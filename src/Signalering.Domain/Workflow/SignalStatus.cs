namespace Signalering.Domain.Workflow;

/// <summary>Where a signal is in its handling. Persisted by the stable codes in <see cref="SignalStatusCodes"/>.</summary>
public enum SignalStatus
{
    Received,
    Routed,
    Accepted,
    InProgress,
    AwaitingResident,
    Forwarded,
    Resolved,
    Merged,
    Cancelled,
    Reopened,
}

public static class SignalStatusCodes
{
    private static readonly Dictionary<SignalStatus, string> Codes = new()
    {
        [SignalStatus.Received] = "received",
        [SignalStatus.Routed] = "routed",
        [SignalStatus.Accepted] = "accepted",
        [SignalStatus.InProgress] = "in-progress",
        [SignalStatus.AwaitingResident] = "awaiting-resident",
        [SignalStatus.Forwarded] = "forwarded",
        [SignalStatus.Resolved] = "resolved",
        [SignalStatus.Merged] = "merged",
        [SignalStatus.Cancelled] = "cancelled",
        [SignalStatus.Reopened] = "reopened",
    };
    private static readonly Dictionary<string, SignalStatus> ByCode = Codes.ToDictionary(kv => kv.Value, kv => kv.Key);

    public static string ToCode(this SignalStatus status) => Codes[status];

    public static bool TryParse(string? code, out SignalStatus status) => ByCode.TryGetValue(code ?? "", out status);

    public static SignalStatus Parse(string code) =>
        ByCode.TryGetValue(code, out var s) ? s : throw new DomainException($"Unknown status '{code}'.", "status");
}
