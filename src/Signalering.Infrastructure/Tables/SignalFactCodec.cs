using System.Globalization;
using System.Text;
using Signalering.Domain.Clocks;
using Signalering.Domain.Reports;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Infrastructure.Tables;

/// <summary>
/// How a <see cref="SignalFact"/> is written into a report cell (<see cref="ReportTable"/>): one line per fact,
/// '|'-separated fields. A day's cell holds many facts in a few properties, so the encoding is terse; it is versioned
/// by its first field so it can change without a rebuild. A storage format, so it lives beside the table, not in the domain.
/// </summary>
public static class SignalFactCodec
{
    private const string Version = "f1";

    /// <summary>
    /// Stands for "the triage organisation" in a fact computed where reference data is not at hand (the report marker,
    /// written with each change of a signal): who triages depends on the routing rules when the fact is applied.
    /// Two values, because it depends on the signal's sensitivity too (<see cref="ResolveTriage"/>).
    /// </summary>
    public static string TriagePlaceholder(Signal s) => s.Flags.Sensitive ? SensitiveTriage : Triage;

    private const string Triage = "~triage", SensitiveTriage = "~triage-s";

    /// <summary>Replaces <see cref="TriagePlaceholder"/> by the organisation <paramref name="triageFor"/> names for that sensitivity.</summary>
    public static SignalFact ResolveTriage(SignalFact f, Func<bool, string> triageFor)
    {
        string? Resolve(string? organisation) => organisation switch { Triage => triageFor(false), SensitiveTriage => triageFor(true), _ => organisation };
        bool IsPlaceholder(string? organisation) => organisation is Triage or SensitiveTriage;
        return IsPlaceholder(f.Organisation) || f.Bounces.Any(b => IsPlaceholder(b.Organisation))
            ? f with { Organisation = Resolve(f.Organisation), Bounces = f.Bounces.Select(b => b with { Organisation = Resolve(b.Organisation)! }).ToList() }
            : f;
    }

    public static string Encode(SignalFact f)
    {
        var b = new StringBuilder(96);
        b.Append(Version).Append('|').Append(f.Code.Value).Append('|').Append(Min(f.ReceivedAt)).Append('|').Append(f.Subcategory).Append('|')
            .Append(f.Organisation).Append('|').Append(f.Status.ToCode()).Append('|')
            .Append(Flags()).Append('|').Append(f.ComplaintExtensionWeeks).Append('|')
            .Append(Dur(f.ToAccept)).Append('|').Append(f.AcceptedInTime switch { true => "1", false => "0", null => "" }).Append('|')
            .Append(Dur(f.ToFirstResponse)).Append('|').Append(Dur(f.ToResolution)).Append('|').Append(Opt(f.ResolvedAt)).Append('|')
            .Append(f.Reopened).Append('|').Append(f.SolvedYes).Append('|').Append(f.SolvedNo).Append('|').Append(f.Forwards).Append('|')
            .Append(f.HandOffs).Append('|').Append(string.Join(';', f.Bounces.Select(x => x.Organisation + ":" + x.Reason))).Append('|')
            .Append(Opt(f.AcknowledgeBy)).Append('|').Append(Opt(f.ResolveBy)).Append('|').Append(Min(f.UpdatedAt));
        return b.ToString();

        string Flags() => (f.Confidential ? "c" : "") + (f.Urgent ? "u" : "") + (f.FormalComplaint ? "k" : "") + (f.ResolvedInTime ? "t" : "");
        static string Dur(Duration? d) => d is { } x ? $"{x.WorkingMinutes}/{x.CalendarMinutes}" : "";
        static string Opt(DateTimeOffset? t) => t is { } x ? Min(x) : "";
    }

    /// <summary>Reads a fact written by <see cref="Encode"/>; the cell it came from supplies day, location and category.</summary>
    public static SignalFact Decode(string line, string locationId, string category, DateOnly? day = null)
    {
        // Span parsing, no Split: a year's report decodes about a hundred thousand of these.
        var at = 0;
        if (!Next(line, ref at).SequenceEqual(Version) || !TrackingCode.TryParse(Next(line, ref at).ToString(), out var code))
            throw new FormatException("Not a signal fact of version " + Version + ".");
        var receivedAt = At(Next(line, ref at));
        var subcategory = Text(Next(line, ref at));
        var organisation = Text(Next(line, ref at));
        var status = SignalStatusCodes.Parse(Next(line, ref at).ToString());
        var flags = Next(line, ref at);
        var extension = Int(Next(line, ref at));
        var toAccept = Dur(Next(line, ref at));
        var inTime = Next(line, ref at);
        var fact = new SignalFact
        {
            Code = code,
            ReceivedAt = receivedAt,
            Day = day ?? WorkingTime.DutchDate(receivedAt),
            LocationId = locationId,
            Category = category,
            Subcategory = subcategory,
            Organisation = organisation,
            Status = status,
            Confidential = flags.Contains('c'),
            Urgent = flags.Contains('u'),
            FormalComplaint = flags.Contains('k'),
            ResolvedInTime = flags.Contains('t'),
            ComplaintExtensionWeeks = extension,
            ToAccept = toAccept,
            AcceptedInTime = inTime switch { "1" => true, "0" => false, _ => null },
            ToFirstResponse = Dur(Next(line, ref at)),
            ToResolution = Dur(Next(line, ref at)),
            ResolvedAt = OptAt(Next(line, ref at)),
            Reopened = Int(Next(line, ref at)),
            SolvedYes = Int(Next(line, ref at)),
            SolvedNo = Int(Next(line, ref at)),
            Forwards = Int(Next(line, ref at)),
            HandOffs = Int(Next(line, ref at)),
            Bounces = Bounces(Next(line, ref at)),
            AcknowledgeBy = OptAt(Next(line, ref at)),
            ResolveBy = OptAt(Next(line, ref at)),
            UpdatedAt = At(Next(line, ref at)),
        };
        if (at <= line.Length) throw new FormatException("A signal fact has 22 fields.");
        return fact;

        // Fields run from `at` to the next '|'; after the last one `at` stands past the end.
        static ReadOnlySpan<char> Next(string line, ref int at)
        {
            if (at > line.Length) throw new FormatException("A signal fact has 22 fields.");
            var end = line.IndexOf('|', at);
            if (end < 0) end = line.Length;
            var field = line.AsSpan(at, end - at);
            at = end + 1;
            return field;
        }
        static string? Text(ReadOnlySpan<char> s) => s.IsEmpty ? null : s.ToString();
        static int Int(ReadOnlySpan<char> s) => int.Parse(s, CultureInfo.InvariantCulture);
        static DateTimeOffset At(ReadOnlySpan<char> s) => DateTimeOffset.FromUnixTimeSeconds(long.Parse(s, CultureInfo.InvariantCulture) * 60);
        static DateTimeOffset? OptAt(ReadOnlySpan<char> s) => s.IsEmpty ? null : At(s);
        static Duration? Dur(ReadOnlySpan<char> s)
        {
            if (s.IsEmpty) return null;
            var i = s.IndexOf('/');
            return new Duration(Int(s[..i]), Int(s[(i + 1)..]));
        }
        static IReadOnlyList<Bounce> Bounces(ReadOnlySpan<char> s) =>
            s.IsEmpty ? [] : s.ToString().Split(';').Select(x => x.Split(':', 2)).Select(x => new Bounce(x[0], x[1])).ToList();
    }

    // Minutes since the epoch: the resolution of every figure in the reports, and half the characters of seconds.
    private static string Min(DateTimeOffset t) => (t.ToUnixTimeSeconds() / 60).ToString(CultureInfo.InvariantCulture);
}
