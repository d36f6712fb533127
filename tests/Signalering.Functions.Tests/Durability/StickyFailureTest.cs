using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Issue 15's sticky failure: one failed queue creation broke that queue for the life of the process (every later
/// submit "routed" and nothing reached the organisation). A failed creation must be tried again on the next use.
/// </summary>
public sealed class StickyFailureTest
{
    [Fact]
    public async Task FailedQueueCreation_IsRetriedOnTheNextUse_AndMessagesArrive()
    {
        var fault = new FaultPolicy(m => m.Request.Method == RequestMethod.Put && m.Request.Uri.Path.EndsWith("org-coa-luttelgeest", StringComparison.Ordinal));
        using var app = new SignaleringApp { ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) };
        var queues = app.Services.GetRequiredService<SignalQueues>();
        var name = "org-coa-luttelgeest";

        fault.Failing = true;
        await Assert.ThrowsAnyAsync<Exception>(() => queues.GetAsync(name));
        Assert.True(fault.Failed > 0);

        fault.Failing = false;
        var client = await queues.GetAsync(name);
        Assert.True(await client.ExistsAsync());

        // And the whole path works again without a restart: a signal routed now reaches COA's queue.
        var code = await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app));
        await app.DrainAsync(QueueNames.Intake, "ProcessSignal");
        Assert.Contains(await app.PeekOrganisationQueueAsync("coa-luttelgeest"), m => m.GetProperty("trackingCode").GetString() == code);
    }

    [Fact]
    public async Task FailedAuditTableCreation_IsRetriedOnTheNextWrite()
    {
        var fault = new FaultPolicy(m => m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("/Tables", StringComparison.Ordinal));
        using var app = new SignaleringApp { ExtraServices = s => s.AddSingleton<HttpPipelinePolicy>(fault) };
        var audit = app.Services.GetRequiredService<AuditTable>();
        Assert.True(Domain.Signals.TrackingCode.TryParse(await app.CreateClient().SubmitAcceptedAsync(Intakes.Body(app)), out var code));
        var entry = new AuditEntry(code.Value, DateTimeOffset.UtcNow, "tester", "coa-luttelgeest", "read");

        fault.Failing = true;
        await Assert.ThrowsAnyAsync<Exception>(() => audit.WriteAsync(entry, CancellationToken.None));
        fault.Failing = false;
        await audit.WriteAsync(entry, CancellationToken.None);
        Assert.Single(await audit.ForAsync(code, CancellationToken.None));
    }
}
