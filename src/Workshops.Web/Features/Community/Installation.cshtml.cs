using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Community;

/// <summary>One installation's page: where it is, who runs it, its modules with their addresses, its description and links.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class InstallationModel(AppDbContext db) : PageModel
{
    public Core.Domain.Community.Installation Installation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await db.Installations.AsNoTracking().FirstOrDefaultAsync(i => i.Slug == slug, ct);
        if (found is null) return NotFound();
        Installation = found;
        return Page();
    }
}
