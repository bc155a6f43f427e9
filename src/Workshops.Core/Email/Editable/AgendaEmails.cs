using Workshops.Core.Localization;
using System.Diagnostics.CodeAnalysis;

namespace Workshops.Core.Email.Editable;

/// <summary>
/// The emails an organiser may send when publishing a version of the agenda: one to each speaker whose slot
/// changed, one to each admitted participant. Placeholders as in <see cref="ProposalEmails"/>.
/// </summary>
public static class AgendaEmails
{
    /// <summary>The version and reader the previews are written for.</summary>
    private static readonly AgendaValues Example = new()
    {
        Name = "Ana Souza",
        WorkshopTitle = "Living Atlases Workshop 2027, Madrid",
        WorkshopDates = "8 to 12 March 2027",
        Version = "v2",
        AgendaLink = "https://workshops.example.org/workshops/2027-madrid/agenda",
        ChangesLink = "https://workshops.example.org/workshops/2027-madrid/agenda/changes",
        Note = "The social dinner moves to Thursday because of the venue.",
    };

    public static readonly EditableEmail<SpeakerSlotValues> SpeakerSlotChanged = new(
        "agenda-speaker-changed",
        Tr.Key("Agenda: your session changed"),
        Tr.Key("when an organiser publishes a version of the agenda and chooses to tell speakers, to each speaker of a session that was added, moved, retimed or renamed"),
        Tr.Key("Your session in the {workshop_title} agenda ({version})"),
        Tr.Key("""
        Hello {name},

        The organisers published version {version} of the agenda of **{workshop_title}**, and it changes your sessions:

        {your_changes}

        {note}

        Your session's page: {session_link}

        The whole agenda: {agenda_link}
        """),
        new SpeakerSlotValues(Example, "New time: “Publishing sampling-event data with the IPT” from Tue 9 Mar 11:00–11:30 to Wed 10 Mar 09:00–09:30.",
            "https://workshops.example.org/workshops/2027-madrid/agenda/4f1c"));

    public static readonly EditableEmail<AgendaPublishedValues> Published = new(
        "agenda-published",
        Tr.Key("Agenda: a new version"),
        Tr.Key("when an organiser publishes a version of the agenda and chooses to tell participants, to each admitted participant"),
        Tr.Key("The {workshop_title} agenda: {version}"),
        Tr.Key("""
        Hello {name},

        The organisers published version {version} of the agenda of **{workshop_title}**.

        {note}

        {changes}

        The agenda, which you can add to your calendar: {agenda_link}

        Every change so far: {changes_link}
        """),
        new AgendaPublishedValues(Example, "Moved: “Biocache in practice” from Sala 1 to Aula Magna.\n\nAdded: “Social dinner”, Thu 11 Mar 20:00–23:00 in Casa de Campo."));

    public static readonly IReadOnlyList<EditableEmail> All = [SpeakerSlotChanged, Published];
}

/// <summary>What every email about a published version names, with the organiser's note.</summary>
public record AgendaValues : EmailValues
{
    public required string Name { get; init; }
    public required string WorkshopTitle { get; init; }
    public required string WorkshopDates { get; init; }
    public required string Version { get; init; }
    public required string AgendaLink { get; init; }
    public required string ChangesLink { get; init; }
    public required string Note { get; init; }
}

/// <summary>To a speaker: what changed in their own sessions.</summary>
public sealed record SpeakerSlotValues : AgendaValues
{
    public SpeakerSlotValues() { }

    [SetsRequiredMembers]
    public SpeakerSlotValues(AgendaValues values, string yourChanges, string sessionLink) : base(values) => (YourChanges, SessionLink) = (yourChanges, sessionLink);

    public required string YourChanges { get; init; }
    public required string SessionLink { get; init; }
}

/// <summary>To a participant: what changed since the last version.</summary>
public sealed record AgendaPublishedValues : AgendaValues
{
    public AgendaPublishedValues() { }

    [SetsRequiredMembers]
    public AgendaPublishedValues(AgendaValues values, string changes) : base(values) => Changes = changes;

    public required string Changes { get; init; }
}
