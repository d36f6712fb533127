using Signalering.Domain.Signals;
using Signalering.Domain.Texts;
using Signalering.Domain.Workflow;

namespace Signalering.Domain.Tests.Signals;

/// <summary>The reason a resident reads when their signal is cancelled or sent back, and giving a signal to a colleague.</summary>
public sealed class SignalReasonTest
{
    private static readonly DateTimeOffset T0 = SignalFixtures.T0;

    private static Signal Routed() => SignalFixtures.Routed("reason-test");

    private static ResidentReason Reason(string code = ResidentReasons.Duplicate) => new(0, code, null, null, false);

    [Fact]
    public void Cancel_WithoutAReason_IsRefused_NothingChanges()
    {
        var s = Routed();
        var e = Assert.Throws<DomainException>(() => s.ChangeStatus(SignalStatus.Cancelled, "coa-luttelgeest", T0));
        Assert.Equal("reasonCode", e.Field);
        Assert.Equal(SignalStatus.Routed, s.Status);
        Assert.Null(s.Reason);
    }

    [Fact]
    public void Cancel_WithAReason_KeepsItWithTheStatusChangeItExplains()
    {
        var s = Routed();
        s.Cancel(Reason(ResidentReasons.Unreachable), "coa-luttelgeest", T0.AddHours(1));
        Assert.Equal(SignalStatus.Cancelled, s.Status);
        Assert.Equal((ResidentReasons.Unreachable, s.Events[^1].Sequence), (s.Reason!.Code, s.Reason.AfterEvent));
    }

    [Theory]
    [InlineData("because")]
    [InlineData("")]
    public void Cancel_WithAnUnknownReason_IsRefused(string code)
    {
        var s = Routed();
        Assert.Equal("reasonCode", Assert.Throws<DomainException>(() => s.Cancel(Reason(code), "coa-luttelgeest", T0)).Field);
        Assert.Equal(SignalStatus.Routed, s.Status);
    }

    [Fact]
    public void AReason_OnAnyOtherStatusChange_IsRefused()
    {
        var s = Routed();
        Assert.Throws<DomainException>(() => s.ChangeStatus(SignalStatus.Accepted, "coa-luttelgeest", T0, Reason()));
        Assert.Equal(SignalStatus.Routed, s.Status);
    }

    [Fact]
    public void Escalate_WithAReason_ForTheResident_AndTheAssigneeIsCleared()
    {
        var s = Routed();
        s.Assign(new StaffMember("oid-1", "Fatima"), "coa-luttelgeest", T0);
        s.Escalate("gemeente-triage", "not-ours", "coa-luttelgeest", T0.AddHours(1), Reason(ResidentReasons.NotOurs));
        Assert.Equal(ResidentReasons.NotOurs, s.Reason!.Code);
        Assert.Equal(SignalEventKinds.Escalated, s.Events.Single(e => e.Sequence == s.Reason.AfterEvent).Kind);
        Assert.Null(s.Assignee);
    }

    [Fact]
    public void Assign_RecordsTheAccountIdNotTheName_AndAClosedSignalIsNotAssigned()
    {
        var s = Routed();
        s.Assign(new StaffMember("oid-1", "Fatima"), "coa-luttelgeest", T0);
        Assert.Equal((SignalEventKinds.Assigned, "oid-1"), (s.Events[^1].Kind, s.Events[^1].Detail));
        var events = s.Events.Count;
        s.Assign(new StaffMember("oid-1", "Fatima"), "coa-luttelgeest", T0); // the same colleague again: nothing happened
        Assert.Equal(events, s.Events.Count);
        s.Cancel(Reason(), "coa-luttelgeest", T0);
        Assert.True(Assert.Throws<DomainException>(() => s.Assign(null, "coa-luttelgeest", T0)).StateConflict);
    }

    [Fact]
    public void Anonymise_RemovesTheCoordinatorsWords_KeepsTheStandardReason()
    {
        var s = Routed();
        s.Cancel(new ResidentReason(0, ResidentReasons.AlreadySolved, "Kamer 12 is al gerepareerd", "[ar] …", true), "coa-luttelgeest", T0);
        Assert.True(s.HoldsResidentContent);
        s.Anonymise(T0.AddDays(400));
        Assert.Equal((ResidentReasons.AlreadySolved, null, null), (s.Reason!.Code, s.Reason.Text, s.Reason.ResidentText));
    }

    [Fact]
    public void EveryReason_HasItsOwnTextInEveryFormLanguage()
    {
        // Get falls back to English: a language that shows the English text has none of its own.
        foreach (var reason in ResidentReasons.All)
        {
            var english = ResidentTexts.Default.Get("en", "reason." + reason);
            Assert.False(string.IsNullOrWhiteSpace(english));
            foreach (var language in global::Signalering.Domain.Languages.FormLanguages.All.Where(l => l.Code != "en"))
                Assert.NotEqual(english, ResidentTexts.Default.Get(language.Code, "reason." + reason));
        }
    }
}
