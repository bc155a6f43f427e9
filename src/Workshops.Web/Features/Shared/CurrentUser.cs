using System.Security.Claims;

namespace Workshops.Web.Features.Shared;

/// <summary>Who is asking: the one way pages and services read the signed-in person's account id.</summary>
public static class CurrentUser
{
    /// <summary>The account id of a signed-in person, or null for a visitor.</summary>
    public static string? Id(this ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
}
