using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Materials;

/// <summary>A workshop's materials, day by day and session by session, with the ZIP of all of them.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class WorkshopModel(AppDbContext db, MaterialViewers viewers, MaterialCatalog catalog) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public IReadOnlyList<MaterialSection> Sections { get; private set; } = [];
    public MaterialViewer Viewer { get; private set; } = null!;
    /// <summary>Where the viewer may add materials: their own sessions, or for an organiser every session of the draft agenda.</summary>
    public IReadOnlyList<(Guid Id, string Title)> MySessions { get; private set; } = [];

    public int Count => Sections.Sum(s => s.Sessions.Sum(x => x.Materials.Count));
    public int Files => Sections.Sum(s => s.Sessions.Sum(x => x.Materials.Count(m => !m.IsLink)));

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        Viewer = await viewers.ForAsync(User, ct);
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Slug == slug, ct);
        if (workshop is null || (!workshop.IsPublic && !Viewer.IsOrganiser)) return NotFound();
        Workshop = workshop;
        Sections = await catalog.ForWorkshopAsync(workshop, Viewer, ct);
        if (Viewer.UserId is { } me)
        {
            // Organisers reach every session here, published or not: the agenda's session pages exist only once it is published.
            var sessions = Viewer.IsOrganiser
                ? db.AgendaItems.Where(i => i.Type == AgendaItemType.Session || i.Type == AgendaItemType.Keynote || i.Type == AgendaItemType.Plenary)
                : MaterialTarget.SessionsOf(db, me);
            MySessions = (await sessions.Where(i => i.WorkshopId == workshop.Id).OrderBy(i => i.Title).ThenBy(i => i.Id).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
                .Select(i => (i.Id, i.Title)).ToList();
        }
        return Page();
    }

    public MaterialTableView Table(MaterialSession session) => new(session.Title, session.Materials, Viewer.IsOrganiser,
        !Viewer.IsOrganiser && session.ItemId is { } id && MySessions.Any(s => s.Id == id) ? session.Materials.Select(m => m.Id).ToHashSet() : new HashSet<Guid>());
}
