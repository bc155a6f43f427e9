using Workshops.Core.Domain.Common;
using Workshops.Core.Localization;
using Workshops.Core.Time;

namespace Workshops.Core.Domain.Announcements;

public enum ReminderKind
{
    /// <summary>To subscribers: the workshop's call for sessions closes in N days.</summary>
    CallClosing,
    /// <summary>To subscribers not yet registered: registration closes in N days.</summary>
    RegistrationClosing,
    /// <summary>To admitted participants: the workshop starts in N days, with the agenda link and a calendar file.</summary>
    WorkshopStarting,
    /// <summary>To participants and speakers, N days after the workshop: its materials are online.</summary>
    MaterialsOnline,
}

/// <summary>
/// One of a workshop's automatic reminders: its wording, how many days from its moment it goes, and whether it goes
/// at all. A workshop without a row for a kind uses <see cref="ReminderDefaults"/>.
/// </summary>
public sealed class Reminder
{
    public const int MaxDays = 90;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid WorkshopId { get; private set; }
    public ReminderKind Kind { get; private set; }
    public bool Enabled { get; private set; }
    public int Days { get; private set; }
    public string Subject { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private Reminder() { }

    public static Reminder Default(Guid workshopId, ReminderKind kind, DateTimeOffset now)
    {
        var d = ReminderDefaults.For(kind);
        return new Reminder { WorkshopId = workshopId, Kind = kind, Enabled = true, Days = d.Days, Subject = d.Subject, Body = d.Body, UpdatedAt = now };
    }

    public void Change(bool enabled, int days, string subject, string body, DateTimeOffset now)
    {
        // "In 0 days" would be the moment itself, when it is too late to remind; after the workshop, 0 means the next day's check.
        var least = Kind == ReminderKind.MaterialsOnline ? 0 : 1;
        if (days < least || days > MaxDays) throw new DomainException(Tr.T("Choose between {0} and {1} days.", least, MaxDays), nameof(Days));
        if (string.IsNullOrWhiteSpace(subject)) throw new DomainException(Tr.T("Give the reminder a subject."), nameof(Subject));
        if (subject.Trim().Length > AnnouncementDetails.MaxSubject) throw new DomainException(Tr.T("Keep the subject under {0} characters.", AnnouncementDetails.MaxSubject), nameof(Subject));
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException(Tr.T("Write the reminder's text."), nameof(Body));
        if (body.Length > AnnouncementDetails.MaxBody) throw new DomainException(Tr.T("Keep the text under {0:N0} characters.", AnnouncementDetails.MaxBody), nameof(Body));
        (Enabled, Days, Subject, Body, UpdatedAt) = (enabled, days, subject.Trim(), body.Trim(), now);
    }
}

/// <summary>What each reminder says and when it goes until an organiser changes it.</summary>
public static class ReminderDefaults
{
    /// <param name="Example">The reminder's own placeholders, with the values its preview shows.</param>
    public sealed record Wording(string Name, string Audience, string When, int Days, string Subject, string Body, Email.Editable.EmailValues Example);

    public static readonly ReminderKind[] All = [ReminderKind.CallClosing, ReminderKind.RegistrationClosing, ReminderKind.WorkshopStarting, ReminderKind.MaterialsOnline];

    // A deadline as the preview shows it, written as the real one is (see ReminderPlanner), in the reader's language.
    private static string Example(int day, int month) =>
        $"{Formats.LongDateAndTime(new DateTime(2027, month, day, 23, 59, 0))} ({Formats.Zone("Europe/Madrid")})";

    public static Wording For(ReminderKind kind) => kind switch
    {
        ReminderKind.CallClosing => new(Tr.T("Call for sessions closing"), Tr.T("community subscribers"), Tr.T("days before the call closes"), 3,
            Tr.T("{call_title} closes in {days} days"),
            Tr.T("Dear {first_name},\n\nThe call for sessions of **{workshop_title}** closes on {call_closes}. If you have something to show or discuss, [propose a session]({call_url}) before then."),
            new CallClosingValues { CallTitle = Tr.T("Sessions for the workshop"), CallCloses = Example(12, 3), CallUrl = "https://…/calls/…", Days = "3" }),
        ReminderKind.RegistrationClosing => new(Tr.T("Registration closing"), Tr.T("community subscribers who have not registered"), Tr.T("days before registration closes"), 3,
            Tr.T("Registration for {workshop_title} closes in {days} days"),
            Tr.T("Dear {first_name},\n\nRegistration for **{workshop_title}** ({workshop_dates}, {workshop_place}) closes on {registration_closes}. [Register now]({register_url}) if you want a seat."),
            new RegistrationClosingValues { RegistrationCloses = Example(2, 4), RegisterUrl = "https://…/workshops/…/register", Days = "3" }),
        ReminderKind.WorkshopStarting => new(Tr.T("Workshop starting"), Tr.T("admitted participants"), Tr.T("days before the workshop starts"), 7,
            Tr.T("{workshop_title} starts in {days} days"),
            Tr.T("Dear {first_name},\n\n**{workshop_title}** starts on {workshop_dates} in {workshop_place}. The agenda is at {agenda_url}, and the attached calendar file puts the workshop in your calendar.\n\nSee you there!"),
            new WorkshopStartingValues { AgendaUrl = "https://…/workshops/…/agenda", Days = "7" }),
        _ => new(Tr.T("Materials online"), Tr.T("participants and speakers"), Tr.T("days after the workshop ends"), 2,
            Tr.T("The materials of {workshop_title} are online"),
            Tr.T("Dear {first_name},\n\nThank you for coming to **{workshop_title}**. The slides, recordings and other materials are online: {materials_url}."),
            new MaterialsOnlineValues { MaterialsUrl = "https://…/workshops/…/materials", Days = "2" }),
    };
}
