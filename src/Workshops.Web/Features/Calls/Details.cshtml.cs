using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Calls;

public sealed class DetailsModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public Call Call { get; private set; } = null!;
    public DateTimeOffset Now { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        Call = call;
        Now = clock.GetUtcNow();
        return Page();
    }
}
