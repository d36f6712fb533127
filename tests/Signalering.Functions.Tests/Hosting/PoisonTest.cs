using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Queues;

namespace Signalering.Functions.Tests.Hosting;

/// <summary>The local queue runner applies host.json: retries with visibility timeout, then {queue}-poison.</summary>
public sealed class PoisonTest : IDisposable
{
    private readonly string _scriptRoot = FastHost.Create(maxDequeueCount: 3);
    private readonly SignaleringApp _app;

    public PoisonTest() => _app = new SignaleringApp { RunTriggersLocally = true, ScriptRoot = _scriptRoot };

    public void Dispose()
    {
        _app.Dispose();
        Directory.Delete(_scriptRoot, recursive: true);
    }

    [Fact]
    public async Task LocalRunner_MessageThatAlwaysFails_MovesToPoisonAfterMaxDequeueCount()
    {
        _ = _app.Services; // start the app and its runners
        var intake = _app.Queue(QueueNames.Intake);
        await intake.CreateIfNotExistsAsync();
        await intake.SendMessageAsync("{\"trackingCode\":\"333-333-3333\"}"); // well-formed JSON, no such signal: fails every time

        var poison = _app.Queue(QueueNames.Poison(QueueNames.Intake));
        var moved = await Eventually.Async(async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync()).Value.Length == 1);
        Assert.True(moved, "The failing message did not reach the poison queue.");
        var message = Assert.Single((await poison.PeekMessagesAsync()).Value);
        Assert.Contains("333-333-3333", message.Body.ToString());
        Assert.Empty((await intake.PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task LocalRunner_NonBase64Message_GoesToPoisonAtOnce()
    {
        _ = _app.Services;
        var raw = _app.RawQueue(QueueNames.Intake);
        await raw.CreateIfNotExistsAsync();
        await raw.SendMessageAsync("this is not base64 {");

        var poison = _app.RawQueue(QueueNames.Poison(QueueNames.Intake));
        Assert.True(await Eventually.Async(async () => await poison.ExistsAsync() && (await poison.PeekMessagesAsync()).Value.Length == 1));
        var message = Assert.Single((await poison.PeekMessagesAsync()).Value);
        Assert.Equal(0, message.DequeueCount); // a fresh copy: never delivered to the function
        Assert.Equal("this is not base64 {", message.Body.ToString());
    }

    [Fact]
    public async Task LocalRunner_ValidSignal_IsRoutedWithoutAnyManualStep()
    {
        var code = await _app.CreateClient().SubmitAcceptedAsync(Intakes.Body(_app));
        Assert.True(await Eventually.Async(async () => (await _app.PeekOrganisationQueueAsync("coa-luttelgeest")).Count == 1));
        Assert.Equal(Domain.Workflow.SignalStatus.Routed, (await _app.LoadAsync(code)).Status);
    }
}

public static class Eventually
{
    public static async Task<bool> Async(Func<Task<bool>> condition, int timeoutSeconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return await condition();
    }
}

/// <summary>A script root holding only a host.json tuned for fast retries.</summary>
public static class FastHost
{
    public static string Create(int maxDequeueCount)
    {
        var root = Path.Combine(Path.GetTempPath(), "signalering-host-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, "host.json"), $$"""
            { "version": "2.0",
              "extensions": { "queues": { "batchSize": 4, "maxDequeueCount": {{maxDequeueCount}}, "visibilityTimeout": "00:00:00",
                                          "maxPollingInterval": "00:00:00.200", "messageEncoding": "base64" } } }
            """);
        return root;
    }
}
