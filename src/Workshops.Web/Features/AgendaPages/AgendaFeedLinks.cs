using Microsoft.AspNetCore.DataProtection;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>
/// The private address of a person's starred sessions as a calendar feed: calendar apps cannot sign in, so the
/// address itself says whose feed it is, signed so nobody can make one for someone else.
/// </summary>
public sealed class AgendaFeedLinks(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("Workshops.AgendaFeed.v1");

    public string Path(string slug, string userId, Guid workshopId) => $"/workshops/{slug}/agenda/mine/{_protector.Protect($"{workshopId:N}:{userId}")}.ics";

    public (Guid WorkshopId, string UserId)? Read(string token)
    {
        try
        {
            var parts = _protector.Unprotect(token).Split(':', 2);
            return parts.Length == 2 && Guid.TryParseExact(parts[0], "N", out var id) ? (id, parts[1]) : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
