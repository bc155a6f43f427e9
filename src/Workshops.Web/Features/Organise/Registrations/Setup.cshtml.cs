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
public sealed class SetupModel(AppDbContext db, AdmissionDesk desk, TimeProvider clock) : PageModel
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
        var result = await desk.SaveSetupAsync(id, Input.ToDetails(), Input.ToQuestions(), Input.Version, ct);
        if (result.Error is { } error)
        {
            ModelState.AddModelError(result.Stale ? "" : FormFields.Key(result.Field), error);
            // After a conflict their input stays; saving again now knowingly replaces the other person's version.
            if (result.Stale)
            {
                Input.Version = Versions.Of(await db.RegistrationSetups.AsNoTracking().Where(s => s.WorkshopId == id).Select(s => s.UpdatedAt).FirstAsync(ct));
                Response.StatusCode = result.RefusedStatus;
            }
            return Page();
        }
        TempData[Flash.Key] = Tr.T("The registration settings are saved.");
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
