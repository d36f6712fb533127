using System.Globalization;
using CsvHelper;
using Signalering.Domain;
using Signalering.Domain.Categories;
using Signalering.Domain.Expertpool;
using Signalering.Infrastructure.Tables;

using Signalering.Functions.Features.Admin;

namespace Signalering.Functions.Features.Expertpool;

/// <summary>A signal category related to an indicator and how many signals came in; null count: a sensitive category with fewer than 5.</summary>
public sealed record CategoryCount(string Code, string Name, int? Count);

/// <summary>What residents reported on an indicator's theme from the consultation's locations while it was open.</summary>
public sealed record IndicatorSignals(string Indicator, int Total, IReadOnlyList<CategoryCount> Categories);

public sealed record ConsultationReport(Consultation Consultation, ConsultationAnalysis Analysis, IReadOnlyList<IndicatorSignals> Signals);

/// <summary>The analysis of a consultation next to the signals, and its exports (CSV for spreadsheets, bookkeeping, mailing).</summary>
public sealed class ExpertpoolReports(ExpertpoolService expertpool, SignalTable signals, ReferenceDataProvider reference)
{
    /// <summary>Dutch spreadsheets: semicolon-separated, decimal comma.</summary>
    public static readonly CultureInfo Csv = CultureInfo.GetCultureInfo("nl-NL");

    public async Task<ConsultationReport> ReportAsync(Consultation c, CancellationToken ct)
    {
        var analysis = ConsultationAnalysis.Of(c, await expertpool.Tables.AnswersAsync(c.Id, ct));
        var received = new List<(string Category, string? Subcategory)>();
        foreach (var location in c.LocationIds)
            await foreach (var s in signals.QueryAsync(ExpertpoolService.SignalFilter(c, location), ct))
                received.Add((s.Category, s.Subcategory));
        var categories = (await reference.GetAsync(ct)).Categories;
        var related = Indicators.All.Where(i => c.Indicators.Contains(i.Code) || c.Questions.Any(q => q.Indicator == i.Code)).Select(i =>
            new IndicatorSignals(i.Code, received.Count(r => i.Covers(r.Category, r.Subcategory)), i.CategoryCodes.Select(code =>
            {
                var count = received.Count(r => r.Category == code || r.Subcategory == code);
                var known = categories.TryGet(code, out var category);
                // A handful of signals in a sensitive category, at one location, in a few weeks, can point at a person.
                return new CategoryCount(code, known ? category.NameIn("nl") : code,
                    known && category.Sensitive && count < ConsultationAnalysis.MinimumGroupSize ? null : count);
            }).ToList())).ToList();
        return new ConsultationReport(c, analysis, related);
    }

    /// <summary>
    /// One row per indicator and group: count, mean, median, distribution; small groups as "&lt;5" with nothing else,
    /// and a group hidden with them so the total cannot be used to work them out as "verborgen".
    /// </summary>
    public static string AnalysisCsv(ConsultationReport report)
    {
        List<string?[]> rows = [["indicator", "groep", "aantal", "gemiddelde", "mediaan", .. Enumerable.Range(1, 10).Select(n => $"score {n}"), "signalen"]];
        foreach (var r in report.Analysis.Indicators)
        {
            rows.Add(Row(r.Indicator.DutchName, "Alle groepen", r.All, report.Signals.FirstOrDefault(s => s.Indicator == r.Indicator.Code)?.Total));
            rows.AddRange(r.ByGroup.Select(g => Row(r.Indicator.DutchName, TargetGroups.DutchName(g.TargetGroup), g.Suppressed ? null : g.Scores, null,
                g.Complementary ? "verborgen" : null)));
        }
        return Write(rows);
    }

    // "verborgen": big enough, hidden so that a smaller group cannot be had from the total by subtraction.
    private static string?[] Row(string indicator, string group, ScoreSummary? s, int? signalCount, string? hiddenAs = null) => s is null
        ? [indicator, group, hiddenAs ?? $"<{ConsultationAnalysis.MinimumGroupSize}", .. new string?[12], Number(signalCount)]
        : [indicator, group, Number(s.Count), Number(s.Mean is { } m ? Math.Round(m, 2) : null), Number(s.Median), .. s.Distribution.Select(n => Number(n)), Number(signalCount)];

    private static string? Number(double? n) => n?.ToString(Csv);

    /// <summary>For the municipality's bookkeeping: who attended (members by a short reference, walk-ins by number) and what was paid.</summary>
    public static string AttendanceCsv(Consultation c)
    {
        List<string?[]> rows = [["consultatie", "titel", "deelnemer", "soort", "bedrag (euro)", "betaalwijze"]];
        var n = 0;
        foreach (var a in c.Attendance)
            rows.Add([c.Id, c.Title, a.MemberKey is null ? $"inloop {++n}" : "lid " + a.MemberKey[..8], a.MemberKey is null ? "inloop" : "lid",
                (a.AmountCents / 100m).ToString("0.00", Csv), a.Method.ToString()]);
        for (var i = c.Attendance.Count(a => a.MemberKey is null); i < c.WalkIns; i++)
            rows.Add([c.Id, c.Title, $"inloop {++n}", "inloop", 0m.ToString("0.00", Csv), nameof(CompensationMethod.None)]);
        return Write(rows);
    }

    /// <summary>
    /// Semicolon-separated with decimal commas, as Dutch spreadsheets open it. Text that members or staff typed could
    /// start with "=" or "+": it is escaped, so a spreadsheet never runs it as a formula.
    /// </summary>
    private static string Write(IEnumerable<string?[]> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, new CsvWriterOptions { Separator = ';', Injection = CsvInjection.Escape, FormatProvider = Csv }, leaveOpen: true))
            foreach (var row in rows) csv.WriteRecord(row!);
        return text.ToString();
    }

    /// <summary>One line per message the organisers must send: invitations not yet used, or only those with a reminder due.</summary>
    public async Task<string> MailingCsvAsync(Consultation c, bool remindersOnly, string baseUrl, CancellationToken ct)
    {
        List<string?[]> rows = [["kanaal", "adres", "taal", "link", "sluit"]];
        foreach (var i in await expertpool.Tables.InvitationsOfConsultationAsync(c.Id, ct))
        {
            if (i.Used || i.MemberKey is null || i.Channel == InviteChannel.Location || (remindersOnly && i.ReminderDueAt is null)) continue;
            if (await expertpool.Tables.GetMemberAsync(i.MemberKey, ct) is not { Contact: { } contact } member) continue;
            rows.Add([i.Channel == InviteChannel.Email ? "email" : "telefoon", contact, member.Language, $"{baseUrl}/e/i/{expertpool.InvitationToken(i)}",
                c.ClosesAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)]);
        }
        return Write(rows);
    }
}
