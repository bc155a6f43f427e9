using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// Turns a due announcement into one outbox row per recipient, in the same transaction as its move to Sending: after
/// a crash either all of its emails are queued or none, and running it again finds it started and does nothing.
/// </summary>
public sealed class AnnouncementStarter(AppDbContext db, AudienceResolver audiences, AnnouncementMail mail, UnsubscribeLinks links, Outbox outbox,
    TimeProvider clock, IOptions<SiteOptions> site, global::Workshops.Core.Webhooks.WebhookOutbox webhooks)
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
        // Scheduling records the site's address; links made without it would point nowhere.
        var origin = a.Origin ?? throw new InvalidOperationException($"Announcement {a.Id} has no site address to link to.");
        foreach (var to in resolved.Recipients)
        {
            var unsubscribe = links.Url(origin, to.Email);
            using var language = Tr.Use(to.Language);
            outbox.Queue(Kind, a.Id.ToString(), to.Email, to.Name, mail.Render(a, workshop, to, unsubscribe, site.Value.Name)).AsBulk(a.Id, unsubscribe);
        }
        db.StatusChanges.Add(a.Start(resolved.Recipients.Count, now));
        // News the public can read (not about a workshop still in draft), told in the same transaction as its start.
        if (a.PublishedAt is not null && (workshop is null || workshop.IsPublic))
            await webhooks.RaiseAsync(global::Workshops.Core.Domain.Webhooks.WebhookEvents.NewsPublished, a.WorkshopId,
                new { news = new { id = a.Id }, workshop = workshop?.Slug, api = $"/api/v1/news/{a.Id}", page = $"/news/{a.Id}" }, ct);
        await db.SaveChangesAsync(ct);
        webhooks.Kick();
        return resolved.Recipients.Count;
    }

    public async Task<List<Guid>> DueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return await db.Announcements.Where(a => a.Status == AnnouncementStatus.Scheduled && a.ScheduledFor <= now).Select(a => a.Id).ToListAsync(ct);
    }
}
