namespace Signalering.Domain.Signals;

/// <summary>
/// The reasons a resident reads when an organisation cancels their signal or sends it back as not theirs: codes whose
/// texts were written in every form language (<c>reason.{code}</c> in data/texts/resident.*.json), so the resident
/// reads why in their own language without a machine. A coordinator may add a few words of their own, which are
/// machine-translated and labelled like a free-text response.
/// </summary>
public static class ResidentReasons
{
    public const string Duplicate = "duplicate", NotOurs = "notOurs", AlreadySolved = "alreadySolved", Unreachable = "unreachable",
        NotPossible = "notPossible";

    /// <summary>The reasons a coordinator chooses from, in the order they are offered.</summary>
    public static readonly IReadOnlyList<string> All = [Duplicate, NotOurs, AlreadySolved, Unreachable, NotPossible];
}

/// <summary>
/// Why the resident's signal was cancelled or sent back (<see cref="ResidentReasons"/>), with the coordinator's own
/// words (<see cref="Text"/>, Dutch) and their version in the resident's language when a translator made one.
/// <see cref="AfterEvent"/> is the status change it explains: the resident sees it while that change is the latest.
/// </summary>
public sealed record ResidentReason(int AfterEvent, string Code, string? Text, string? ResidentText, bool MachineTranslated);
