using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Calendar;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// Queues the reminders whose moment has come: each occasion once, to the people it is for at that moment, less those
/// who unsubscribed. An occasion already in the outbox is done; the outbox's unique (kind, reference, address) stops
/// a second sweep racing this one from mailing anyone twice.
/// </summary>
public sealed class ReminderSweep(AppDbContext db, ReminderPlanner planner, AudienceResolver audiences, AnnouncementMail mail, UnsubscribeLinks links,
    Outbox outbox, TimeProvider clock, IOptions<SiteOptions> site, SiteAddress address)
{
    public const string Kind = "reminder";

    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var origin = address.Origin;
        // A workshop long over has nothing left to remind of.
        var oldest = now - TimeSpan.FromDays(Reminder.MaxDays) - ReminderPlanner.MaterialsWindow;
        var workshops = await db.Workshops.Include(w => w.Tracks).AsNoTracking()
            .Where(w => w.Status == WorkshopStatus.Published && w.EndsAt > oldest).ToListAsync(ct);
        var queued = 0;
        foreach (var w in workshops) queued += await QueueDueAsync(w, origin, now, ct);
        return queued;
    }

    /// <summary>Queues a workshop's reminders that are due and not sent yet, each in its reader's language.</summary>
    private async Task<int> QueueDueAsync(Workshop w, string origin, DateTimeOffset now, CancellationToken ct)
    {
        // A reminder's dates are worded in each reader's language: the workshop is planned once per language among its readers.
        var plans = new Dictionary<string, IReadOnlyList<PlannedReminder>>();
        async Task<EmailValues> ValuesIn(string language, ReminderOccasion o)
        {
            if (!plans.TryGetValue(language, out var plan))
                using (Tr.Use(language)) plans[language] = plan = await planner.PlanAsync(w, origin, ct);
            return plan.SelectMany(p => p.Occasions).FirstOrDefault(x => x.Reference == o.Reference)?.Values ?? o.Values;
        }
        var queued = 0;
        foreach (var (reminder, occasions, _) in await planner.PlanAsync(w, origin, ct))
        foreach (var o in occasions.Where(o => reminder.Enabled && o.At <= now && now < o.Until))
        {
            if (await db.OutboxMessages.AnyAsync(m => m.Kind == Kind && m.Reference == o.Reference, ct)) continue;
            var people = await RecipientsAsync(reminder.Kind, w.Id, ct);
            var values = new Dictionary<string, EmailValues>();
            foreach (var language in people.Select(p => p.Language ?? "").Distinct()) values[language] = await ValuesIn(language, o);
            foreach (var to in people)
            {
                var unsubscribe = links.Url(origin, to.Email);
                using var language = Tr.Use(to.Language);
                var (subject, body) = reminder.Wording();
                var message = outbox.Queue(Kind, o.Reference, to.Email, to.Name,
                        mail.Reminder(subject, body, w, origin, to, unsubscribe, site.Value.Name, values[to.Language ?? ""]))
                    .AsBulk(null, unsubscribe);
                if (reminder.Kind == ReminderKind.WorkshopStarting) message.WithAttachment($"{w.Slug}.ics", "text/calendar", Calendar(w, origin, now));
            }
            await db.SaveChangesAsync(ct);
            queued += people.Count;
        }
        return queued;
    }

    /// <summary>Who a reminder is for now; shown on the organisers' page too.</summary>
    public async Task<IReadOnlyList<Recipient>> RecipientsAsync(ReminderKind kind, Guid workshopId, CancellationToken ct)
    {
        RegistrationStatus[] attending = [RegistrationStatus.Admitted, RegistrationStatus.CheckedIn];
        var audience = kind switch
        {
            ReminderKind.CallClosing or ReminderKind.RegistrationClosing => new Audience(true, [], [], false, false, null),
            ReminderKind.WorkshopStarting => new Audience(false, attending, [], false, false, null),
            _ => new Audience(false, attending, [], true, false, null),
        };
        var resolved = await audiences.ResolveAsync(audience, workshopId, ct);
        // Those who registered (in any live status) need no reminder to register.
        return kind == ReminderKind.RegistrationClosing ? resolved.Recipients.Where(r => r.Status is null).ToList() : resolved.Recipients;
    }

    /// <summary>The workshop as one calendar event, linking to its agenda.</summary>
    private static string Calendar(Workshop w, string origin, DateTimeOffset now)
    {
        var place = string.Join(", ", new[] { w.Venue, w.Address, w.City, w.Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var entry = new CalendarEntry(w.Id, w.Title, w.StartsAt, w.EndsAt, place.Length == 0 ? null : place, Tr.T("Agenda: {0}", $"{origin}/workshops/{w.Slug}/agenda"),
            $"{origin}/workshops/{w.Slug}");
        return CalendarFeed.Build(w.Title, w.TimeZoneId, [entry], new Uri(origin).Host, now, 0);
    }
}
