using Workshops.Core.Localization;
namespace Workshops.Core.Email.Editable;

/// <summary>The emails about a participant's documents: their attendee pack is first ready, their invitation letter is approved. Placeholders as in <see cref="ProposalEmails"/>.</summary>
public static class PackEmails
{
    public static readonly EditableEmail<PackReadyValues> Ready = new(
        "pack-ready",
        Tr.Key("Attendee pack ready"),
        Tr.Key("when an admitted participant's personal attendee pack (PDF) is built for the first time"),
        Tr.Key("Your attendee pack for {workshop_title}"),
        Tr.Key("""
        Hello {name},

        Your personal attendee pack for **{workshop_title}** ({workshop_dates}) is ready: your check-in QR code, the agenda of your track and the full programme, practical information and the list of participants.

        Download it from your registration page: {pack_link}

        When the organisers publish a new version of the agenda, your pack is made again; the latest one is always on that page.
        """),
        new PackReadyValues
        {
            Name = "Ana Souza",
            WorkshopTitle = "Living Atlases Workshop 2027, Madrid",
            WorkshopDates = "8 to 12 March 2027",
            PackLink = "https://workshops.example.org/registrations/link/q3L…",
        });

    public static readonly EditableEmail<LetterApprovedValues> LetterApproved = new(
        "letter-approved",
        Tr.Key("Invitation letter approved"),
        Tr.Key("when an organiser approves the invitation letter a participant asked for in their registration"),
        Tr.Key("Your invitation letter for {workshop_title}"),
        Tr.Key("""
        Hello {name},

        The organisers approved the invitation letter you asked for, to attend **{workshop_title}** ({workshop_dates}).

        Download it from your registration page: {registration_link}

        It names you, the workshop, its dates and place, and the purpose of your visit. If a consulate asks for anything more, reply to this email.
        """),
        new LetterApprovedValues
        {
            Name = "Kofi Mensah",
            WorkshopTitle = "Living Atlases Workshop 2027, Madrid",
            WorkshopDates = "8 to 12 March 2027",
            RegistrationLink = "https://workshops.example.org/registrations/link/q3L…",
        });

    public static readonly IReadOnlyList<EditableEmail> All = [Ready, LetterApproved];
}

/// <summary>The pack is on the participant's private page.</summary>
public sealed record PackReadyValues : EmailValues
{
    public required string Name { get; init; }
    public required string WorkshopTitle { get; init; }
    public required string WorkshopDates { get; init; }
    public required string PackLink { get; init; }
}

/// <summary>The letter is on the participant's private page.</summary>
public sealed record LetterApprovedValues : EmailValues
{
    public required string Name { get; init; }
    public required string WorkshopTitle { get; init; }
    public required string WorkshopDates { get; init; }
    public required string RegistrationLink { get; init; }
}
