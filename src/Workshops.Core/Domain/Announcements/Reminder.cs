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
    /// <summary>The organisers' own subject by language; a language without one reads the English, else the built-in wording.</summary>
    public LocalText Subject { get; private set; } = new("");
    /// <summary>The organisers' own text, written in the same languages as <see cref="Subject"/>.</summary>
    public LocalText Body { get; private set; } = new("");
    public DateTimeOffset UpdatedAt { get; private set; }

    private Reminder() { }

    /// <summary>A reminder as it goes until organisers change it: on, at its usual day, in the built-in wording.</summary>
    public static Reminder Default(Guid workshopId, ReminderKind kind, DateTimeOffset now) =>
        new() { WorkshopId = workshopId, Kind = kind, Enabled = true, Days = ReminderDefaults.For(kind).Days, UpdatedAt = now };

    /// <summary>
    /// The wording for a reader of the current language: the organisers' in that language, else their English one,
    /// else the built-in wording in the reader's language. Subject and text always come from the same wording.
    /// </summary>
    public (string Subject, string Body) Wording()
    {
        foreach (var language in new[] { Tr.Language, FallbackLanguage })
            if (HasOwnWording(language)) return (Subject.In(language), Body.In(language));
        var d = ReminderDefaults.For(Kind);
        return (d.Subject, d.Body);
    }

    /// <summary>Whether the organisers wrote their own wording for readers of this language, not the built-in one.</summary>
    public bool HasOwnWording(string language)
    {
        if (Subject.Exactly(language) is not { Length: > 0 } subject) return false;
        // A row saved before wordings had languages holds the built-in English when nobody changed it.
        using var scope = Tr.Use(language);
        var d = ReminderDefaults.For(Kind);
        return !(Same(subject, d.Subject) && Same(Body.In(language), d.Body));
    }

    /// <summary>Changes the reminder and its wording in <paramref name="language"/>, the one the organiser writes in.</summary>
    public void Change(bool enabled, int days, string subject, string body, string language, DateTimeOffset now)
    {
        // "In 0 days" would be the moment itself, when it is too late to remind; after the workshop, 0 means the next day's check.
        var least = Kind == ReminderKind.MaterialsOnline ? 0 : 1;
        if (days < least || days > MaxDays) throw new DomainException(Tr.T("Choose between {0} and {1} days.", least, MaxDays), nameof(Days));
        if (string.IsNullOrWhiteSpace(subject)) throw new DomainException(Tr.T("Give the reminder a subject."), nameof(Subject));
        if (subject.Trim().Length > AnnouncementDetails.MaxSubject) throw new DomainException(Tr.T("Keep the subject under {0} characters.", AnnouncementDetails.MaxSubject), nameof(Subject));
        if (string.IsNullOrWhiteSpace(body)) throw new DomainException(Tr.T("Write the reminder's text."), nameof(Body));
        if (body.Length > AnnouncementDetails.MaxBody) throw new DomainException(Tr.T("Keep the text under {0:N0} characters.", AnnouncementDetails.MaxBody), nameof(Body));
        // The built-in wording left as it is stays built-in, so readers of other languages keep theirs instead of this one.
        using (Tr.Use(language))
        {
            var d = ReminderDefaults.For(Kind);
            var own = !(Same(subject, d.Subject) && Same(body, d.Body));
            (Subject, Body) = (Subject.With(language, own ? subject.Trim() : null), Body.With(language, own ? body.Trim() : null));
        }
        (Enabled, Days, UpdatedAt) = (enabled, days, now);
    }

    // English is the fallback of the organisers' wordings, as it is of the emails' (see TemplateMail).
    private const string FallbackLanguage = "en";

    private static bool Same(string a, string b) => a.Trim().ReplaceLineEndings("\n") == b.Trim().ReplaceLineEndings("\n");
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
