using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace StackFloor.Pages;

[OutputCache]
public sealed class IndexModel(FloorDb db) : PageModel
{
    public List<Workshop> Workshops { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Workshops = await db.Workshops.AsNoTracking().OrderBy(w => w.StartsOn).ToListAsync(ct);
}
