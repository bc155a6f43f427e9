using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Calls;

public sealed class EditModel(AppDbContext db, CallDesk calls) : PageModel
{
    [BindProperty] public CallForm Input { get; set; } = new();
    public Guid Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var call = await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        if (call is null) return NotFound();
        Id = id;
        Input = CallForm.From(call).WithSpareRows();
        await ShowWorkshopAsync(call.WorkshopId, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        var stored = await db.Calls.Where(c => c.Id == id).Select(c => new { c.WorkshopId }).FirstOrDefaultAsync(ct);
        if (stored is null) return NotFound();
        Id = id;
        Input.WorkshopId = stored.WorkshopId;
        if (ModelState.IsValid)
        {
            var result = await calls.UpdateAsync(id, Input, ct);
            if (result.Id is not null)
            {
                TempData[Flash.Key] = Tr.T("Your changes to the call are saved.");
                return Redirect($"/organise/calls/{id}");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
            if (result.Stale)
            {
                // Their input stays; saving again now knowingly replaces the other person's version.
                Input.Version = (await db.Calls.AsNoTracking().Where(c => c.Id == id).Select(c => c.UpdatedAt).FirstAsync(ct)).UtcTicks;
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
        }
        Input.WithSpareRows(1);
        await ShowWorkshopAsync(stored.WorkshopId, ct);
        return Page();
    }

    private async Task ShowWorkshopAsync(Guid? workshopId, CancellationToken ct)
    {
        if (workshopId is null) return;
        var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == workshopId, ct);
        Input.ForWorkshop(workshop);
    }
}
