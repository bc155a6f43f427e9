using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.WorkshopPages;

/// <summary>What visitors may read about workshops: only published and cancelled ones.</summary>
public sealed class WorkshopQueries(AppDbContext db, TimeProvider clock)
{
    public Task<Workshop?> FindPublicAsync(string slug, CancellationToken ct) =>
        db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Slug == slug && WorkshopStatuses.Public.Contains(w.Status), ct);

    public async Task<(IReadOnlyList<Workshop> Upcoming, IReadOnlyList<Workshop> Past)> HomeAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var all = await db.Workshops.AsNoTracking()
            .Where(w => w.Status == WorkshopStatus.Published || w.Status == WorkshopStatus.Cancelled)
            .OrderBy(w => w.StartsAt)
            .ToListAsync(ct);
        var upcoming = all.Where(w => w.EndsAt >= now).ToList();
        var past = all.Where(w => w.EndsAt < now).OrderByDescending(w => w.StartsAt).ToList();
        return (upcoming, past);
    }
}
