using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Core.Email.Editable;

namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>A workshop's automatic reminders, which are announcements that go by themselves.</summary>
public sealed partial class AnnouncementDesk
{
    /// <summary>
    /// Switches a reminder on or off and changes its wording; a placeholder it cannot fill is refused now, not left
    /// blank in a hundred emails later. A form drawn before someone else saved it changes nothing.
    /// </summary>
    public async Task<EditResult> SaveReminderAsync(Guid workshopId, ReminderKind kind, bool enabled, int? days, string? subject, string? body, long version,
        string origin, CancellationToken ct)
    {
        var workshop = await WorkshopAsync(workshopId, ct);
        if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        var reminder = await db.Reminders.FirstOrDefaultAsync(r => r.WorkshopId == workshopId && r.Kind == kind, ct);
        var name = ReminderDefaults.For(kind).Name;
        try
        {
            if ((reminder?.UpdatedAt.UtcTicks ?? 0) != version)
                return EditResult.Fail("Version", Tr.T("Someone changed “{0}” since you opened this page. Here it is as it is now.", name));
            if (days is null) return EditResult.Fail(nameof(Reminder.Days), Tr.T("Give the number of days as a whole number, such as 3."));
            if (reminder is null) db.Reminders.Add(reminder = Reminder.Default(workshopId, kind, clock.GetUtcNow()));
            // The wording in the language the organiser is reading the site in; switching language writes another.
            reminder.Change(enabled, days.Value, subject ?? "", body ?? "", Tr.Language, clock.GetUtcNow());
            var (s, b) = reminder.Wording();
            ReminderExample(workshop, s, b, kind, origin);
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(reminder.Id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateException)
        {
            return EditResult.Fail(null, Tr.T("Someone changed “{0}” at that moment. Try again.", name));
        }
    }

    /// <summary>The reminder as an admitted participant would get it, or why it cannot be written.</summary>
    public EditResult<RenderedEmail> PreviewReminder(Workshop w, string subject, string body, ReminderKind kind, string origin, EmailValues? values = null)
    {
        try
        {
            return EditResult<RenderedEmail>.Ok(ReminderExample(w, subject, body, kind, origin, values));
        }
        catch (DomainException e)
        {
            return EditResult<RenderedEmail>.Refused(e);
        }
    }

    private RenderedEmail ReminderExample(Workshop w, string subject, string body, ReminderKind kind, string origin, EmailValues? values = null) =>
        mail.Reminder(subject, body, w, origin, AnnouncementMail.Example with { Status = Core.Domain.Registrations.RegistrationStatus.Admitted, Track = w.Tracks.OrderBy(t => t.Position).FirstOrDefault()?.Name },
            origin + "/unsubscribe/preview", site.Value.Name, values ?? ReminderDefaults.For(kind).Example);
}
