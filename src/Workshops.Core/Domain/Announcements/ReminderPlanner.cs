using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Materials;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;

namespace Workshops.Core.Domain.Announcements;

/// <summary>One moment a reminder goes: from At until Until (after that it would be news nobody needs), with its own placeholder values.</summary>
/// <param name="Values">The reminder's own placeholders for this occasion (which call, until when, where).</param>
public sealed record ReminderOccasion(string Reference, DateTimeOffset At, DateTimeOffset Until, Email.Editable.EmailValues Values, string? Label = null);

/// <summary>A workshop's reminder with the moments it goes (none: nothing to remind of, such as a workshop without a call).</summary>
/// <param name="Stored">False while it still has the built-in wording and settings, never saved.</param>
public sealed record PlannedReminder(Reminder Reminder, IReadOnlyList<ReminderOccasion> Occasions, bool Stored)
{
    /// <summary>What a form carries to detect a change made meanwhile: 0 for one never saved.</summary>
    public long Version => Stored ? Reminder.UpdatedAt.UtcTicks : 0;
}

/// <summary>Works out when each of a workshop's reminders goes, for the sweep that sends them and the page where organisers set them.</summary>
public sealed class ReminderPlanner(AppDbContext db, TimeProvider clock)
{
    /// <summary>A "materials are online" email a fortnight late is still welcome; a call reminder after the call closed is not.</summary>
    public static readonly TimeSpan MaterialsWindow = TimeSpan.FromDays(14);

    /// <summary>A "closes in 3 days" reminder found late (the site was down, the workshop published late) may go a day late, not later: its words would be wrong.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(1);

    private static DateTimeOffset Within(DateTimeOffset at, DateTimeOffset deadline) => at + Grace < deadline ? at + Grace : deadline;

    public async Task<IReadOnlyList<PlannedReminder>> PlanAsync(Workshop w, string origin, CancellationToken ct)
    {
        var stored = await db.Reminders.Where(r => r.WorkshopId == w.Id).ToListAsync(ct);
        var list = new List<PlannedReminder>();
        foreach (var kind in ReminderDefaults.All)
        {
            var saved = stored.FirstOrDefault(r => r.Kind == kind);
            var reminder = saved ?? Reminder.Default(w.Id, kind, clock.GetUtcNow());
            list.Add(new PlannedReminder(reminder, await OccasionsAsync(w, reminder, origin, ct), saved is not null));
        }
        return list;
    }

    private async Task<IReadOnlyList<ReminderOccasion>> OccasionsAsync(Workshop w, Reminder r, string origin, CancellationToken ct)
    {
        var days = TimeSpan.FromDays(r.Days);
        var workshopUrl = $"{origin}/workshops/{w.Slug}";
        var daysText = r.Days.ToString(CultureInfo.InvariantCulture);
        switch (r.Kind)
        {
            case ReminderKind.CallClosing:
                var calls = await db.Calls.AsNoTracking().Where(c => c.WorkshopId == w.Id && c.Kind == CallKind.Sessions).ToListAsync(ct);
                return calls.Select(c => new ReminderOccasion(Reference(r.Kind, c.Id), Max(c.ClosesAt - days, c.OpensAt), Within(Max(c.ClosesAt - days, c.OpensAt), c.ClosesAt),
                    new CallClosingValues { CallTitle = c.Title, CallCloses = Local(c.ClosesAt, c.TimeZoneId), CallUrl = $"{origin}/calls/{c.Id}", Days = daysText }, c.Title)).ToList();
            case ReminderKind.RegistrationClosing:
                var setup = await db.RegistrationSetups.AsNoTracking().FirstOrDefaultAsync(s => s.WorkshopId == w.Id, ct);
                return setup is null ? [] :
                [
                    new ReminderOccasion(Reference(r.Kind, w.Id), Max(setup.ClosesAt - days, setup.OpensAt), Within(Max(setup.ClosesAt - days, setup.OpensAt), setup.ClosesAt),
                        new RegistrationClosingValues { RegistrationCloses = Local(setup.ClosesAt, setup.TimeZoneId), RegisterUrl = $"{workshopUrl}/register", Days = daysText }),
                ];
            case ReminderKind.WorkshopStarting:
                return [new ReminderOccasion(Reference(r.Kind, w.Id), w.StartsAt - days, Within(w.StartsAt - days, w.StartsAt), new WorkshopStartingValues { AgendaUrl = $"{workshopUrl}/agenda", Days = daysText })];
            default:
                var items = db.AgendaItems.Where(i => i.WorkshopId == w.Id).Select(i => (Guid?)i.Id);
                var shared = await db.Materials.AnyAsync(m => (m.WorkshopId == w.Id || items.Contains(m.AgendaItemId)) && m.Visibility != MaterialVisibility.Organisers, ct);
                // Nothing online yet: no email saying it is.
                return !shared ? [] :
                [
                    new ReminderOccasion(Reference(r.Kind, w.Id), w.EndsAt + days, w.EndsAt + days + MaterialsWindow, new MaterialsOnlineValues { MaterialsUrl = $"{workshopUrl}/materials", Days = daysText }),
                ];
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    public static string Reference(ReminderKind kind, Guid id) => $"{kind}:{id:N}";

    private static string Local(DateTimeOffset at, string zoneId)
    {
        var zone = WorkshopTime.ZoneOrUtc(zoneId);
        return $"{Formats.LongDateAndTime(WorkshopTime.ToLocal(at, zone))} ({Formats.Zone(zone)})";
    }
}
