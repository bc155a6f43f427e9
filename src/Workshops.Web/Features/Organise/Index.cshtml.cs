using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Workshop> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Workshops = await db.Workshops.AsNoTracking().OrderByDescending(w => w.StartsAt).ToListAsync(ct);
}
