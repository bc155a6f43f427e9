using Workshops.Core.Localization;
using System.Diagnostics.CodeAnalysis;
using Workshops.Core.Domain.Registrations;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// The emails a participant gets: the receipt, and one for each status a registration moves to. Placeholders as in
/// <see cref="ProposalEmails"/>; {registration_link} is the participant's private page.
/// </summary>
public static class RegistrationEmails
{
    /// <summary>The participant the previews are written for.</summary>
    private static readonly RegistrationValues Example = new()
    {
        Name = "Ana Souza",
        WorkshopTitle = "Living Atlases Workshop 2027, Madrid",
        WorkshopDates = "8 to 12 March 2027",
        Track = "Developers",
        RegistrationLink = "https://workshops.example.org/registrations/link/q3L…",
    };

    public static readonly EditableEmail<RegistrationReceivedValues> Received = new(
        "registration-received",
        Tr.Key("Registration receipt"),
        Tr.Key("when a participant registers"),
        Tr.Key("Your registration for {workshop_title}"),
        Tr.Key("""
        Hello {name},

        Thank you for registering for **{workshop_title}** ({workshop_dates}), {track} track.

        {status_text}

        Your registration, where you can change your answers or cancel: {registration_link}
        """),
        new RegistrationReceivedValues(Example, RegistrationDetails.ApprovalNotice(new DateOnly(2027, 2, 10))));

    public static readonly EditableEmail<RegistrationValues> Admitted = new(
        "registration-admitted",
        Tr.Key("Admitted"),
        Tr.Key("when a participant is admitted (by an organiser, at once in first-come mode, or from the waiting list)"),
        Tr.Key("You have a seat at {workshop_title}"),
        Tr.Key("""
        Hello {name},

        You are admitted to **{workshop_title}** ({workshop_dates}), {track} track. Your seat is kept for you.

        Your registration and your check-in code: {registration_link}

        If you cannot come after all, please cancel there, so someone on the waiting list gets your seat.
        """),
        Example);

    public static readonly EditableEmail<WaitlistedValues> Waitlisted = new(
        "registration-waitlisted",
        Tr.Key("On the waiting list"),
        Tr.Key("when a participant is put on the waiting list"),
        Tr.Key("You are on the waiting list for {workshop_title}"),
        Tr.Key("""
        Hello {name},

        You are on the waiting list of the {track} track of **{workshop_title}**. {why}

        Your registration: {registration_link}
        """),
        new WaitlistedValues(Example, WaitingList.Reason(seatFree: false, autoPromote: true)));

    public static readonly EditableEmail<RegistrationValues> Declined = new(
        "registration-declined",
        Tr.Key("Not admitted"),
        Tr.Key("when the organisers decline a registration"),
        Tr.Key("About your registration for {workshop_title}"),
        Tr.Key("""
        Hello {name},

        Thank you for registering for **{workshop_title}**. We had more registrations than seats, and we cannot offer you one this time.

        Your registration: {registration_link}
        """),
        Example);

    public static readonly EditableEmail<RegistrationValues> Cancelled = new(
        "registration-cancelled",
        Tr.Key("registration email|Cancelled"),
        Tr.Key("when a registration is cancelled"),
        Tr.Key("Your registration for {workshop_title} is cancelled"),
        Tr.Key("""
        Hello {name},

        Your registration for **{workshop_title}** is cancelled. If that is a mistake, register again while registration is open.

        Your registration: {registration_link}
        """),
        Example);

    public static readonly EditableEmail<RegistrationValues> CheckedIn = new(
        "registration-checked-in",
        Tr.Key("Welcome (checked in)"),
        Tr.Key("when a participant is checked in at the door"),
        Tr.Key("Welcome to {workshop_title}"),
        Tr.Key("""
        Hello {name},

        You are checked in at **{workshop_title}**, {track} track. Welcome!

        Your registration: {registration_link}
        """),
        Example);

    /// <summary>To each organiser, when a seat frees up and the workshop leaves promotion from the waiting list to them.</summary>
    public static readonly EditableEmail<SeatFreedValues> SeatFreed = new(
        "registration-seat-freed",
        Tr.Key("A seat came free (to organisers)"),
        Tr.Key("when an admitted participant cancels or is moved off a seat and promotion from the waiting list is not automatic"),
        Tr.Key("A seat came free: {workshop_title}, {track}"),
        Tr.Key("""
        Hello {name},

        A seat came free on the {track} track of **{workshop_title}** ({workshop_dates}): {participant} no longer holds it.
        {waiting} waiting for this track.

        Admit the next person from the registrations page: {registrations_link}
        """),
        new SeatFreedValues
        {
            Name = "Olivia Martins",
            Participant = "Ana Souza",
            WorkshopTitle = "Living Atlases Workshop 2027, Madrid",
            WorkshopDates = "8 to 12 March 2027",
            Track = "Developers",
            Waiting = "3 people are",
            RegistrationsLink = "https://workshops.example.org/organise/workshops/…/registrations",
        });

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
}

/// <summary>What every email to a participant names; {registration_link} is their private page.</summary>
public record RegistrationValues : EmailValues
{
    public required string Name { get; init; }
    public required string WorkshopTitle { get; init; }
    public required string WorkshopDates { get; init; }
    public required string Track { get; init; }
    public required string RegistrationLink { get; init; }
}

/// <summary>The receipt also says how admission works at this workshop.</summary>
public sealed record RegistrationReceivedValues : RegistrationValues
{
    public RegistrationReceivedValues() { }

    [SetsRequiredMembers]
    public RegistrationReceivedValues(RegistrationValues values, string statusText) : base(values) => StatusText = statusText;

    public required string StatusText { get; init; }
}

/// <summary>To an organiser: whose seat came free, how many wait, and the list to promote from.</summary>
public sealed record SeatFreedValues : EmailValues
{
    public required string Name { get; init; }
    public required string Participant { get; init; }
    public required string WorkshopTitle { get; init; }
    public required string WorkshopDates { get; init; }
    public required string Track { get; init; }
    public required string Waiting { get; init; }
    public required string RegistrationsLink { get; init; }
}

/// <summary>The waiting-list email also says why the participant waits (see <see cref="WaitingList.Reason"/>).</summary>
public sealed record WaitlistedValues : RegistrationValues
{
    public WaitlistedValues() { }

    [SetsRequiredMembers]
    public WaitlistedValues(RegistrationValues values, string why) : base(values) => Why = why;

    public required string Why { get; init; }
}
