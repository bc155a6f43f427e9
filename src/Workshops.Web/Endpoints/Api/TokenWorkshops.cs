using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints.Api;

/// <summary>The workshops a request's token may act on.</summary>
public static class TokenWorkshops
{
    public static string NotReached => Tr.T("There is no workshop at this address that this token reaches.");

    /// <summary>A workshop by its address, when the token reaches it (whatever its status: organisers work on drafts too).</summary>
    public static async Task<Workshop?> ReachableAsync(HttpContext http, AppDbContext db, string slug, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().Include(w => w.Tracks).FirstOrDefaultAsync(w => w.Slug == slug, ct);
        return workshop is not null && Reaches(http, workshop) ? workshop : null;
    }

    // A workshop the token is not for is answered as if it did not exist: the token learns nothing of it.
    public static bool Reaches(HttpContext http, Workshop workshop) => http.ApiToken()?.Reaches(workshop.Id) == true;
}
