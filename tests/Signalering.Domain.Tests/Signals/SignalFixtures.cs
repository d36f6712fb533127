using Signalering.Domain.Categories;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Signals;

/// <summary>Signals as the workflow tests start them: received at <see cref="T0"/> in Tigrinya, routed to COA Luttelgeest.</summary>
internal static class SignalFixtures
{
    /// <summary>Monday 23 November 2026, 10:00 Dutch time.</summary>
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static Signal Routed(string seed = "answer-test")
    {
        var code = TrackingCode.Derive(new byte[32], seed, 0);
        var snapshot = new SignalSnapshot(code, "azc-luttelgeest", null, "ti", "wonen", "wonen-vocht", "ማይ ኣብ ክፍለይ ይኣቱ", null,
            SignalFlagsInfo.None, new HandlingPromise(16, 10), T0, SignalStatus.Received, null, null, [], null, TranslationState.Pending, null, null);
        var signal = Signal.Restore(snapshot, [new SignalEvent(1, SignalEventKinds.Received, T0, "resident")]);
        signal.Route(new RoutingDecision("coa-luttelgeest", RoutingReason.Rule, "r1", []), T0);
        return signal;
    }
}
