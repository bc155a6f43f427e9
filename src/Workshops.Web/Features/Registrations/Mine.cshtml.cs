using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Registrations;

[Authorize]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public sealed record Row(Registration Registration, Workshop Workshop);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.Id();
        var mine = await db.Registrations.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        var ids = mine.Select(r => r.WorkshopId).Distinct().ToList();
        var workshops = await db.Workshops.AsNoTracking().Where(w => ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        Rows = mine.Select(r => new Row(r, workshops[r.WorkshopId])).OrderByDescending(r => r.Workshop.StartsAt).ToList();
    }
}
