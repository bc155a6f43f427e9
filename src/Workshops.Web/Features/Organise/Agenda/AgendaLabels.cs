using Workshops.Core.Domain.Agenda;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>Words people read for the agenda's kinds of item, in the organisers' pages and the public ones alike.</summary>
public static class AgendaLabels
{
    public static string Type(AgendaItemType type) => type switch
    {
        AgendaItemType.Session => "Session",
        AgendaItemType.Keynote => "Keynote",
        AgendaItemType.Plenary => "Plenary",
        AgendaItemType.Break => "Break",
        AgendaItemType.Lunch => "Lunch",
        _ => "Social event",
    };
}
