using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>The sessions a signed-in person starred, which make their own agenda and their private calendar feed.</summary>
public sealed class AgendaStars(AppDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlySet<Guid>> OfAsync(string? userId, Guid workshopId, CancellationToken ct) =>
        userId is null ? new HashSet<Guid>()
            : (await db.AgendaStars.Where(s => s.UserId == userId && s.WorkshopId == workshopId).Select(s => s.ItemId).ToListAsync(ct)).ToHashSet();

    /// <summary>Stars or unstars an item of the published agenda; returns whether it is starred now.</summary>
    public async Task<bool> ToggleAsync(string userId, PublishedAgenda agenda, Guid itemId, CancellationToken ct)
    {
        var removed = await db.AgendaStars.Where(s => s.UserId == userId && s.ItemId == itemId).ExecuteDeleteAsync(ct);
        if (removed > 0) return false;
        db.AgendaStars.Add(AgendaStar.For(userId, agenda.Workshop.Id, itemId, clock.GetUtcNow()));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click: the first one starred it already.
            db.ChangeTracker.Clear();
        }
        return true;
    }
}
