using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Agenda;

/// <summary>What an agenda item is: a session from a confirmed proposal, or something organisers put in directly.</summary>
public enum AgendaItemType
{
    Session,
    Keynote,
    Plenary,
    Break,
    Lunch,
    Social,
}

public static class AgendaItemTypes
{
    /// <summary>Breaks, lunch and social events have no speakers, and the same people are in them all at once.</summary>
    /// <summary>The word people read for the kind of item, on pages and in printed packs alike.</summary>
    public static string Label(this AgendaItemType type) => type switch
    {
        AgendaItemType.Session => Tr.T("Session"),
        AgendaItemType.Keynote => Tr.T("Keynote"),
        AgendaItemType.Plenary => Tr.T("Plenary"),
        AgendaItemType.Break => Tr.T("Break"),
        AgendaItemType.Lunch => Tr.T("Lunch"),
        _ => Tr.T("Social event"),
    };

    public static bool HasSpeakers(this AgendaItemType type) => type is AgendaItemType.Session or AgendaItemType.Keynote or AgendaItemType.Plenary;
}
