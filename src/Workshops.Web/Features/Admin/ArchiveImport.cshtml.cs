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
public sealed class ArchiveImportModel(AppDbContext db, ArchiveDesk archive) : PageModel
{
    public ArchiveImport Import { get; private set; } = null!;
    public bool Running => Import.Status is ArchiveImportStatus.Queued or ArchiveImportStatus.Running;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await archive.FindAsync(id, ct) is not { } import) return NotFound();
        Import = import;
        return Page();
    }

    public async Task<IActionResult> OnPostAgainAsync(Guid id, CancellationToken ct)
    {
        if (!await db.ArchiveImports.AnyAsync(i => i.Id == id, ct)) return NotFound();
        var result = await archive.AgainAsync(id, User.Id()!, ct);
        if (result.Error is { } error)
        {
            TempData[Flash.Key] = error;
            return Redirect($"/admin/archive/{id}");
        }
        TempData[Flash.Key] = Tr.T("The import runs again from the same upload; this page follows it.");
        return Redirect($"/admin/archive/{result.Id}");
    }

    /// <summary>"Queued", "Running", "Done", "Failed", as the list of imports shows them.</summary>
    public static string Label(ArchiveImportStatus status) => status switch
    {
        ArchiveImportStatus.Queued => Tr.T("Queued"),
        ArchiveImportStatus.Running => Tr.T("Running"),
        ArchiveImportStatus.Done => Tr.T("Done"),
        ArchiveImportStatus.Failed => Tr.T("Failed"),
        _ => status.ToString(),
    };
}
