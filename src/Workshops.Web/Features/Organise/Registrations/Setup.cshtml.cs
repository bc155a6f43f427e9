using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Registrations;

/// <summary>An organiser sets how a workshop takes registrations: window, mode, seats, waiting list, questions.</summary>
public sealed class SetupModel(AppDbContext db, SeatLedger seats, TimeProvider clock, IOutputCacheStore pages) : PageModel
{
    [BindProperty] public SetupForm Input { get; set; } = new();
    public Workshop Workshop { get; private set; } = null!;
    public bool IsNew { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var setup = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == id, ct);
        Input = (setup is null ? SetupForm.For(Workshop, clock.GetUtcNow()) : SetupForm.From(setup)).WithSpareRows();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var setup = await db.RegistrationSetups.FirstOrDefaultAsync(s => s.WorkshopId == id, ct);
        try
        {
            if (setup is null) db.RegistrationSetups.Add(RegistrationSetup.For(Workshop, Input.ToDetails(), Input.ToQuestions(), clock.GetUtcNow()));
            else
            {
                db.Expect(setup, Input.Version);
                setup.Update(Workshop, Input.ToDetails(), Input.ToQuestions(), clock.GetUtcNow());
            }
            if (!await db.TrySaveAsync(ct))
            {
                // Their input stays; saving again now knowingly replaces the other person's version.
                ModelState.AddModelError("", Versions.Conflict("these registration settings"));
                Input.Version = Versions.Of(await db.RegistrationSetups.AsNoTracking().Where(s => s.WorkshopId == id).Select(s => s.UpdatedAt).FirstAsync(ct));
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            }
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(FormFields.Key(e.Field), e.Message);
            return Page();
        }
        await seats.EnsureCountersAsync(id, ct);
        await pages.EvictAsync(ct);
        TempData[Flash.Key] = "The registration settings are saved.";
        return Redirect($"/organise/workshops/{id}/registration");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return false;
        Workshop = workshop;
        IsNew = !await db.RegistrationSetups.AnyAsync(s => s.WorkshopId == id, ct);
        if (Input.Questions.Count == 0 && Request.Method == "POST") Input.WithSpareRows(1);
        return true;
    }
}
