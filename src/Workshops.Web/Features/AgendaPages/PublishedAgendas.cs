using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>
/// Finds a public workshop's published agenda. A version's items never change once published, so each is read and
/// parsed once and kept in memory by version. Which version is the latest (and whether the workshop is public) is
/// asked of the database in one small query, whose answer is kept for two seconds at most: publishing or editing
/// here drops it at once (with the cached pages), and another instance sees the change within those two seconds,
/// where its visitors' cached pages take up to a minute. Under a crowd of signed-in people right after a publish
/// this saves one statement per page; a quiet site asks every time.
/// </summary>
public sealed class PublishedAgendas(AppDbContext db, IMemoryCache memory)
{
    private sealed record Head(Guid WorkshopId, DateTimeOffset WorkshopChanged, AgendaVersionInfo? Latest);

    private static readonly Func<AppDbContext, string, CancellationToken, Task<Head?>> HeadBySlug = EF.CompileAsyncQuery(
        (AppDbContext db, string slug, CancellationToken ct) => db.Workshops
            .Where(w => w.Slug == slug && (w.Status == WorkshopStatus.Published || w.Status == WorkshopStatus.Cancelled))
            .Select(w => new Head(w.Id, w.UpdatedAt, db.AgendaVersions
                .Where(v => v.WorkshopId == w.Id)
                .OrderByDescending(v => v.Number)
                .Select(v => new AgendaVersionInfo(v.Id, v.Number, v.PublishedAt, v.Note))
                .FirstOrDefault()))
            .FirstOrDefault());

    public async Task<(Workshop? Workshop, PublishedAgenda? Agenda)> FindAsync(string slug, CancellationToken ct)
    {
        var key = ("agenda-head", slug, Infrastructure.PublicPageCache.Generation);
        if (!memory.TryGetValue(key, out Head? head))
        {
            head = await HeadBySlug(db, slug, ct);
            // Only what exists is kept: a workshop published a moment later must not stay "not found".
            if (head is not null) memory.Set(key, head, TimeSpan.FromSeconds(2));
        }
        if (head is null) return (null, null);
        // Keyed by when the workshop last changed: an edit (its zone, its tracks) gives a fresh copy.
        var workshop = await memory.GetOrCreateAsync(("workshop", head.WorkshopId, head.WorkshopChanged), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            return await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == head.WorkshopId, ct);
        });
        if (head.Latest is not { } latest) return (workshop, null);
        // The note is the one thing that changes after publishing, so it is part of the key.
        var agenda = await memory.GetOrCreateAsync(("agenda", latest.Id, head.WorkshopChanged, latest.Note), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromMinutes(30);
            var json = await db.AgendaVersions.Where(v => v.Id == latest.Id).Select(v => v.Snapshot).FirstAsync(ct);
            return new PublishedAgenda(workshop!, latest, AgendaSnapshot.FromJson(json));
        });
        return (workshop, agenda);
    }
}
