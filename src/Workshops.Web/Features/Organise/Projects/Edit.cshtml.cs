using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Web.Features.Projects;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Projects;

public sealed class EditModel(AppDbContext db, ProjectDesk desk, ProjectQueries queries) : PageModel
{
    [BindProperty] public ProjectForm Input { get; set; } = new();
    public Project Project { get; private set; } = null!;
    public ProjectFormView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = ProjectForm.From(Project).WithSpareRows();
        await ViewAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (ModelState.IsValid)
        {
            var result = await desk.UpdateAsync(id, Input, ct);
            if (result.Succeeded)
            {
                TempData[Flash.Key] = Tr.T("Your changes are saved.");
                return Redirect($"/organise/projects/{id}/edit");
            }
            result.ShowIn(ModelState, FormFields.Key);
            // Their input stays; saving again now knowingly replaces the other person's version.
            if (result.Stale) Input.Version = Versions.Of(Project.UpdatedAt);
            Response.StatusCode = result.RefusedStatus;
        }
        Input.WithSpareRows(1);
        await ViewAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var project = await db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return false;
        Project = project;
        return true;
    }

    private async Task ViewAsync(CancellationToken ct)
    {
        var (workshops, events) = await queries.ChoicesAsync(ct);
        View = new ProjectFormView(Input, workshops, events);
    }
}
