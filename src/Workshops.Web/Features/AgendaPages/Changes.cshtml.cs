using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.WorkshopPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>Every published version of the agenda, newest first, with the organisers' notes and what changed.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class ChangesModel(WorkshopQueries workshops, AppDbContext db) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public IReadOnlyList<(AgendaVersionInfo Version, IReadOnlyList<AgendaChange> Changes)> Versions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var workshop = await workshops.FindPublicAsync(slug, ct);
        if (workshop is null) return NotFound();
        Workshop = workshop;
        var versions = await db.AgendaVersions.AsNoTracking().Where(v => v.WorkshopId == workshop.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Id, v.Number, v.PublishedAt, v.Note, v.Changes }).ToListAsync(ct);
        Versions = versions.Select(v => (new AgendaVersionInfo(v.Id, v.Number, v.PublishedAt, v.Note), AgendaVersion.ReadChanges(v.Changes))).ToList();
        return Page();
    }
}
