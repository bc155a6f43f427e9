using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;

namespace Workshops.Core.Announcements;

/// <summary>
/// Turns a due announcement into one outbox row per recipient, in the same transaction as its move to Sending: after
/// a crash either all of its emails are queued or none, and running it again finds it started and does nothing.
/// </summary>
public sealed class AnnouncementStarter(AppDbContext db, AudienceResolver audiences, AnnouncementMail mail, UnsubscribeLinks links, Outbox outbox,
    TimeProvider clock, IOptions<SiteOptions> site)
{
    public const string Kind = "announcement";

    /// <summary>Starts it if it is scheduled and due; returns how many emails it queued.</summary>
    public async Task<int> StartAsync(Guid id, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var a = await db.Announcements.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is not { Status: AnnouncementStatus.Scheduled } || a.ScheduledFor > now) return 0;
        var workshop = a.WorkshopId is { } w ? await db.Workshops.Include(x => x.Tracks).AsNoTracking().FirstOrDefaultAsync(x => x.Id == w, ct) : null;
        var resolved = await audiences.ResolveAsync(a.Audience, a.WorkshopId, ct);
        var origin = a.Origin ?? site.Value.Origin("http", "localhost");
        foreach (var to in resolved.Recipients)
        {
            var unsubscribe = links.Url(origin, to.Email);
            outbox.Queue(Kind, a.Id.ToString(), to.Email, to.Name, mail.Render(a, workshop, to, unsubscribe, site.Value.Name)).AsBulk(a.Id, unsubscribe);
        }
        a.Start(resolved.Recipients.Count, now);
        await db.SaveChangesAsync(ct);
        return resolved.Recipients.Count;
    }

    /// <summary>Announcements whose every email was sent or failed for good are marked sent.</summary>
    public async Task<int> FinishDoneAsync(CancellationToken ct)
    {
        var waiting = new[] { OutboxStatus.Queued, OutboxStatus.Sending, OutboxStatus.Held };
        var done = await db.Announcements
            .Where(a => a.Status == AnnouncementStatus.Sending && !db.OutboxMessages.Any(m => m.CampaignId == a.Id && waiting.Contains(m.Status)))
            .ToListAsync(ct);
        foreach (var a in done) a.Finish(clock.GetUtcNow());
        if (done.Count > 0) await db.SaveChangesAsync(ct);
        return done.Count;
    }

    public async Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Announcements.Where(a => a.Status == AnnouncementStatus.Scheduled && a.ScheduledFor <= now).Select(a => a.Id).ToListAsync(ct);
    }
}
