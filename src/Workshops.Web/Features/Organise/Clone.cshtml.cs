using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise;

public sealed class CloneModel(AppDbContext db, WorkshopDesk workshops) : PageModel
{
    [BindProperty] public CloneForm Input { get; set; } = new();
    public Workshop Source { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var year = Source.Year + 1;
        // 52 weeks later keeps the weekday, so a Monday-to-Friday workshop stays one.
        var starts = Source.StartsLocal.DateTime.AddDays(364);
        Input = new CloneForm
        {
            Year = year,
            Title = Source.Title.Default.Replace(Source.Year.ToString(), year.ToString()),
            Slug = Source.Slug.Replace(Source.Year.ToString(), year.ToString()),
            StartsLocal = starts,
        };
        if (Input.Slug == Source.Slug) Input.Slug = $"{Source.Slug}-{year}";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await workshops.CloneAsync(id, Input, ct);
        if (result.Id is { } copy)
        {
            TempData[Flash.Key] = Tr.T("The new workshop is a draft copy of {0}: check its dates, text and tracks, then publish it.", Source.Title);
            return Redirect($"/organise/workshops/{copy}/edit");
        }
        ModelState.AddModelError(result.Field is null ? "" : "Input." + result.Field, result.Error!);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return false;
        Source = workshop;
        return true;
    }
}
