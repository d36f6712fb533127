using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Signalering.Domain.Organisations;
using Signalering.Functions.Features.Admin;

namespace Signalering.Functions.Auth;

/// <summary>
/// A role counts only for the kinds of organisation that may hold it: every organisation's coordinators handle its
/// own inbox, but reading every organisation's reports (municipality) and administering the system (admin) belong to
/// the municipality. A token or session that claims <c>municipality</c> with <c>org=coa-…</c> keeps no such role, so
/// no policy lets it read COA's or anyone's texts. An unknown organisation keeps no role at all.
/// </summary>
public sealed class OrganisationRoleBinding(ReferenceDataProvider reference) : IClaimsTransformation
{
    private static readonly Dictionary<string, OrganisationKind[]> Allowed = new()
    {
        [Roles.Coordinator] = Enum.GetValues<OrganisationKind>(),
        [Roles.Municipality] = [OrganisationKind.Municipality],
        [Roles.Admin] = [OrganisationKind.Municipality],
    };

    public static bool Allows(string role, OrganisationKind kind) => Allowed.TryGetValue(role, out var kinds) && kinds.Contains(kind);

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity is not ClaimsIdentity { IsAuthenticated: true } identity) return principal;
        var roles = identity.FindAll(identity.RoleClaimType).ToList();
        if (roles.Count == 0) return principal;
        var org = SignaleringClaims.OrganisationOf(principal);
        var set = await reference.GetAsync(CancellationToken.None);
        var kind = org is not null && set.Organisations.TryGetValue(org, out var o) ? o.Kind : (OrganisationKind?)null;
        var refused = roles.Where(r => kind is not { } k || !Allows(r.Value, k)).ToList();
        if (refused.Count == 0) return principal;
        // Transformation may run more than once per request: work on a copy and leave the original untouched.
        var bound = identity.Clone();
        foreach (var claim in bound.FindAll(bound.RoleClaimType).Where(c => refused.Any(r => r.Value == c.Value)).ToList()) bound.RemoveClaim(claim);
        return new ClaimsPrincipal(bound);
    }
}
