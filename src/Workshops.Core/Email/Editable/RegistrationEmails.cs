using Workshops.Core.Domain.Registrations;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// The emails a participant gets: the receipt, and one for each status a registration moves to. Placeholders as in
/// <see cref="EditableEmails"/>; {{ registration_link }} is the participant's private page.
/// </summary>
public static class RegistrationEmails
{
    private static readonly Dictionary<string, string> Common = new()
    {
        ["name"] = "Ana Souza",
        ["workshop_title"] = "Living Atlases Workshop 2027, Madrid",
        ["workshop_dates"] = "8 to 12 March 2027",
        ["track"] = "Developers",
        ["registration_link"] = "https://workshops.example.org/registrations/link/q3L…",
        ["site_name"] = "Workshops",
    };

    public static readonly EditableEmail Received = new(
        "registration-received",
        "Registration receipt",
        "when a participant registers",
        "Your registration for {{ workshop_title }}",
        """
        Hello {{ name }},

        Thank you for registering for **{{ workshop_title }}** ({{ workshop_dates }}), {{ track }} track.

        {{ status_text }}

        Your registration, where you can change your answers or cancel: {{ registration_link }}
        """,
        With(new() { ["status_text"] = RegistrationDetails.ApprovalNotice(new DateOnly(2027, 2, 10)) }));

    public static readonly EditableEmail Admitted = new(
        "registration-admitted",
        "Admitted",
        "when a participant is admitted (by an organiser, at once in first-come mode, or from the waiting list)",
        "You have a seat at {{ workshop_title }}",
        """
        Hello {{ name }},

        You are admitted to **{{ workshop_title }}** ({{ workshop_dates }}), {{ track }} track. Your seat is kept for you.

        Your registration and your check-in code: {{ registration_link }}

        If you cannot come after all, please cancel there, so someone on the waiting list gets your seat.
        """,
        With(new()));

    public static readonly EditableEmail Waitlisted = new(
        "registration-waitlisted",
        "On the waiting list",
        "when a participant is put on the waiting list",
        "You are on the waiting list for {{ workshop_title }}",
        """
        Hello {{ name }},

        The {{ track }} track of **{{ workshop_title }}** is full for now, and you are on its waiting list. When a seat frees up, it goes to the next person in line, and we write to you at once.

        Your registration: {{ registration_link }}
        """,
        With(new()));

    public static readonly EditableEmail Declined = new(
        "registration-declined",
        "Not admitted",
        "when the organisers decline a registration",
        "About your registration for {{ workshop_title }}",
        """
        Hello {{ name }},

        Thank you for registering for **{{ workshop_title }}**. We had more registrations than seats, and we cannot offer you one this time.

        Your registration: {{ registration_link }}
        """,
        With(new()));

    public static readonly EditableEmail Cancelled = new(
        "registration-cancelled",
        "Cancelled",
        "when a registration is cancelled",
        "Your registration for {{ workshop_title }} is cancelled",
        """
        Hello {{ name }},

        Your registration for **{{ workshop_title }}** is cancelled. If that is a mistake, register again while registration is open.

        Your registration: {{ registration_link }}
        """,
        With(new()));

    public static readonly EditableEmail CheckedIn = new(
        "registration-checked-in",
        "Welcome (checked in)",
        "when a participant is checked in at the door",
        "Welcome to {{ workshop_title }}",
        """
        Hello {{ name }},

        You are checked in at **{{ workshop_title }}**, {{ track }} track. Welcome!

        Your registration: {{ registration_link }}
        """,
        With(new()));

    /// <summary>To each organiser, when a seat frees up and the workshop leaves promotion from the waiting list to them.</summary>
    public static readonly EditableEmail SeatFreed = new(
        "registration-seat-freed",
        "A seat came free (to organisers)",
        "when an admitted participant cancels or is moved off a seat and promotion from the waiting list is not automatic",
        "A seat came free: {{ workshop_title }}, {{ track }}",
        """
        Hello {{ name }},

        A seat came free on the {{ track }} track of **{{ workshop_title }}** ({{ workshop_dates }}): {{ participant }} no longer holds it.
        {{ waiting }} waiting for this track.

        Admit the next person from the registrations page: {{ registrations_link }}
        """,
        With(new() { ["name"] = "Olivia Martins", ["participant"] = "Ana Souza", ["waiting"] = "3 people are", ["registrations_link"] = "https://workshops.example.org/organise/workshops/…/registrations" }));

    public static readonly IReadOnlyList<EditableEmail> All = [Received, Admitted, Waitlisted, Declined, Cancelled, CheckedIn, SeatFreed];

    /// <summary>The email that tells a participant about a move to <paramref name="status"/>.</summary>
    public static EditableEmail? For(RegistrationStatus status) => status switch
    {
        RegistrationStatus.Admitted => Admitted,
        RegistrationStatus.Waitlisted => Waitlisted,
        RegistrationStatus.Declined => Declined,
        RegistrationStatus.Cancelled => Cancelled,
        RegistrationStatus.CheckedIn => CheckedIn,
        _ => null,
    };

    private static Dictionary<string, string> With(Dictionary<string, string> extra)
    {
        foreach (var (k, v) in Common) extra.TryAdd(k, v);
        return extra;
    }
}
