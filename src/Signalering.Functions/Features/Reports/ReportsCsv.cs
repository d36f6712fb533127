using System.Globalization;
using CsvHelper;
using Signalering.Domain.Reports;
using Signalering.Functions.Web;

namespace Signalering.Functions.Features.Reports;

/// <summary>
/// The reports as CSV files, for the API and the dashboard's downloads alike: as Dutch Excel opens them (semicolons,
/// decimal commas, UTF-8 with a byte-order mark), with the same suppression as on screen.
/// </summary>
public static class ReportsCsv
{
    /// <summary>The report as a CSV file, or the query's errors as a problem.</summary>
    public static IResult ResponseTimes(ReportResult result) => result switch
    {
        ReportResult.Ready ready => ResponseTimes(ready.Report),
        ReportResult.Invalid invalid => Problems.Fields(invalid.Errors),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The register as a CSV file, or the year's error as a problem.</summary>
    public static IResult ComplaintsRegister(RegisterResult result) => result switch
    {
        RegisterResult.Ready(var register) => ComplaintsRegister(register),
        RegisterResult.Invalid(var error) => Problems.Fields([error]),
        _ => throw new InvalidOperationException(),
    };

    private static IResult ResponseTimes(ResponseTimeReport r)
    {
        var csv = Write(w =>
        {
            w.WriteField("Groep");
            w.WriteField("Sleutel");
            foreach (var c in ReportFigures.Columns) w.WriteField(c.Header);
            w.EndRecord();
            Row(w, "Totaal (zonder vertrouwelijk kanaal)", "", r.Total);
            foreach (var row in r.Rows) Row(w, row.Label, row.Key, row.Figures);
            w.WriteField("Vertrouwelijk kanaal (alleen aantallen)");
            w.WriteField("");
            foreach (var c in ReportFigures.Columns)
                w.WriteField(c.Key switch
                {
                    "received" => ReportFigures.Count(r.ConfidentialReceived).ToDutch(),
                    "open" => ReportFigures.Count(r.ConfidentialOpen).ToDutch(),
                    _ => "",
                });
            w.EndRecord();
        });
        return File(csv, $"signalering-reactietijden-{r.Filter.From:yyyyMMdd}-{r.Filter.To:yyyyMMdd}.csv");

        static void Row(CsvWriter w, string label, string key, GroupFigures g)
        {
            w.WriteField(label);
            w.WriteField(key);
            foreach (var c in ReportFigures.Columns) w.WriteField(c.Read(g).ToDutch());
            w.EndRecord();
        }
    }

    private static IResult ComplaintsRegister(ComplaintRegister r)
    {
        var csv = Write(w =>
        {
            string[] headers = ["Volgnummer", "Ontvangen", "Onderwerp", "Behandeld door", "Soort locatie", "Beslissen uiterlijk", "Verlengd (weken)",
                "Afgehandeld op", "Binnen termijn", "Stand"];
            foreach (var h in headers) w.WriteField(h);
            w.EndRecord();
            foreach (var e in r.Entries)
            {
                w.WriteField(e.Number.ToString(CultureInfo.InvariantCulture));
                w.WriteField(e.Received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteField(e.Subject);
                w.WriteField(e.Organisation);
                w.WriteField(e.LocationType);
                w.WriteField(e.DecideBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteField(e.ExtendedByWeeks.ToString(CultureInfo.InvariantCulture));
                w.WriteField(e.Decided?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");
                w.WriteField(DecidedInTime(e.DecidedInTime));
                w.WriteField(e.Status);
                w.EndRecord();
            }
            if (r.ConfidentialCount > 0)
            {
                w.WriteField("");
                w.WriteField("");
                w.WriteField($"Vertrouwelijk kanaal: {ReportFigures.Count(r.ConfidentialCount).ToDutch()} klacht(en), niet afzonderlijk vermeld");
                for (var i = 3; i < headers.Length; i++) w.WriteField("");
                w.EndRecord();
            }
        });
        return File(csv, $"klachtenregister-{r.Year}.csv");
    }

    /// <summary>"Decided in time" as the register says it, in the CSV and on the page.</summary>
    public static string DecidedInTime(bool? inTime) => inTime switch { true => "ja", false => "nee", null => "nog open" };

    /// <summary>Text that a spreadsheet would run as a formula is escaped: names come from reference data that admins edit.</summary>
    private static byte[] Write(Action<CsvWriter> write)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions
               {
                   Separator = ';', WriteByteOrderMark = true, Injection = CsvInjection.Escape, FormatProvider = ReportFigures.Dutch,
               }, true))
        {
            write(csv);
            csv.Flush();
        }
        return stream.ToArray();
    }

    private static IResult File(byte[] csv, string name) => Results.File(csv, "text/csv; charset=utf-8", name);
}
