using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Travel;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Travel;

/// <summary>An organiser offers travel support for a workshop and sets its budget, window, costs, questions and criteria.</summary>
public sealed class SettingsModel(AppDbContext db, TravelFundDesk desk, TimeProvider clock) : PageModel
{
    [BindProperty] public TravelSetupForm Input { get; set; } = new();
    public Workshop Workshop { get; private set; } = null!;
    public bool IsNew { get; private set; }
    /// <summary>What released awards hold of the budget now, in its currency: the budget cannot go below it.</summary>
    public string? Held { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var fund = await db.TravelFunds.AsNoTracking().FirstOrDefaultAsync(f => f.WorkshopId == id, ct);
        Input = (fund is null ? TravelSetupForm.For(Workshop, clock.GetUtcNow()) : TravelSetupForm.From(fund)).WithSpareRows();
        await ShowAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await desk.SaveAsync(id, Input, ct);
            if (result.Succeeded)
            {
                TempData[Flash.Key] = Tr.T("The travel support settings are saved.");
                return Redirect($"/organise/workshops/{id}/travel");
            }
            result.ShowIn(ModelState, f => result.Stale ? "" : FormFields.Key(f));
            Response.StatusCode = result.RefusedStatus;
            // After a conflict their input stays; saving again now knowingly replaces the other person's version.
            if (result.Stale)
                Input.Version = Versions.Of(await db.TravelFunds.AsNoTracking().Where(f => f.WorkshopId == id).Select(f => f.UpdatedAt).FirstAsync(ct));
        }
        else Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Input.WithSpareRows(1);
        await ShowAsync(ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return false;
        Workshop = workshop;
        return true;
    }

    private async Task ShowAsync(CancellationToken ct)
    {
        var fund = await db.TravelFunds.AsNoTracking().Where(f => f.WorkshopId == Workshop.Id).Select(f => new { f.CommittedMinor, f.Currency }).FirstOrDefaultAsync(ct);
        IsNew = fund is null;
        if (fund is { CommittedMinor: > 0 }) Held = Currencies.Format(fund.CommittedMinor, fund.Currency);
        var projects = await db.Projects.AsNoTracking().ToListAsync(ct);
        Input.Projects = projects.Select(p => (p.Id, p.Title.ToString())).OrderBy(p => p.Item2, StringComparer.CurrentCultureIgnoreCase).ToList();
    }
}
