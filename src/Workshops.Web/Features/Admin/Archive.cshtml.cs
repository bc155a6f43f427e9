using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Jobs;
using Workshops.Core.Storage;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Admin;

/// <summary>Uploads a ZIP of the old Jekyll site; a job imports it while the import's page shows how far it is.</summary>
[LargeUpload]
public sealed class ArchiveModel(AppDbContext db, ArchiveDesk archive, IOptions<StorageOptions> storage) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<ArchiveImport> Imports { get; private set; } = [];
    public int MaxMegabytes => storage.Value.MaxUploadMegabytes;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await archive.StartAsync(Upload, User.Id()!, ct);
        if (result.Error is { } error) return await RefuseAsync(error, result.RefusedStatus, ct);
        TempData[Flash.Key] = Tr.T("The import has started; this page follows it.");
        return Redirect($"/admin/archive/{result.Id}");
    }

    private async Task<IActionResult> RefuseAsync(string message, int status, CancellationToken ct)
    {
        ModelState.AddModelError(nameof(Upload), message);
        Response.StatusCode = status;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Imports = await db.ArchiveImports.AsNoTracking().OrderByDescending(i => i.CreatedAt).Take(20).ToListAsync(ct);
}
