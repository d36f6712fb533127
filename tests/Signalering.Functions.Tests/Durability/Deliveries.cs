using Azure.Core;
using Azure.Data.Tables;
using Signalering.Domain.Signals;
using Signalering.Functions.Tests.Infrastructure;
using Signalering.Infrastructure.Tables;

namespace Signalering.Functions.Tests.Durability;

/// <summary>What the durability tests look at: which storage call a fault hits, the route marker, who got what.</summary>
internal static class Deliveries
{
    public const string Organisation = "coa-luttelgeest";

    public static bool IsOrganisationSend(HttpMessage m) =>
        m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith($"org-{Organisation}/messages", StringComparison.Ordinal);

    public static bool IsTransaction(HttpMessage m) =>
        m.Request.Method == RequestMethod.Post && m.Request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);

    /// <summary>A single-entity write to a signal's row (a claim, a release, a confirmation without its marker).</summary>
    public static bool IsSignalRowWrite(HttpMessage m) =>
        m.Request.Method != RequestMethod.Get && m.Request.Uri.Path.Contains("signals(PartitionKey", StringComparison.Ordinal);

    /// <summary>Routes and delivers in the submitting request, as production does without a translator.</summary>
    public static SignaleringApp RoutingAtIntake(this SignaleringApp app)
    {
        app.Settings["Signals:RouteAtIntake"] = "true";
        return app;
    }

    public static async Task<bool> HasRouteMarkerAsync(this SignaleringApp app, string trackingCode)
    {
        Assert.True(TrackingCode.TryParse(trackingCode, out var code));
        var marker = await app.Table(SignalTable.TableName)
            .GetEntityIfExistsAsync<TableEntity>(SignalKeys.Partition(code), SignalKeys.Todo(TodoKinds.Route, code));
        return marker.HasValue;
    }

    /// <summary>How many messages for <paramref name="trackingCode"/> the organisation's queue holds (each read once).</summary>
    public static int CountFor(this IEnumerable<System.Text.Json.JsonElement> messages, string trackingCode) =>
        messages.Count(m => m.GetProperty("trackingCode").GetString() == trackingCode);

    public static string WorkMessage(string trackingCode) => $$"""{"trackingCode":"{{trackingCode}}"}""";
}
