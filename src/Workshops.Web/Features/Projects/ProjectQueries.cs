using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Projects;

/// <summary>A workshop or past event a project funded, as its page lists them: newest first.</summary>
public sealed record FundedEvent(string Title, string Path, int? Year);

/// <summary>Which projects funded what, read from both sides: a project's events, and an event's projects.</summary>
public sealed class ProjectQueries(AppDbContext db)
{
    public async Task<IReadOnlyList<Project>> FundingWorkshopAsync(Guid workshopId, CancellationToken ct) =>
        await db.Projects.AsNoTracking().Where(p => p.WorkshopIds.Contains(workshopId)).OrderByDescending(p => p.StartYear).ToListAsync(ct);

    public async Task<IReadOnlyList<Project>> FundingEventAsync(Guid eventId, CancellationToken ct) =>
        await db.Projects.AsNoTracking().Where(p => p.EventIds.Contains(eventId)).OrderByDescending(p => p.StartYear).ToListAsync(ct);

    /// <summary>What it funded that visitors may see: a workshop still in draft stays off its page.</summary>
    public async Task<IReadOnlyList<FundedEvent>> FundedByAsync(Project project, CancellationToken ct)
    {
        var workshops = await db.Workshops.AsNoTracking().Where(w => project.WorkshopIds.Contains(w.Id) && WorkshopStatuses.Public.Contains(w.Status)).ToListAsync(ct);
        var events = await db.ArchivedEvents.AsNoTracking().Where(e => project.EventIds.Contains(e.Id)).ToListAsync(ct);
        return workshops.Select(w => new FundedEvent(w.Title, $"/workshops/{w.Slug}", w.Year))
            .Concat(events.Select(e => new FundedEvent(e.Title, $"/archive/{e.Slug}", e.Year)))
            .OrderByDescending(f => f.Year).ThenBy(f => f.Title, StringComparer.CurrentCulture).ToList();
    }

    /// <summary>Every workshop and past event, for the organisers' form to tick the ones a project funded.</summary>
    public async Task<(IReadOnlyList<Workshop> Workshops, IReadOnlyList<ArchivedEvent> Events)> ChoicesAsync(CancellationToken ct)
    {
        var workshops = (await db.Workshops.AsNoTracking().ToListAsync(ct)).OrderByDescending(w => w.StartsAt).ToList();
        var events = (await db.ArchivedEvents.AsNoTracking().ToListAsync(ct)).OrderByDescending(e => e.StartsOn).ThenBy(e => e.Title).ToList();
        return (workshops, events);
    }
}
