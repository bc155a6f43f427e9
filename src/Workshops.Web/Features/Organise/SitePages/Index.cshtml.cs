using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;

namespace Workshops.Web.Features.Organise.SitePages;

/// <summary>The site's pages as organisers keep them: menu links first, then the footer's, then pages reached only by their address.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<SitePage> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Pages = (await db.SitePages.AsNoTracking().ToListAsync(ct)).OrderBy(p => p.Placement == PagePlacement.Hidden).ThenBy(p => p.Placement)
            .ThenBy(p => p.Position).ThenBy(p => p.Slug, StringComparer.Ordinal).ToList();
}
