using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise;

public sealed class EditModel(AppDbContext db, WorkshopDesk workshops) : PageModel
{
    [BindProperty] public WorkshopForm Input { get; set; } = new();
    public Workshop Workshop { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = WorkshopForm.From(Workshop).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await workshops.UpdateAsync(id, Input, ct);
            if (result.Id is not null)
            {
                TempData[Flash.Key] = Tr.T("Your changes are saved.");
                return Redirect($"/organise/workshops/{id}/edit");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
            if (result.Stale)
            {
                // Their input stays; saving again now knowingly replaces the other person's version.
                Input.Version = Versions.Of(Workshop.UpdatedAt);
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        Input.WithSpareRows(1);
        return Page();
    }

    /// <summary>Cancelling is asked once more: it tells every visitor the workshop will not take place.</summary>
    public bool ConfirmingCancel { get; private set; }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, WorkshopStatus to, bool confirmed, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (to == WorkshopStatus.Cancelled && !confirmed)
        {
            ConfirmingCancel = true;
            // Only the status was posted: the workshop's form below shows what is stored, not a form with errors.
            ModelState.Clear();
            Input = WorkshopForm.From(Workshop).WithSpareRows();
            return Page();
        }
        var result = await workshops.MoveAsync(id, to, User.Id(), ct);
        if (result.Id is null)
        {
            ModelState.AddModelError("", result.Error!);
            Input = WorkshopForm.From(Workshop).WithSpareRows();
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        TempData[Flash.Key] = to switch
        {
            WorkshopStatus.Published => Tr.T("The workshop is published: visitors see it now."),
            WorkshopStatus.Cancelled => Tr.T("The workshop is marked as cancelled."),
            _ => Tr.T("The workshop is a draft again: visitors no longer see it."),
        };
        return Redirect($"/organise/workshops/{id}/edit");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return false;
        Workshop = workshop;
        return true;
    }
}
