using System.Net;
using System.Text.Json;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Admin;

/// <summary>Queue depths and replaying poison messages once their cause is fixed (docs/operations.md).</summary>
public sealed class OperationsEndpointsTest : IDisposable
{
    private readonly SignaleringApp _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ReplayPoison_MovesMessagesBack_AndTheSignalIsRouted()
    {
        var client = _app.Admin();
        var code = await client.SubmitAcceptedAsync(Intakes.Body(_app));
        // Simulate a failure that poisoned the intake message, exactly as the host leaves it.
        var intake = _app.RawQueue(QueueNames.Intake);
        var poison = _app.RawQueue(QueueNames.Poison(QueueNames.Intake));
        await poison.CreateIfNotExistsAsync();
        var original = Assert.Single((await intake.ReceiveMessagesAsync(32)).Value);
        await poison.SendMessageAsync(original.MessageText);
        await intake.DeleteMessageAsync(original.MessageId, original.PopReceipt);

        var depths = JsonDocument.Parse(await client.GetStringAsync("/api/admin/queues")).RootElement;
        Assert.Equal(1, depths.GetProperty("signals-intake-poison").GetInt32());
        Assert.Equal(0, depths.GetProperty("signals-intake").GetInt32());

        var replay = await client.PostAsync("/api/admin/queues/signals-intake/replay-poison", null);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal(1, JsonDocument.Parse(await replay.Content.ReadAsStringAsync()).RootElement.GetProperty("replayed").GetInt32());
        Assert.Empty((await poison.PeekMessagesAsync()).Value);
        Assert.Equal(original.MessageText, Assert.Single((await intake.PeekMessagesAsync()).Value).MessageText);

        Assert.Equal(1, await _app.DrainAsync(QueueNames.Intake, "ProcessSignal"));
        Assert.Equal(Domain.Workflow.SignalStatus.Routed, (await _app.LoadAsync(code)).Status);
    }

    [Theory]
    [InlineData("/api/admin/queues/org-coa-luttelgeest/replay-poison", HttpStatusCode.NotFound, "queue")]
    [InlineData("/api/admin/queues/signals-intake/replay-poison?max=0", HttpStatusCode.BadRequest, "max")]
    [InlineData("/api/admin/queues/signals-intake/replay-poison?max=501", HttpStatusCode.BadRequest, "max")]
    public async Task ReplayPoison_BadRequest_IsAProblemNamingTheField(string path, HttpStatusCode status, string field)
    {
        var response = await _app.Admin().PostAsync(path, null);
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }
}
