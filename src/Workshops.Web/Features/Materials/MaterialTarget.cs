using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Materials;

/// <summary>What a material belongs to: a session of a workshop, a workshop as a whole, or an archived event.</summary>
public sealed record MaterialTarget(Workshop? Workshop, AgendaItem? Session, ArchivedEvent? Event)
{
    public string Name => Session is not null ? $"{Session.Title} ({Workshop!.Title})" : Workshop?.Title ?? Event!.Title;

    /// <summary>Where the materials of this target are listed.</summary>
    public string ListUrl => Workshop is not null ? $"/workshops/{Workshop.Slug}/materials" : $"/archive/{Event!.Slug}";

    public static async Task<MaterialTarget?> FindAsync(AppDbContext db, Guid? workshopId, Guid? sessionId, Guid? eventId, CancellationToken ct)
    {
        if (sessionId is { } s)
        {
            var session = await db.AgendaItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == s, ct);
            if (session is null) return null;
            return new MaterialTarget(await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == session.WorkshopId, ct), session, null);
        }
        if (workshopId is { } w)
            return await db.Workshops.AsNoTracking().FirstOrDefaultAsync(x => x.Id == w, ct) is { } workshop ? new MaterialTarget(workshop, null, null) : null;
        if (eventId is { } e)
            return await db.ArchivedEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == e, ct) is { } archived ? new MaterialTarget(null, null, archived) : null;
        return null;
    }

    public static Task<MaterialTarget?> OfAsync(AppDbContext db, Material m, CancellationToken ct) =>
        FindAsync(db, m.WorkshopId, m.AgendaItemId, m.ArchivedEventId, ct);

    /// <summary>Organisers manage every material; a speaker, the materials of their own sessions.</summary>
    public async Task<bool> CanManageAsync(AppDbContext db, MaterialViewer viewer, CancellationToken ct) =>
        viewer.IsOrganiser || (viewer.UserId is { } me && Session is not null && await SessionsOf(db, me).AnyAsync(i => i.Id == Session.Id, ct));

    /// <summary>The sessions someone speaks in: named as a speaker with their account, or the proposer of the session.</summary>
    public static IQueryable<AgendaItem> SessionsOf(AppDbContext db, string userId)
    {
        var proposed = db.Proposals.Where(p => p.ProposerId == userId).Select(p => (Guid?)p.Id);
        return db.AgendaItems.Where(i => i.Speakers.Any(s => s.UserId == userId) || proposed.Contains(i.ProposalId));
    }
}
