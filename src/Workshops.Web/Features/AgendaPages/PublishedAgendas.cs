using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Features.WorkshopPages;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>
/// Finds a public workshop's published agenda. A version's items never change once published, so each is read and
/// parsed once and kept in memory by version; every request still asks the database which version is the latest.
/// </summary>
public sealed class PublishedAgendas(AppDbContext db, WorkshopQueries workshops, IMemoryCache memory)
{
    public async Task<(Workshop? Workshop, PublishedAgenda? Agenda)> FindAsync(string slug, CancellationToken ct)
    {
        var workshop = await workshops.FindPublicAsync(slug, ct);
        if (workshop is null) return (null, null);
        return (workshop, await LatestAsync(workshop, ct));
    }

    public async Task<PublishedAgenda?> LatestAsync(Workshop workshop, CancellationToken ct)
    {
        var latest = await db.AgendaVersions.AsNoTracking()
            .Where(v => v.WorkshopId == workshop.Id)
            .OrderByDescending(v => v.Number)
            .Select(v => new AgendaVersionInfo(v.Id, v.Number, v.PublishedAt, v.Note))
            .FirstOrDefaultAsync(ct);
        if (latest is null) return null;
        var agenda = await memory.GetOrCreateAsync(("agenda", latest.Id, workshop.UpdatedAt), async entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            var json = await db.AgendaVersions.Where(v => v.Id == latest.Id).Select(v => v.Snapshot).FirstAsync(ct);
            return new PublishedAgenda(workshop, latest, AgendaSnapshot.FromJson(json));
        });
        // The note is the one thing that changes after publishing.
        return agenda!.Version.Note == latest.Note ? agenda : new PublishedAgenda(workshop, latest, agenda.Snapshot);
    }
}
