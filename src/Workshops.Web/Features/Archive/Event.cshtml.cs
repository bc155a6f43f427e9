using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Web.Features.Materials;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Archive;

/// <summary>An archived event at its stable address, with its materials table as on the community's old site.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class EventModel(AppDbContext db, MaterialViewers viewers) : PageModel
{
    public ArchivedEvent Event { get; private set; } = null!;
    public MaterialTableView Materials { get; private set; } = null!;
    public bool CanAdd { get; private set; }
    /// <summary>Who took part, when the organisers made the names public; organisers always see it.</summary>
    public Core.Domain.Community.Attendees.AttendeeList? Attendees { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var e = await db.ArchivedEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (e is null) return NotFound();
        Event = e;
        var viewer = await viewers.ForAsync(User, ct);
        CanAdd = viewer.IsOrganiser;
        var list = (await db.Materials.AsNoTracking().Where(m => m.ArchivedEventId == e.Id).OrderBy(m => m.Position).ThenBy(m => m.CreatedAt).ToListAsync(ct))
            .Where(m => viewer.CanSee(m.Visibility, null)).ToList();
        var attendees = await db.AttendeeLists.AsNoTracking().FirstOrDefaultAsync(l => l.ArchivedEventId == e.Id, ct);
        Attendees = attendees is not null && (attendees.IsPublic || CanAdd) ? attendees : null;
        Materials = new MaterialTableView(e.Title, list, viewer.IsOrganiser, new HashSet<Guid>());
        return Page();
    }
}
