using Signalering.Domain.Locations;
using Signalering.Domain.Organisations;
using Signalering.Domain.Routing;

namespace Signalering.Domain.Tests.Routing;

public sealed class RouterTest
{
    private static readonly Organisation[] Orgs =
    [
        new("triage", "Gemeente triage", OrganisationKind.Municipality, "Meldpunt", isTriage: true),
        new("coa", "COA", OrganisationKind.Coa, "Locatiemanagement"),
        new("care", "GZA", OrganisationKind.CareProvider, "Praktijklijn"),
        new("confidential", "Vertrouwenspersoon", OrganisationKind.ConfidentialHandler, "Vertrouwelijk"),
    ];

    private static readonly Location Azc = new("azc", "AZC", LocationType.Azc, "coa", "Noordoostpolder", ["ar"], []);
    private static readonly Location Home = new("home", "Woning", LocationType.FirstHome, "triage", "Noordoostpolder", ["ar"], []);

    private static Router Make(params RoutingRule[] rules) => new(rules, Orgs);

    [Fact]
    public void Route_FirstMatchingRuleWins()
    {
        var router = Make(
            new RoutingRule("specific", "azc", null, ["wonen-vocht"], "care"),
            new RoutingRule("general", null, LocationType.Azc, ["wonen"], "coa"));
        Assert.Equal("care", router.Route(Azc, "wonen", "wonen-vocht", false).OrganisationId);
        Assert.Equal("coa", router.Route(Azc, "wonen", "wonen-lawaai", false).OrganisationId);
        Assert.Equal("general", router.Route(Azc, "wonen", null, false).RuleId);
    }

    [Fact]
    public void Route_NoMatch_GoesToTriage()
    {
        var decision = Make(new RoutingRule("rule", null, LocationType.Azc, ["wonen"], "coa")).Route(Home, "wonen", null, false);
        Assert.Equal(("triage", RoutingReason.Fallback), (decision.OrganisationId, decision.Reason));
    }

    [Fact]
    public void Route_Sensitive_GoesToConfidentialHandlerWithoutCopies()
    {
        var decision = Make(new RoutingRule("rule", null, null, [], "coa", ["triage"])).Route(Azc, "veiligheid", "veiligheid-medewerker", true);
        Assert.Equal("confidential", decision.OrganisationId);
        Assert.Equal(RoutingReason.Confidential, decision.Reason);
        Assert.Empty(decision.CopyTo);
    }

    [Fact]
    public void Route_EmptyCategoryList_MatchesAnyCategory() =>
        Assert.Equal("coa", Make(new RoutingRule("any", "azc", null, [], "coa")).Route(Azc, "vervoer", null, false).OrganisationId);

    [Fact]
    public void Constructor_RuleToUnknownOrganisation_Throws() =>
        Assert.Throws<DomainException>(() => Make(new RoutingRule("rule", null, null, [], "nobody")));

    [Fact]
    public void Constructor_NoTriageOrConfidentialHandler_Throws()
    {
        Assert.Throws<DomainException>(() => new Router([], Orgs.Where(o => !o.IsTriage)));
        Assert.Throws<DomainException>(() => new Router([], Orgs.Where(o => o.Kind != OrganisationKind.ConfidentialHandler)));
    }

    [Fact]
    public void RoutingRule_LocationAndTypeBoth_Throws() =>
        Assert.Throws<DomainException>(() => new RoutingRule("rule", "azc", LocationType.Azc, [], "coa"));

    [Theory]
    [InlineData("Org")]
    [InlineData("a")]
    [InlineData("has--double")]
    [InlineData("trailing-")]
    [InlineData("this-id-is-far-too-long-for-a-queue-name-suffix")]
    public void Organisation_BadId_Throws(string id) =>
        Assert.Throws<DomainException>(() => new Organisation(id, "Naam", OrganisationKind.Coa, "Inbox"));

    [Fact]
    public void Organisation_TriageMustBeMunicipality() =>
        Assert.Throws<DomainException>(() => new Organisation("coa", "COA", OrganisationKind.Coa, "Inbox", isTriage: true));
}
