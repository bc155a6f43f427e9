using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Installations;

public sealed class EditModel(AppDbContext db, InstallationDesk desk, Community.InstallationLinks links) : PageModel
{
    [BindProperty] public InstallationForm Input { get; set; } = new();
    public Installation Installation { get; private set; } = null!;
    /// <summary>The members linked to it or asking to be, with their names.</summary>
    public IReadOnlyList<Community.LinkedMember> Members { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = InstallationForm.From(Installation).WithSpareRows();
        await MembersAsync(id, ct);
        return Page();
    }

    private async Task MembersAsync(Guid id, CancellationToken ct) => Members = await links.OfAsync(id, ct);

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        await MembersAsync(id, ct);
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

    public async Task<IActionResult> OnPostLogoAsync(Guid id, IFormFile? logo, bool remove, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!remove && logo is null) return await RefuseAsync(id, "Logo", Tr.T("Choose a PNG or JPEG image."), StatusCodes.Status422UnprocessableEntity, ct);
        var result = await desk.SetLogoAsync(id, remove ? null : logo, version, ct);
        if (!result.Succeeded) return await RefuseAsync(id, result.Field, result.Error!, result.RefusedStatus, ct);
        TempData[Flash.Key] = remove ? Tr.T("The logo is removed.") : Tr.T("The logo is saved.");
        return Redirect($"/organise/installations/{id}/edit");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid id, Guid member, bool approve, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await links.DecideAsync(id, member, approve, User.Id()!, version, ct);
        if (!result.Succeeded) return await RefuseAsync(id, null, result.Error!, result.RefusedStatus, ct);
        TempData[Flash.Key] = approve ? Tr.T("The member is linked to this installation.") : Tr.T("The request is declined.");
        return Redirect($"/organise/installations/{id}/edit#members");
    }

    private async Task<IActionResult> RefuseAsync(Guid id, string? field, string error, int status, CancellationToken ct)
    {
        ModelState.AddModelError(field ?? "", error);
        Input = InstallationForm.From(Installation).WithSpareRows();
        await MembersAsync(id, ct);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var installation = await db.Installations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (installation is null) return false;
        Installation = installation;
        return true;
    }
}
