using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Privacy;

namespace Workshops.Web.Features.Organise.Data;

/// <summary>
/// What personal data a workshop holds, kind by kind, when the retention job erases each, and what organisers
/// erased already; each kind is erased from its own page, which says first what goes and what stays.
/// </summary>
public sealed class IndexModel(AppDbContext db, WorkshopEraser eraser, PrivacySettingsStore settings, TimeProvider clock) : PageModel
{
    public Workshop Workshop { get; private set; } = null!;
    public IReadOnlyDictionary<PersonalDataKind, int> Held { get; private set; } = new Dictionary<PersonalDataKind, int>();
    public IReadOnlyList<ErasureRecord> Erasures { get; private set; } = [];
    public ErasedBy By { get; private set; } = new(new Dictionary<string, string>());
    public PrivacySettings Periods { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var workshop = await db.Workshops.AsNoTracking().Include(w => w.Tracks).FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return NotFound();
        Workshop = workshop;
        Held = await eraser.HeldAsync(id, ct);
        Erasures = await db.ErasureRecords.AsNoTracking().Where(e => e.WorkshopId == id).OrderByDescending(e => e.At).Take(100).ToListAsync(ct);
        By = await ErasedBy.OfAsync(db, Erasures, ct);
        Periods = await settings.GetAsync(ct);
        return Page();
    }

    public bool MayErase(PersonalDataKind kind) => WorkshopEraser.MayErase(kind, Workshop.EndsAt, clock.GetUtcNow());

    /// <summary>When the daily job erases the kind on its own, or null when it keeps it until an organiser does.</summary>
    public DateTimeOffset? ErasedOn(PersonalDataKind kind) => Periods.DaysFor(kind) is > 0 and var days ? Workshop.EndsAt.AddDays(days) : null;
}
