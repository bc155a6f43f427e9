using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.SitePages;

public sealed class EditModel(AppDbContext db, PageDesk desk) : PageModel
{
    [BindProperty] public PageForm Input { get; set; } = new();
    public SitePage SitePage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = PageForm.From(SitePage);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        if (ModelState.IsValid)
        {
            var result = await desk.UpdateAsync(id, Input, ct);
            if (result.Succeeded)
            {
                TempData[Flash.Key] = Tr.T("Your changes are saved.");
                return Redirect($"/organise/pages/{id}/edit");
            }
            result.ShowIn(ModelState, FormFields.Key);
            // Their input stays; saving again now knowingly replaces the other person's version.
            if (result.Stale) Input.Version = Versions.Of(SitePage.UpdatedAt);
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return false;
        SitePage = page;
        return true;
    }
}
