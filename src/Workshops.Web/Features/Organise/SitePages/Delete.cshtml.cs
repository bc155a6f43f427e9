using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.SitePages;

/// <summary>A step of its own before a page goes, since its address and links go with it.</summary>
public sealed class DeleteModel(AppDbContext db, PageDesk desk) : PageModel
{
    public SitePage SitePage { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, long? version, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        var result = await desk.DeleteAsync(id, version, ct);
        if (!result.Succeeded)
        {
            result.ShowIn(ModelState, FormFields.Key);
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        TempData[Flash.Key] = Tr.T("The page at /{0} is deleted.", SitePage.Slug);
        return Redirect("/organise/pages");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        var page = await db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return false;
        SitePage = page;
        return true;
    }
}
