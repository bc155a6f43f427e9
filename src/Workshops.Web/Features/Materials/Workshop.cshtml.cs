using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
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
    /// <summary>The viewer's own sessions in this workshop, where they may add materials.</summary>
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
        if (Viewer.UserId is { } me && !Viewer.IsOrganiser)
        {
            var proposed = db.Proposals.Where(p => p.ProposerId == me).Select(p => (Guid?)p.Id);
            MySessions = (await db.AgendaItems.AsNoTracking()
                .Where(i => i.WorkshopId == workshop.Id && (i.Speakers.Any(s => s.UserId == me) || proposed.Contains(i.ProposalId)))
                .OrderBy(i => i.Title).Select(i => new { i.Id, i.Title }).ToListAsync(ct))
                .Select(i => (i.Id, i.Title)).ToList();
        }
        return Page();
    }

    public MaterialTableView Table(MaterialSession session) => new(session.Title, session.Materials, Viewer.IsOrganiser,
        session.ItemId is { } id && MySessions.Any(s => s.Id == id) ? session.Materials.Select(m => m.Id).ToHashSet() : new HashSet<Guid>());
}
