using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Shared;

/// <summary>The menu every organiser page of one workshop shares, with the page it is on.</summary>
public sealed record WorkshopNav(Guid Id, string Title, string Current)
{
    public WorkshopNav(Workshop workshop, string current) : this(workshop.Id, workshop.Title, current) { }

    public const string Overview = "overview", Details = "details", Call = "call", Setup = "setup", Registrations = "registrations",
        CheckIn = "checkin", Agenda = "agenda", Reminders = "reminders", Packs = "packs", Announcements = "announcements", Travel = "travel", Data = "data";

    public IReadOnlyList<(string Key, string Label, string Href)> Links =>
    [
        (Overview, Tr.T("Overview"), $"/organise/workshops/{Id}"),
        (Details, Tr.T("Details"), $"/organise/workshops/{Id}/edit"),
        (Call, Tr.T("Call for sessions"), $"/organise/workshops/{Id}/call"),
        (Setup, Tr.T("Registration settings"), $"/organise/workshops/{Id}/registration"),
        (Registrations, Tr.T("Registrations"), $"/organise/workshops/{Id}/registrations"),
        (CheckIn, Tr.T("Check-in"), $"/organise/workshops/{Id}/checkin"),
        (Agenda, Tr.T("Agenda"), $"/organise/workshops/{Id}/agenda"),
        (Reminders, Tr.T("Reminders"), $"/organise/workshops/{Id}/reminders"),
        (Packs, Tr.T("Attendee packs"), $"/organise/workshops/{Id}/packs"),
        (Announcements, Tr.T("Announcements"), $"/organise/announcements?workshop={Id}"),
        (Travel, Tr.T("Travel support"), $"/organise/workshops/{Id}/travel"),
        (Data, Tr.T("Personal data"), $"/organise/workshops/{Id}/data"),
    ];
}
