using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;

namespace Workshops.Web.Features.Materials;

/// <summary>
/// A session's materials, as its agenda page shows them: only what the viewer may see, and a link to add one for
/// those who may. A view component, so the agenda's pages show materials without depending on this feature's code.
/// </summary>
public sealed class SessionMaterialsViewComponent(AppDbContext db, MaterialViewers viewers) : ViewComponent
{
    public sealed record Model(Guid ItemId, string Title, MaterialTableView? Table, bool CanAdd);

    public async Task<IViewComponentResult> InvokeAsync(Guid itemId, string title)
    {
        var ct = HttpContext.RequestAborted;
        var viewer = await viewers.ForAsync(UserClaimsPrincipal, ct);
        // Visitors (the cached page) never may add: no need to look the session up for them.
        var target = viewer.UserId is null ? null : await MaterialTarget.FindAsync(db, null, itemId, null, ct);
        var canAdd = target is not null && await target.CanManageAsync(db, viewer, ct);
        var list = (await db.Materials.AsNoTracking().Where(m => m.AgendaItemId == itemId).ToListAsync(ct))
            .Where(m => viewer.CanSee(m.Visibility, m.WorkshopId)).OrderBy(m => m.Position).ThenBy(m => m.CreatedAt).ToList();
        var table = list.Count > 0 ? new MaterialTableView(title, list, canAdd, new HashSet<Guid>()) : null;
        return View("/Features/Materials/_SessionMaterials.cshtml", new Model(itemId, title, table, canAdd));
    }
}
