using System.Security.Claims;

namespace Workshops.Web.Features.Shared;

/// <summary>Who is asking: the one way pages and services read the signed-in person's account id.</summary>
public static class CurrentUser
{
    /// <summary>The account id of a signed-in person, or null for a visitor.</summary>
    /// <summary>The name the person chose, for greeting them; their email only for accounts signed in before names were kept in the session.</summary>
    public static string? DisplayName(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? user.FindFirstValue(Infrastructure.VersionedClaimsFactory.NameClaim) ?? user.Identity.Name : null;

    public static string? Id(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
