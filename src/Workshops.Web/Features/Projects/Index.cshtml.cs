using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Projects;

/// <summary>The funded projects, those under way first, then by their years, newest first.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Project> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Projects = (await db.Projects.AsNoTracking().ToListAsync(ct))
            .OrderBy(p => p.Status == ProjectStatus.Active ? 0 : p.Status == ProjectStatus.Planned ? 1 : 2)
            .ThenByDescending(p => p.EndYear ?? p.StartYear).ThenBy(p => p.Title.ToString(), StringComparer.CurrentCulture).ToList();
}
