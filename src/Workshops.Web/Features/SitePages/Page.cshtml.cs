using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.SitePages;

/// <summary>A page the organisers wrote, at /{slug}: About, FAQ, Governance… in the reader's language when it is written in it.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class SitePageModel(AppDbContext db) : PageModel
{
    public SitePage SitePage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        if (!SitePageDetails.IsSlug(slug)) return NotFound();
        // The old site wrote its pages as /about/: one address for each page.
        if (Request.Path.Value?.EndsWith('/') == true) return RedirectPermanent("/" + slug);
        var found = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (found is null) return NotFound();
        SitePage = found;
        return Page();
    }
}
