using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;

namespace Workshops.Core.Domain.Announcements;

/// <summary>Where campaigns stand in the outbox: the sender asks after each run, so this stays one query and nothing more.</summary>
public sealed class CampaignProgress(AppDbContext db, TimeProvider clock)
{
    private static readonly OutboxStatus[] Waiting = [OutboxStatus.Queued, OutboxStatus.Sending, OutboxStatus.Held];

    /// <summary>Announcements whose every email was sent or failed for good are marked sent.</summary>
    public async Task<int> FinishDoneAsync(CancellationToken ct)
    {
        var done = await db.Announcements
            .Where(a => a.Status == AnnouncementStatus.Sending && !db.OutboxMessages.Any(m => m.CampaignId == a.Id && Waiting.Contains(m.Status)))
            .ToListAsync(ct);
        foreach (var a in done)
            if (a.Finish(clock.GetUtcNow()) is { } change) db.StatusChanges.Add(change);
        try
        {
            if (done.Count > 0) await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Resent or paused in the meantime: it is not done after all, and the next run looks again.
            return 0;
        }
        return done.Count;
    }
}
