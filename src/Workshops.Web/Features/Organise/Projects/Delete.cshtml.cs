using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Projects;

/// <summary>A step of its own before a project goes, since its page and its links from the events go with it.</summary>
public sealed class DeleteModel(AppDbContext db, ProjectDesk desk) : PageModel
{
    public Project Project { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await desk.DeleteAsync(id, version, ct);
        if (!result.Succeeded)
        {
            result.ShowIn(ModelState, FormFields.Key);
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("“{0}” is deleted.", Project.Title.ToString());
        return Redirect("/organise/projects");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return false;
        Project = project;
        return true;
    }
}
