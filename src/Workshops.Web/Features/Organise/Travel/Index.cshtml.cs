using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>A workshop's travel support at a glance: the budget, the applications and where each stands.</summary>
public sealed class IndexModel(AppDbContext db, TravelBoard board, TimeProvider clock) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public TravelFund Fund { get; private set; } = null!;
    public IReadOnlyList<TravelRow> Rows { get; private set; } = [];
    public TravelTotals Totals { get; private set; } = null!;
    public IReadOnlyList<(TravelStatus Status, int Count)> Counts { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return NotFound();
        var read = await board.ReadAsync(id, ct);
        // Not offered yet: the settings page is where it starts.
        if (read is null) return Redirect($"/organise/workshops/{id}/travel/settings");
        (Workshop, Fund, Rows, Totals) = (workshop, read.Value.Fund, read.Value.Rows, read.Value.Totals);
        Counts = await board.CountsAsync(Fund.Id, ct);
        Now = clock.GetUtcNow();
        return Page();
    }
}
