using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;

namespace Workshops.Web.Features.Organise.Dashboard;

/// <summary>The menu's "Call for sessions": the workshop's latest call, or the form that opens one.</summary>
public sealed class CallModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await db.Workshops.AnyAsync(w => w.Id == id, ct)) return NotFound();
        var call = await db.Calls.Where(c => c.WorkshopId == id).OrderByDescending(c => c.OpensAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        return Redirect(call is { } callId ? $"/organise/calls/{callId}" : $"/organise/calls/new?workshopId={id}");
    }
}
