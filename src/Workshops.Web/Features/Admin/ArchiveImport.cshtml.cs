using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;

namespace Workshops.Web.Features.Admin;

/// <summary>One import: its progress while it runs, then its report.</summary>
public sealed class ArchiveImportModel(AppDbContext db) : PageModel
{
    public ArchiveImport Import { get; private set; } = null!;
    public bool Running => Import.Status is ArchiveImportStatus.Queued or ArchiveImportStatus.Running;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var import = await db.ArchiveImports.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (import is null) return NotFound();
        Import = import;
        return Page();
    }
}
