using Signalering.Domain.Flagging;
using Signalering.Domain.Languages;
using Signalering.Domain.Locations;
using Signalering.Domain.ReferenceData;
using Signalering.Domain.Routing;

namespace Signalering.Domain.Tests.ReferenceData;

/// <summary>The Noordoostpolder seed files form one consistent set that routes as the digest describes.</summary>
public sealed class SeedDataTest
{
    private static readonly ReferenceSet Seed = ReferenceFiles.LoadEmbedded().ToDomain();

    [Fact]
    public void Seed_HasTheFourLocationTypes()
    {
        Assert.Equal(Enum.GetValues<LocationType>().ToHashSet(), Seed.Locations.Values.Select(l => l.Type).ToHashSet());
        Assert.All(Seed.Locations.Values, l => Assert.NotEmpty(l.QrTokens));
    }

    [Fact]
    public void Seed_EveryCategoryHasANameInEveryFormLanguage()
    {
        foreach (var c in Seed.Categories.All)
            foreach (var l in FormLanguages.All)
                Assert.False(string.IsNullOrWhiteSpace(c.NameIn(l.Code)), $"{c.Code} has no {l.Code} name");
    }

    [Fact]
    public void Seed_SensitiveSubcategoriesAtEveryLocation_NeverReachTheOperator()
    {
        foreach (var location in Seed.Locations.Values)
            foreach (var c in Seed.Categories.All.Where(c => c.Sensitive))
            {
                var decision = Seed.Router.Route(location, c.ParentCode ?? c.Code, c.IsMain ? null : c.Code, sensitive: true);
                Assert.Equal(RoutingReason.Confidential, decision.Reason);
                Assert.NotEqual(location.OperatorId, decision.OrganisationId);
            }
    }

    [Fact]
    public void Seed_HasSensitiveAndEmergencySubcategories()
    {
        Assert.Contains(Seed.Categories.All, c => c.Sensitive);
        Assert.Contains(Seed.Categories.All, c => c.Emergency);
    }

    [Fact]
    public void Seed_EveryOrganisationHasARoleInbox() =>
        Assert.All(Seed.Organisations.Values, o => Assert.False(string.IsNullOrWhiteSpace(o.Inbox)));

    [Fact]
    public void Seed_RevokedTokenDoesNotResolve()
    {
        var location = Seed.Locations["azc-luttelgeest"];
        var dto = LocationDto.From(location) with { QrTokens = location.QrTokens.Select(t => new QrTokenDto(t.Id, t.Wing, true)).ToList() };
        var files = ReferenceFiles.LoadEmbedded();
        var set = ReferenceFiles.Build(files.Categories, files.Organisations,
            files.Locations.Select(l => l.Id == dto.Id ? dto : l), files.Rules);
        Assert.False(set.TryResolveToken(location.QrTokens[0].Id, out _, out _));
        Assert.True(Seed.TryResolveToken(location.QrTokens[0].Id, out var found, out _));
        Assert.Equal(location.Id, found.Id);
    }
}
