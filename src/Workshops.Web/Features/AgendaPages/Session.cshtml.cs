using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Web.Features.Materials;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>One item of the published agenda: when and where, who speaks, and its abstract.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class SessionModel(PublishedAgendas agendas, AgendaStars stars, AppDbContext db, MaterialViewers viewers) : PageModel
{
    public MaterialTableView? Materials { get; private set; }
    public bool CanAddMaterial { get; private set; }

    public PublishedAgenda Agenda { get; private set; } = null!;
    public SnapshotItem Item { get; private set; } = null!;
    public bool Starred { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, Guid itemId, CancellationToken ct)
    {
        var (_, agenda) = await agendas.FindAsync(slug, ct);
        if (agenda?.Snapshot.Item(itemId) is not { } item) return NotFound();
        (Agenda, Item) = (agenda, item);
        Starred = (await stars.OfAsync(User.Id(), agenda.Workshop.Id, ct)).Contains(itemId);
        await LoadMaterialsAsync(itemId, ct);
        return Page();
    }

    public Task<IActionResult> OnPostStarAsync(string slug, Guid itemId, CancellationToken ct) =>
        StarHandler.ToggleAsync(this, agendas, stars, slug, itemId, $"/workshops/{slug}/agenda/{itemId}", ct);

    private async Task LoadMaterialsAsync(Guid itemId, CancellationToken ct)
    {
        var viewer = await viewers.ForAsync(User, ct);
        // Visitors (the cached page) never may add: no need to look the session up for them.
        var target = viewer.UserId is null ? null : await MaterialTarget.FindAsync(db, null, itemId, null, ct);
        CanAddMaterial = target is not null && await target.CanManageAsync(db, viewer, ct);
        var list = (await db.Materials.AsNoTracking().Where(m => m.AgendaItemId == itemId).ToListAsync(ct))
            .Where(m => viewer.CanSee(m.Visibility, m.WorkshopId)).OrderBy(m => m.Position).ThenBy(m => m.CreatedAt).ToList();
        if (list.Count > 0) Materials = new MaterialTableView(Item.Title, list, CanAddMaterial, new HashSet<Guid>());
    }
}
