using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Signalering.Functions.Tests.Infrastructure;

/// <summary>
/// A storage pipeline policy that fails chosen calls while <see cref="Failing"/> is set, as a dropped connection does
/// (the SDK retries it, then gives up), and counts every call it sees (or those <paramref name="counts"/> picks).
/// </summary>
public sealed class FaultPolicy(Func<HttpMessage, bool> affects, Func<HttpMessage, bool>? counts = null) : HttpPipelinePolicy
{
    public volatile bool Failing;
    public int Calls;
    public int Failed;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (counts?.Invoke(message) ?? true) Interlocked.Increment(ref Calls);
        if (Failing && affects(message)) { Interlocked.Increment(ref Failed); throw new RequestFailedException("injected: storage unreachable"); }
        ProcessNext(message, pipeline);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (counts?.Invoke(message) ?? true) Interlocked.Increment(ref Calls);
        if (Failing && affects(message)) { Interlocked.Increment(ref Failed); throw new RequestFailedException("injected: storage unreachable"); }
        await ProcessNextAsync(message, pipeline);
    }
}
