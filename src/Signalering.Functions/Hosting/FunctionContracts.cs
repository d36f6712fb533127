namespace Signalering.Functions.Hosting;

/// <summary>A message a queue function can never process, however often it is retried (not JSON, unknown code).</summary>
public sealed class PoisonMessageException(string message) : Exception(message);
