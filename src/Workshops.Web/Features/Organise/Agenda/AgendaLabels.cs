using Workshops.Core.Domain.Agenda;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>Words people read for the agenda's kinds of item, in the organisers' pages and the public ones alike.</summary>
public static class AgendaLabels
{
    public static string Type(AgendaItemType type) => type.Label();
}
