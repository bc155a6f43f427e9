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
public sealed class ArchiveModel(AppDbContext db, IFileStore store, IOptions<StorageOptions> storage, IBackgroundJobClient jobs, TimeProvider clock) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }
    public IReadOnlyList<ArchiveImport> Imports { get; private set; } = [];
    public int MaxMegabytes => storage.Value.MaxUploadMegabytes;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0) return await RefuseAsync("Choose the ZIP of the site's folder.", StatusCodes.Status422UnprocessableEntity, ct);
        if (!Upload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            return await RefuseAsync("The upload must be a ZIP (.zip) of the site's folder.", StatusCodes.Status422UnprocessableEntity, ct);
        StoredFile stored;
        try
        {
            await using var content = Upload.OpenReadStream();
            (stored, _) = await FileIntake.StoreAsync(store, content, Upload.FileName, storage.Value.MaxUploadBytes, ct);
        }
        catch (UnacceptedFileException)
        {
            return await RefuseAsync("That file is not a ZIP archive.", StatusCodes.Status422UnprocessableEntity, ct);
        }
        catch (FileTooLargeException e)
        {
            return await RefuseAsync(e.Message, StatusCodes.Status413PayloadTooLarge, ct);
        }
        var import = ArchiveImport.Queue(stored.Hash, Core.Domain.Materials.SafeFileName.From(Upload.FileName), User.Id()!, clock.GetUtcNow());
        db.ArchiveImports.Add(import);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<ImportArchiveJob>(j => j.Run(import.Id, CancellationToken.None));
        TempData[Flash.Key] = "The import has started; this page follows it.";
        return Redirect($"/admin/archive/{import.Id}");
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
