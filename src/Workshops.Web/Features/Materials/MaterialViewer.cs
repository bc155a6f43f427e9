using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Registrations;

namespace Workshops.Web.Features.Materials;

/// <summary>Who is asking for materials, and so which they may see: asked on every request, never cached across them.</summary>
public sealed record MaterialViewer(string? UserId, bool IsOrganiser, IReadOnlySet<Guid> ParticipantOf)
{
    public static readonly MaterialViewer Anonymous = new(null, false, new HashSet<Guid>());

    public bool CanSee(MaterialVisibility visibility, Guid? workshopId) => visibility switch
    {
        MaterialVisibility.Public => true,
        MaterialVisibility.Participants => IsOrganiser || (workshopId is { } w && ParticipantOf.Contains(w)),
        _ => IsOrganiser,
    };
}

public sealed class MaterialViewers(AppDbContext db)
{
    private MaterialViewer? _current;

    /// <summary>
    /// A workshop's participants are the people holding a seat in it and its speakers; an organiser (or admin) sees
    /// everything, as organisers run every workshop on the site.
    /// </summary>
    public async Task<MaterialViewer> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        if (_current is not null) return _current;
        var userId = user.Id();
        if (userId is null) return _current = MaterialViewer.Anonymous;
        var organiser = user.IsInRole(Roles.Organiser) || user.IsInRole(Roles.Admin);
        if (organiser) return _current = new MaterialViewer(userId, true, new HashSet<Guid>());
        var seats = await db.Registrations
            .Where(r => r.UserId == userId && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn))
            .Select(r => r.WorkshopId).ToListAsync(ct);
        var speaking = await MaterialTarget.SessionsOf(db, userId).Select(i => i.WorkshopId).ToListAsync(ct);
        return _current = new MaterialViewer(userId, false, seats.Concat(speaking).ToHashSet());
    }
}
