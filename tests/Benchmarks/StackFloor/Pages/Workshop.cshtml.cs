using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace StackFloor.Pages;

[OutputCache]
[EnableRateLimiting("forms")]
public sealed class WorkshopModel(FloorDb db) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;

    [BindProperty, EmailAddress, Required]
    public string? Email { get; set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var found = await db.Workshops.AsNoTracking().Include(w => w.Sessions.OrderBy(s => s.StartsAt))
            .FirstOrDefaultAsync(w => w.Slug == slug, ct);
        if (found is null) return NotFound();
        Workshop = found;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken ct) =>
        ModelState.IsValid ? RedirectToPage(new { slug }) : await OnGetAsync(slug, ct);
}
