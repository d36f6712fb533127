namespace Signalering.Domain.Signals;

/// <summary>
/// The standard replies to a resident: codes whose texts were written and reviewed in every form language
/// (<c>reply.{code}</c> in data/texts/resident.*.json), so they need no machine translation.
/// </summary>
public static class StandardReplies
{
    public const string Looking = "looking", Planned = "planned", NeedInfo = "needInfo", Solved = "solved", Forwarded = "forwarded";
    /// <summary>Sent with an Awb extension only (its text carries the new date); never chosen on its own.</summary>
    public const string ComplaintExtended = "complaintExtended";

    /// <summary>The replies a coordinator chooses from, in the order they are offered.</summary>
    public static readonly IReadOnlyList<string> Choosable = [Looking, Planned, NeedInfo, Solved, Forwarded];

    public static readonly IReadOnlyList<string> All = [.. Choosable, ComplaintExtended];
}
