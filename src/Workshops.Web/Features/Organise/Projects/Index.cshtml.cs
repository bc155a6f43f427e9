using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Projects;

namespace Workshops.Web.Features.Organise.Projects;

/// <summary>The funded projects as organisers keep them, newest first.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Project> Projects { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Projects = (await db.Projects.AsNoTracking().ToListAsync(ct)).OrderByDescending(p => p.StartYear).ThenBy(p => p.Title.ToString()).ToList();
}
