using Signalering.Domain.Clocks;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Reports;

/// <summary>
/// What the reports need to know of one signal, derived from its state and history and nothing else: no text, no
/// contact details, no language. Facts are recomputed whole after every change (never patched with increments), so
/// a retried or repeated update gives the same aggregate, and a rebuild from the signals gives the live numbers.
/// Durations are minutes: working minutes (09:00–17:00 on Dutch working days, paused while awaiting the resident)
/// and calendar minutes.
/// </summary>
public sealed record SignalFact
{
    public required TrackingCode Code { get; init; }
    public required DateTimeOffset ReceivedAt { get; init; }
    public required string LocationId { get; init; }
    public required string Category { get; init; }
    public string? Subcategory { get; init; }
    /// <summary>The organisation responsible now (for a closed signal: the one that closed it).</summary>
    public string? Organisation { get; init; }
    public required SignalStatus Status { get; init; }
    /// <summary>In the confidential channel: reported only as aggregate counts.</summary>
    public bool Confidential { get; init; }
    public bool Urgent { get; init; }
    public bool FormalComplaint { get; init; }
    public int ComplaintExtensionWeeks { get; init; }

    /// <summary>From reaching the organisation (routing or escalation) to its first acceptance.</summary>
    public Duration? ToAccept { get; init; }
    /// <summary>Accepted within the category's acknowledgement time; null while not yet accepted.</summary>
    public bool? AcceptedInTime { get; init; }
    /// <summary>From receipt to the first response to the resident.</summary>
    public Duration? ToFirstResponse { get; init; }
    /// <summary>From receipt to the (latest) resolution, while the signal stands resolved.</summary>
    public Duration? ToResolution { get; init; }
    public DateTimeOffset? ResolvedAt { get; init; }
    public bool ResolvedInTime { get; init; }

    public int Reopened { get; init; }
    public int SolvedYes { get; init; }
    public int SolvedNo { get; init; }
    public int Forwards { get; init; }
    /// <summary>Forwards plus escalations: how often the signal changed hands after the first routing.</summary>
    public int HandOffs { get; init; }
    /// <summary>Organisations that let the signal go back to triage, with why ("not-accepted-in-time", "not-ours").</summary>
    public IReadOnlyList<Bounce> Bounces { get; init; } = [];

    /// <summary>While not accepted: the acknowledgement deadline. While open and not paused: the resolution deadline.</summary>
    public DateTimeOffset? AcknowledgeBy { get; init; }
    public DateTimeOffset? ResolveBy { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    public bool IsOpen => SignalWorkflow.IsOpen(Status);
    /// <summary>The Dutch date of receipt: the day of the fact's cell. Stored, not derived on each read: reports ask it of every fact several times.</summary>
    public required DateOnly Day { get; init; }


    public bool IsOverdue(DateTimeOffset now) => IsOpen && ((AcknowledgeBy is { } a && now > a) || (ResolveBy is { } r && now > r));

    /// <summary>The fact of <paramref name="s"/>, whose history must be complete. <paramref name="triageOf"/> names where an escalation sends it.</summary>
    public static SignalFact From(Signal s, Func<Signal, string> triageOf)
    {
        var work = WorkingTime.Netherlands;
        string? holder = null;
        DateTimeOffset? arrived = null, firstAccept = null, firstResponse = null, lastResolved = null;
        var bounces = new List<Bounce>();
        int reopened = 0, yes = 0, no = 0, forwards = 0, handOffs = 0;
        DateTimeOffset updated = s.ReceivedAt;
        foreach (var e in s.Events)
        {
            updated = e.At > updated ? e.At : updated;
            switch (e.Kind)
            {
                case SignalEventKinds.Routed:
                    holder = e.Detail;
                    if (firstAccept is null) arrived = e.At;
                    break;
                case SignalEventKinds.Forwarded:
                    holder = e.Detail; forwards++; handOffs++;
                    break;
                case SignalEventKinds.Escalated:
                    if (holder is not null) bounces.Add(new Bounce(holder, e.Detail ?? ""));
                    holder = triageOf(s); handOffs++;
                    if (firstAccept is null) arrived = e.At;
                    break;
                case SignalEventKinds.Responded:
                    firstResponse ??= e.At;
                    break;
                case SignalEventKinds.ResidentAnswered:
                    if (e.Detail == "solved") yes++; else no++;
                    break;
                case SignalEventKinds.StatusChanged when e.Detail == SignalStatus.Accepted.ToCode():
                    firstAccept ??= e.At;
                    break;
                case SignalEventKinds.StatusChanged when e.Detail == SignalStatus.Resolved.ToCode():
                    lastResolved = e.At;
                    break;
                case SignalEventKinds.StatusChanged when e.Detail == SignalStatus.Reopened.ToCode():
                    reopened++;
                    break;
            }
        }

        var clocks = SignalClocks.For(s, updated);
        var resolved = s.Status == SignalStatus.Resolved ? lastResolved : null;
        Duration? toResolution = null;
        if (resolved is { } r)
        {
            var (paused, _) = SignalClocks.PausedTime(s, r, work); // the report's working duration: working time on both sides
            toResolution = new Duration(Minutes(work.Between(s.ReceivedAt, r) - paused), Minutes(r - s.ReceivedAt));
        }
        // From when it last reached an organisation by routing or escalation, on the signal's own clock (as the inbox counts).
        var acknowledgeBy = arrived is { } a0 ? SignalClocks.PromisedBy(s.Promise, a0, SignalClocks.TimeOf(s)).AcknowledgeBy : (DateTimeOffset?)null;
        return new SignalFact
        {
            Code = s.Code,
            ReceivedAt = s.ReceivedAt,
            Day = WorkingTime.DutchDate(s.ReceivedAt),
            LocationId = s.LocationId,
            Category = s.Category,
            Subcategory = s.Subcategory,
            Organisation = s.OrganisationId,
            Status = s.Status,
            Confidential = s.Flags.Sensitive || s.RoutingReason == Routing.RoutingReason.Confidential,
            Urgent = s.IsUrgent,
            FormalComplaint = s.FormalComplaint,
            ComplaintExtensionWeeks = s.ComplaintExtensionWeeks,
            ToAccept = firstAccept is { } acc && arrived is { } arr ? Between(arr, acc) : null,
            AcceptedInTime = firstAccept is { } acc2 && acknowledgeBy is { } by ? acc2 <= by : null,
            ToFirstResponse = firstResponse is { } fr ? Between(s.ReceivedAt, fr) : null,
            ToResolution = toResolution,
            ResolvedAt = resolved,
            ResolvedInTime = resolved is { } r2 && clocks.ResolveBy is { } rb && r2 <= rb,
            Reopened = reopened,
            SolvedYes = yes,
            SolvedNo = no,
            Forwards = forwards,
            HandOffs = handOffs,
            Bounces = bounces,
            AcknowledgeBy = firstAccept is null && SignalWorkflow.IsOpen(s.Status) ? acknowledgeBy : null,
            ResolveBy = SignalWorkflow.IsOpen(s.Status) && !clocks.Paused ? clocks.ResolveBy : null,
            UpdatedAt = updated,
        };

        static Duration Between(DateTimeOffset from, DateTimeOffset to) =>
            new(Minutes(WorkingTime.Netherlands.Between(from, to)), Minutes(to - from));
    }

    private static int Minutes(TimeSpan t) => t <= TimeSpan.Zero ? 0 : (int)Math.Round(t.TotalMinutes);
}

/// <summary>A length of time in whole minutes, both as working time and as calendar time.</summary>
public readonly record struct Duration(int WorkingMinutes, int CalendarMinutes);

/// <summary>An organisation let a signal go back to municipality triage.</summary>
public sealed record Bounce(string Organisation, string Reason);
