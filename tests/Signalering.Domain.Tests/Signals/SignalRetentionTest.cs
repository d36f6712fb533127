using Signalering.Domain.Categories;
using Signalering.Domain.Routing;
using Signalering.Domain.Signals;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Signals;

/// <summary>What retention owes a signal: nothing while open, contact after the first period closed, everything written after the second.</summary>
public sealed class SignalRetentionTest
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private static readonly RetentionPolicy Policy = new(TimeSpan.FromDays(30), TimeSpan.FromDays(365));

    private static Signal Closed(DateTimeOffset closedAt)
    {
        var code = TrackingCode.Derive(new byte[32], "retention-test", 0);
        var snapshot = new SignalSnapshot(code, "azc-luttelgeest", null, "ar", "wonen", "wonen-vocht", "الماء يدخل غرفتي",
            new ResidentContact("0612345678", null), SignalFlagsInfo.None, new HandlingPromise(16, 10), T0, SignalStatus.Received, null, null, [],
            null, TranslationState.Pending, null, null);
        var s = Signal.Restore(snapshot, [new SignalEvent(1, SignalEventKinds.Received, T0, "resident")]);
        s.Route(new RoutingDecision("coa-luttelgeest", RoutingReason.Rule, "r1", []), T0);
        s.RecordTranslation("Water komt mijn kamer in", "ar", T0);
        s.AttachPhoto("X/1.jpg", T0);
        s.Accept("coa-luttelgeest", T0.AddHours(1));
        s.AddNote("coa-luttelgeest", "Belde met bewoner", T0.AddHours(1));
        s.Respond(new ResidentResponse(0, T0, "coa-luttelgeest", "nl", "Monteur komt", "يأتي السباك", true, null), T0.AddHours(2));
        s.Respond(new ResidentResponse(0, T0, "coa-luttelgeest", "nl", null, null, false, "planned"), T0.AddHours(2));
        s.Resolve("coa-luttelgeest", closedAt);
        return s;
    }

    [Fact]
    public void ClosedStatuses_AreThoseWhoseOnlyWayOnIsReopening()
    {
        Assert.Equal([SignalStatus.Resolved, SignalStatus.Merged, SignalStatus.Cancelled], SignalRetention.ClosedStatuses.Order());
    }

    [Fact]
    public void Due_FollowsThePeriodsFromClosing_AndNothingWhileOpen()
    {
        var closedAt = T0.AddDays(10);
        var s = Closed(closedAt);
        Assert.Equal(closedAt, s.ClosedAt);
        Assert.Equal(RetentionDue.Nothing, SignalRetention.Due(s, Policy, closedAt.AddDays(29)));
        Assert.Equal(RetentionDue.EraseContact, SignalRetention.Due(s, Policy, closedAt.AddDays(30)));
        Assert.Equal(RetentionDue.Anonymise, SignalRetention.Due(s, Policy, closedAt.AddDays(365)));

        s.AnswerSolved(false, "Nog steeds nat", closedAt.AddDays(1)); // reopened: open again, the clock stops
        Assert.Null(s.ClosedAt);
        Assert.Equal(RetentionDue.Nothing, SignalRetention.Due(s, Policy, closedAt.AddDays(400)));
    }

    [Fact]
    public void Anonymise_RemovesWordsPhotosAndContact_KeepsFactsAndStandardReplies_Once()
    {
        var s = Closed(T0.AddDays(10));
        var events = s.Events.Count;
        Assert.True(s.Anonymise(T0.AddDays(400)));

        Assert.Null(s.Text);
        Assert.Null(s.TextNl);
        Assert.Null(s.Contact);
        Assert.Empty(s.Attachments);
        Assert.Empty(s.Notes);
        Assert.Equal("planned", Assert.Single(s.Responses).StandardReply);
        Assert.False(s.HoldsResidentContent);
        Assert.Equal(("wonen", "wonen-vocht", SignalStatus.Resolved, T0), (s.Category, s.Subcategory, s.Status, s.ReceivedAt));
        Assert.Equal([SignalEventKinds.ContactErased, SignalEventKinds.Anonymised], s.Events.Skip(events).Select(e => e.Kind));
        Assert.False(s.Anonymise(T0.AddDays(401)));
        Assert.Equal(RetentionDue.Nothing, SignalRetention.Due(s, Policy, T0.AddDays(401)));
    }

    [Theory]
    [InlineData(0, 365)]
    [InlineData(30, 0)]
    [InlineData(400, 365)]
    public void Policy_NonPositiveOrContactOutlivingContent_Throws(int contactDays, int contentDays)
    {
        Assert.Throws<DomainException>(() => new RetentionPolicy(TimeSpan.FromDays(contactDays), TimeSpan.FromDays(contentDays)));
    }
}
