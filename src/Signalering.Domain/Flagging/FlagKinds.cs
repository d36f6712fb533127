namespace Signalering.Domain.Flagging;

/// <summary>
/// The kinds of danger or sensitivity the flagger recognises. The names are stable identifiers: they are stored and
/// logged with a signal (never the words that matched) and are the keys of the lexicon. Each kind implies one flag.
/// </summary>
public static class FlagKinds
{
    public const string Violence = "violence";
    public const string Fire = "fire";
    public const string Medical = "medical";
    public const string Suicide = "suicide";
    /// <summary>Other immediate danger: a weapon, a gas leak, someone missing or threatened with death.</summary>
    public const string Danger = "danger";

    /// <summary>Abuse, threats, humiliation or extortion by staff (operator, security, caretakers).</summary>
    public const string StaffAbuse = "staff-abuse";
    public const string Sexual = "sexual";
    public const string ChildSafety = "child-safety";
    /// <summary>
    /// Abuse by a partner or family member that the resident reports (ADR 0007, amendment of round 5): a victim afraid to
    /// tell must not have location staff confront the abuser, so it goes to the confidential handler (who can involve
    /// Veilig Thuis) and, when someone is being hurt now, it is an emergency as well through the violence words.
    /// </summary>
    public const string DomesticAbuse = "domestic-abuse";

    /// <summary>
    /// The model (ADR 0010) is confident that the text is an emergency, or sensitive, where no lexicon term matched. It
    /// names no kind of danger: it learned from whole messages, not from words a person listed.
    /// </summary>
    public const string LikelyEmergency = "likely-emergency";
    /// <inheritdoc cref="LikelyEmergency"/>
    public const string LikelySensitive = "likely-sensitive";

    public static readonly IReadOnlyList<string> Emergency = [Violence, Fire, Medical, Suicide, Danger, LikelyEmergency];
    public static readonly IReadOnlyList<string> Sensitive = [StaffAbuse, Sexual, ChildSafety, DomesticAbuse, LikelySensitive];
    public static readonly IReadOnlyList<string> All = [.. Emergency, .. Sensitive];
    /// <summary>The kinds a lexicon lists words for: all but the model's.</summary>
    public static readonly IReadOnlyList<string> Lexicon = [.. All.Except([LikelyEmergency, LikelySensitive])];

    /// <summary>The flag a kind implies; <see cref="SignalFlags.None"/> for a name that is not a kind.</summary>
    public static SignalFlags FlagOf(string kind) =>
        Emergency.Contains(kind) ? SignalFlags.Emergency
        : Sensitive.Contains(kind) ? SignalFlags.Sensitive
        : SignalFlags.None;
}
