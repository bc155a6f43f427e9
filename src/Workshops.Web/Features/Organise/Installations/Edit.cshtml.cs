using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Installations;

public sealed class EditModel(AppDbContext db, InstallationDesk desk) : PageModel
{
    [BindProperty] public InstallationForm Input { get; set; } = new();
    public Installation Installation { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = InstallationForm.From(Installation).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await desk.UpdateAsync(id, Input, ct);
            if (result.Id is not null)
            {
                TempData[Flash.Key] = Tr.T("Your changes are saved.");
                return Redirect($"/organise/installations/{id}/edit");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
            if (result.Stale)
            {
                // Their input stays; saving again now knowingly replaces the other person's version.
                Input.Version = Versions.Of(Installation.UpdatedAt);
                Response.StatusCode = StatusCodes.Status409Conflict;
                Input.WithSpareRows(1, 1);
                return Page();
            }
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input.WithSpareRows(1, 1);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await desk.DeleteAsync(id, version, ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError("", error);
            Input = InstallationForm.From(Installation).WithSpareRows();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("“{0}” is taken out of the registry.", Installation.Name);
        return Redirect("/organise/installations");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var installation = await db.Installations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (installation is null) return false;
        Installation = installation;
        return true;
    }
}
