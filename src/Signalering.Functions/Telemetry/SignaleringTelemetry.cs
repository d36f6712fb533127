using System.Diagnostics;
using System.Diagnostics.Metrics;
using Signalering.Domain.Signals;

namespace Signalering.Functions.Telemetry;

/// <summary>
/// The app's own traces and metrics. One trace follows a signal from the resident's POST through the intake queue,
/// routing and the message on the organisation's queue: the W3C <c>traceparent</c> travels inside each queue
/// message (not in host metadata), so the chain holds under the Functions host and outside it alike.
/// <para>
/// What may appear in telemetry: tracking codes, category and organisation ids, counts, durations. Never the
/// resident's text or contact details — no span, tag, metric or log here takes them (a test checks).
/// </para>
/// </summary>
public static class SignaleringTelemetry
{
    public const string Name = "Signalering";

    public static readonly ActivitySource Source = new(Name);
    public static readonly Meter Meter = new(Name);

    /// <summary>Signals accepted at intake (a replayed idempotent submission is not counted again).</summary>
    public static readonly Counter<long> SignalsReceived =
        Meter.CreateCounter<long>("signalering.signals.received", "{signal}", "Signals accepted at intake");

    /// <summary>From the moment a signal was received to its message on the organisation's queue.</summary>
    public static readonly Histogram<double> RoutingDuration =
        Meter.CreateHistogram<double>("signalering.routing.duration", "s", "Intake to the organisation's queue");

    /// <summary>Messages this process moved to a poison queue (outside the Functions host; under it, see queue depth).</summary>
    public static readonly Counter<long> MessagesPoisoned =
        Meter.CreateCounter<long>("signalering.queue.poisoned", "{message}", "Messages moved to a poison queue");

    public const string TrackingCodeTag = "signalering.tracking_code";

    /// <summary>The current trace as a W3C traceparent, to put inside a queue message; null outside any trace.</summary>
    public static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } a ? a.Id : null;

    /// <summary>
    /// Starts the span for a queue function handling one signal, as a child of the trace that queued the message.
    /// The invocation's own span (the host's HTTP call, or none locally) is kept as a link.
    /// </summary>
    public static Activity? StartConsumer(string function, string? traceParent, TrackingCode code)
    {
        var links = Activity.Current is { } invocation ? new[] { new ActivityLink(invocation.Context) } : null;
        var parent = ActivityContext.TryParse(traceParent, null, isRemote: true, out var context) ? context : default;
        var activity = Source.StartActivity(function, ActivityKind.Consumer, parent, links: links);
        activity?.SetTag(TrackingCodeTag, code.Value);
        return activity;
    }
}
