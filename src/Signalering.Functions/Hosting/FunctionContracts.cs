namespace Signalering.Functions.Hosting;

/// <summary>What a queue function learns about its message, whoever delivered it (the Functions host or the local runner).</summary>
public sealed record QueueMessageContext(string FunctionName, string MessageId, long DequeueCount, DateTimeOffset? InsertedAt);

/// <summary>
/// A queue-triggered function. Host-agnostic on purpose: the custom-handler endpoint and the local runner both call
/// it, and a move to the isolated worker would be one more thin adapter. Throwing fails the delivery: the message
/// becomes visible again and, after maxDequeueCount deliveries, goes to the poison queue.
/// </summary>
public interface IQueueFunction
{
    string Name { get; }
    Task RunAsync(string message, QueueMessageContext context, CancellationToken cancellationToken);
}

/// <summary>A timer-triggered function; <paramref name="isPastDue"/> when a run was missed.</summary>
public interface ITimerFunction
{
    string Name { get; }
    Task RunAsync(bool isPastDue, CancellationToken cancellationToken);
}

/// <summary>A message the handler could never process, however often it is retried (not JSON, unknown code).</summary>
public sealed class PoisonMessageException(string message) : Exception(message);
