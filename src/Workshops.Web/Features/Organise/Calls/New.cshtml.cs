using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Calls;

/// <summary>Opens the yearly call, or with ?workshopId= a workshop's call for sessions.</summary>
public sealed class NewModel(AppDbContext db, CallDesk calls, TimeProvider clock) : PageModel
{
    [BindProperty] public CallForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid? workshopId, CancellationToken ct)
    {
        var today = clock.GetUtcNow().UtcDateTime;
        if (workshopId is null)
        {
            Input = CallForm.ForYear(today.Year + 1, today).WithSpareRows();
            return Page();
        }
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return NotFound();
        // One call for sessions per workshop: a second would split the proposals and their ranking.
        var existing = await db.Calls.Where(c => c.WorkshopId == workshopId).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null) return Redirect($"/organise/calls/{existing}");
        Input = CallForm.ForSessionsOf(workshop, today).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Workshop? workshop = null;
        if (Input.WorkshopId is { } workshopId)
        {
            workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
            if (workshop is null) return NotFound();
            if (await db.Calls.AnyAsync(c => c.WorkshopId == workshopId, ct))
                ModelState.AddModelError("", Tr.T("This workshop already has a call for sessions; change that one instead."));
        }
        if (ModelState.IsValid)
        {
            var result = await calls.CreateAsync(Input, ct);
            if (result.Id is not null)
            {
                TempData[Flash.Key] = Tr.T("The call is saved. Members can propose while it is open.");
                return Redirect($"/organise/calls/{result.Id}");
            }
            ModelState.AddModelError(FormFields.Key(result.Field), result.Error!);
        }
        if (workshop is not null) Input.ForWorkshop(workshop);
        Input.WithSpareRows(1);
        return Page();
    }
}
