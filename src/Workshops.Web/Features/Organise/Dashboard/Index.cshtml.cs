using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Workshops.Web.Features.Organise.Dashboard;

/// <summary>A workshop's home for its organisers: everything at a glance, and what needs doing now.</summary>
public sealed class IndexModel(WorkshopDashboard dashboard, TimeProvider clock) : PageModel
{
    public DashboardView View { get; private set; } = null!;
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await dashboard.LoadAsync(id, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
