using System.Security.Claims;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Jobs;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Admin;

/// <summary>One import: its progress while it runs, then its report; one that failed or was lost can be run again.</summary>
public sealed class ArchiveImportModel(AppDbContext db, TimeProvider clock, IBackgroundJobClient jobs) : PageModel
{
    public ArchiveImport Import { get; private set; } = null!;
    public bool Running => Import.Status is ArchiveImportStatus.Queued or ArchiveImportStatus.Running;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var import = await db.ArchiveImports.FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return NotFound();
        // Left "Running" by a process that was killed or restarted: say so, and offer to run it again.
        if (import.IsLost(clock.GetUtcNow()))
        {
            import.Fail($"The import stopped reporting for more than {ArchiveImport.LostAfter.TotalMinutes:0} minutes (the site was restarted or stopped): run it again.", clock.GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
        Import = import;
        return Page();
    }

    public async Task<IActionResult> OnPostAgainAsync(Guid id, CancellationToken ct)
    {
        var import = await db.ArchiveImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return NotFound();
        if (import.Status != ArchiveImportStatus.Failed && !import.IsLost(clock.GetUtcNow()))
        {
            TempData[Flash.Key] = "This import has not failed: nothing to run again.";
            return Redirect($"/admin/archive/{id}");
        }
        var again = import.Again(User.Id()!, clock.GetUtcNow());
        db.ArchiveImports.Add(again);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<ImportArchiveJob>(j => j.Run(again.Id, CancellationToken.None));
        TempData[Flash.Key] = "The import runs again from the same upload; this page follows it.";
        return Redirect($"/admin/archive/{again.Id}");
    }
}
