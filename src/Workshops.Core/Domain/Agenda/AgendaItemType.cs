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
    public static bool HasSpeakers(this AgendaItemType type) => type is AgendaItemType.Session or AgendaItemType.Keynote or AgendaItemType.Plenary;
}
