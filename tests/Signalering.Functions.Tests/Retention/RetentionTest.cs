using System.Net;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Signalering.Domain.Signals;
using Signalering.Functions.Features.Processing;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Retention;

/// <summary>
/// Retention on a fake clock: a closed signal loses its contact details after 30 days and everything its resident
/// wrote or photographed (with the replies written for them) after 365, from every table, queue and blob container;
/// the reports do not change, an open signal keeps everything, and a second run finds nothing to do.
/// </summary>
public sealed class RetentionTest
{
    private const string Text = "De kraan in kamer 12 lekt al weken";
    private const string Phone = "0612345678";
    private const string Email = "fatima.r@example.org";
    private const string Note = "Bewoner Fatima R. belde zelf nog";
    private const string Response = "Monteur Jansen komt donderdag langs";
    private const string ResidentResponse = "A plumber comes on Thursday";
    private const string Comment = "Het lekt nog steeds bij het raam";
    // A real 1×1 PNG.
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    [Fact]
    public async Task ApplyRetention_AfterThePeriods_LeavesNoContactTextOrPhotoAnywhere_AndTheReportsUnchanged()
    {
        await using var stub = await TranslatorStub.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var timed = Processing.TranslationTest.AppWith(stub, clock);

        var client = timed.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var form = new MultipartFormDataContent
        {
            { new StringContent("form-" + Guid.NewGuid().ToString("N")), "idempotencyKey" },
            { new StringContent(Text), "text" },
            { new StringContent(Phone), "phone" },
            { new StringContent(Email), "email" },
            { new StringContent("true"), "contactConsent" },
            { new ByteArrayContent(Photo), "photo", "kraan.png" },
        };
        var posted = await client.PostAsync($"/r/{timed.Token(Intakes.AzcMainBuilding)}/en/wonen/wonen-vocht", form);
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var code = Regex.Match(posted.Headers.Location!.ToString(), @"([^/?]+)(\?[^/]*)?$").Groups[1].Value; // the code ends the confirmation's address

        // An open signal with contact details: retention leaves it alone however old it gets.
        var open = Intakes.Body(timed, text: "Geen warm water in blok C");
        open["contact"] = new { phone = "0687654321" };
        open["contactConsent"] = true;
        var openCode = await timed.CreateClient().SubmitAcceptedAsync(open);

        await timed.DrainAsync(QueueNames.Intake, "ProcessSignal");
        await timed.DrainAsync(QueueNames.Translate, "TranslateSignal");
        await HandleAsync(timed, clock, code);
        await timed.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);
        var reportsBefore = await ReportsAsync(timed);
        var all = await StorageInventory.TakeAsync(timed);
        foreach (var needle in new[] { Text, Phone, Email, Note, Response, ResidentResponse, Comment })
            Assert.NotEmpty(all.Find(needle)); // the test looks where the data really is
        Assert.Contains(all.Blobs.Values.SelectMany(b => b), b => b.Name.StartsWith(code + "/"));

        clock.Advance(TimeSpan.FromDays(29));
        (await timed.InvokeTimerAsync("ApplyRetention")).EnsureSucceeded();
        Assert.NotEmpty((await StorageInventory.TakeAsync(timed)).Find(Phone));

        clock.Advance(TimeSpan.FromDays(2)); // 31 days closed: contact details go, the rest stays
        (await timed.InvokeTimerAsync("ApplyRetention")).EnsureSucceeded();
        var month = await StorageInventory.TakeAsync(timed);
        Assert.Empty(month.Find(Phone));
        Assert.Empty(month.Find(Email));
        Assert.NotEmpty(month.Find(Text));
        Assert.NotEmpty(month.Find("0687654321"));

        clock.Advance(TimeSpan.FromDays(335)); // 366 days closed
        (await timed.InvokeTimerAsync("ApplyRetention")).EnsureSucceeded();
        var year = await StorageInventory.TakeAsync(timed);
        foreach (var needle in new[] { Text, Phone, Email, Note, Response, ResidentResponse, Comment })
            Assert.True(!year.Find(needle).Any(), $"'{needle}' is still in {string.Join(", ", year.Find(needle))}");
        Assert.DoesNotContain(year.Blobs.Values.SelectMany(b => b), b => b.Name.StartsWith(code + "/"));
        Assert.DoesNotContain(year.Blobs.Values.SelectMany(b => b), b => b.Content.AsSpan().SequenceEqual(Photo));
        Assert.NotEmpty(year.Find("Geen warm water in blok C"));
        Assert.NotEmpty(year.Find("0687654321"));

        var signal = await timed.LoadAsync(code);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.ContactErased);
        Assert.Contains(signal.Events, e => e.Kind == SignalEventKinds.Anonymised);
        Assert.Equal("wonen-vocht", signal.Subcategory); // the facts stay
        Assert.Equal(HttpStatusCode.OK, (await timed.CreateClient().GetAsync("/s/" + code)).StatusCode);

        await timed.Services.GetRequiredService<ReportAggregates>().UpdateAsync(CancellationToken.None);
        Assert.Equal(reportsBefore, await ReportsAsync(timed));

        var again = await timed.Services.GetRequiredService<RetentionService>().RunAsync(CancellationToken.None);
        Assert.Equal((0, 0, 0), (again.ContactsErased, again.Anonymised, again.PhotosDeleted));
        Assert.NotNull((await timed.LoadAsync(openCode)).Contact); // still open: still reachable
    }

    [Fact]
    public async Task ApplyRetention_DeletesAnAuditTrailWholeOnceItsNewestEntryIsPastThePeriod()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
        using var app = new SignaleringApp { Clock = clock };
        app.Settings["Retention:AuditDays"] = "400";
        var audit = app.Services.GetRequiredService<AuditTable>();
        var codes = TrackingCode.Alphabet.Select(c => "3333333" + c + "4").SelectMany(d => TrackingCode.Alphabet.Select(c => d + c))
            .Where(c => TrackingCode.TryParse(c, out _)).Take(2).Select(c => { TrackingCode.TryParse(c, out var t); return t; }).ToArray();
        var (stillRead, forgotten) = (codes[0], codes[1]);
        var start = clock.GetUtcNow();
        await audit.WriteAsync(new AuditEntry(stillRead.Value, start, "coordinator-1", "coa", "read"), CancellationToken.None);
        await audit.WriteAsync(new AuditEntry(forgotten.Value, start, "coordinator-1", "coa", "read"), CancellationToken.None);
        await audit.WriteAsync(new AuditEntry(forgotten.Value, start.AddMinutes(5), "coordinator-1", "coa", "accept"), CancellationToken.None);
        await audit.WriteAsync(new AuditEntry(stillRead.Value, start.AddDays(100), "coordinator-2", "coa", "read"), CancellationToken.None);

        clock.Advance(TimeSpan.FromDays(399));
        (await app.InvokeTimerAsync("ApplyRetention")).EnsureSucceeded();
        Assert.Equal(2, (await audit.ForAsync(forgotten, CancellationToken.None)).Count);

        clock.Advance(TimeSpan.FromDays(2)); // 401 days after the forgotten signal's last entry, 301 after the other's
        var run = await app.Services.GetRequiredService<RetentionService>().RunAsync(CancellationToken.None);
        Assert.Equal(2, run.AuditEntriesErased);
        Assert.Empty(await audit.ForAsync(forgotten, CancellationToken.None));
        Assert.Equal(["read", "read"], (await audit.ForAsync(stillRead, CancellationToken.None)).Select(e => e.Action)); // whole, from its first read

        clock.Advance(TimeSpan.FromDays(100));
        (await app.InvokeTimerAsync("ApplyRetention")).EnsureSucceeded();
        Assert.Empty(await audit.ForAsync(stillRead, CancellationToken.None));
        Assert.Equal(0, (await app.Services.GetRequiredService<RetentionService>().RunAsync(CancellationToken.None)).AuditEntriesErased);
    }

    /// <summary>What a coordinator and the resident do: accept, note, reply, resolve; "not solved" with a comment; resolved again.</summary>
    private static async Task HandleAsync(SignaleringApp app, FakeTimeProvider clock, string trackingCode)
    {
        Assert.True(TrackingCode.TryParse(trackingCode, out var code));
        var stored = (await app.Signals.GetAsync(code, CancellationToken.None))!;
        var s = stored.Signal;
        var org = s.OrganisationId!;
        clock.Advance(TimeSpan.FromHours(1));
        s.Accept(org, clock.GetUtcNow());
        s.AddNote(org, Note, clock.GetUtcNow());
        s.Respond(new ResidentResponse(0, clock.GetUtcNow(), org, "nl", Response, ResidentResponse, true, null), clock.GetUtcNow());
        s.Resolve(org, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));
        s.AnswerSolved(false, Comment, clock.GetUtcNow());
        clock.Advance(TimeSpan.FromHours(1));
        s.Resolve(org, clock.GetUtcNow());
        Assert.NotNull(await app.Signals.SaveAsync(stored, s, [], [], clock.GetUtcNow(), CancellationToken.None));
    }

    private static async Task<string> ReportsAsync(SignaleringApp app)
    {
        var rows = new List<string>();
        await foreach (var e in app.Table(ReportTable.TableName).QueryAsync<TableEntity>())
            rows.Add(e.PartitionKey + "/" + e.RowKey + ":" + string.Join(";", e.Where(p => p.Key is not ("Timestamp" or "odata.etag"))
                .OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + "=" + p.Value)));
        Assert.NotEmpty(rows);
        return string.Join("\n", rows.Order(StringComparer.Ordinal));
    }
}
