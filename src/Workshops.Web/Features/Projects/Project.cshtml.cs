using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Projects;

/// <summary>One project's page: its funder and reference, lead and partners, years, description, and the events it funded.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class ProjectModel(AppDbContext db, ProjectQueries queries) : PageModel
{
    public Core.Domain.Community.Projects.Project Project { get; private set; } = null!;
    public IReadOnlyList<FundedEvent> Funded { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Slug == slug, ct);
        if (found is null) return NotFound();
        Project = found;
        Funded = await queries.FundedByAsync(found, ct);
        return Page();
    }
}
