using Signalering.Domain.Routing;
using Signalering.Functions.Tests.Infrastructure;

namespace Signalering.Functions.Tests.Durability;

/// <summary>
/// Routing at intake keeps the safety triage: a signal flagged sensitive goes to the confidential handler and never
/// to the location's operator; an emergency is urgent, on the message too; the message's translation state is the inbox's.
/// </summary>
public sealed class RouteAtIntakeTriageTest
{
    [Fact]
    public async Task Submit_RoutedAtIntake_SensitiveToConfidentialHandler_EmergencyUrgent_TranslationStateAsInbox()
    {
        using var app = new SignaleringApp().RoutingAtIntake();
        var client = app.CreateClient();
        var sensitive = Intakes.Body(app, language: "nl", category: "wonen", subcategory: "wonen-privacy", text: "de beveiliger zit aan mijn dochter");
        sensitive["aboutStaff"] = false;
        var sensitiveCode = await client.SubmitAcceptedAsync(sensitive);
        var emergency = Intakes.Body(app);
        emergency["dangerNow"] = true;
        var emergencyCode = await client.SubmitAcceptedAsync(emergency);

        var signal = await app.LoadAsync(sensitiveCode);
        Assert.Equal("vertrouwenspersoon", signal.OrganisationId);
        Assert.Equal(RoutingReason.Confidential, signal.RoutingReason);
        Assert.Equal(1, (await app.PeekAllAsync("vertrouwenspersoon")).CountFor(sensitiveCode));

        var operatorQueue = await app.PeekAllAsync(Deliveries.Organisation);
        Assert.Equal(0, operatorQueue.CountFor(sensitiveCode));
        var urgent = Assert.Single(operatorQueue, m => m.GetProperty("trackingCode").GetString() == emergencyCode);
        Assert.True(urgent.GetProperty("urgent").GetBoolean());
        Assert.True((await app.LoadAsync(emergencyCode)).IsUrgent);
        // No translator here: the inbox says untranslated, and so does the organisation's message.
        Assert.Equal(Domain.Signals.TranslationState.Untranslated, (await app.LoadAsync(emergencyCode)).Translation);
        Assert.Equal("Untranslated", urgent.GetProperty("translationState").GetString());
    }
}
