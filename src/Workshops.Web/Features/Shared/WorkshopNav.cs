using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Shared;

/// <summary>The menu every organiser page of one workshop shares, with the page it is on.</summary>
public sealed record WorkshopNav(Guid Id, string Title, string Current)
{
    public WorkshopNav(Workshop workshop, string current) : this(workshop.Id, workshop.Title, current) { }

    public const string Overview = "overview", Details = "details", Call = "call", Setup = "setup", Registrations = "registrations",
        CheckIn = "checkin", Agenda = "agenda", Reminders = "reminders", Packs = "packs", Announcements = "announcements";

    public IReadOnlyList<(string Key, string Label, string Href)> Links =>
    [
        (Overview, "Overview", $"/organise/workshops/{Id}"),
        (Details, "Details", $"/organise/workshops/{Id}/edit"),
        (Call, "Call for sessions", $"/organise/workshops/{Id}/call"),
        (Setup, "Registration settings", $"/organise/workshops/{Id}/registration"),
        (Registrations, "Registrations", $"/organise/workshops/{Id}/registrations"),
        (CheckIn, "Check-in", $"/organise/workshops/{Id}/checkin"),
        (Agenda, "Agenda", $"/organise/workshops/{Id}/agenda"),
        (Reminders, "Reminders", $"/organise/workshops/{Id}/reminders"),
        (Packs, "Attendee packs", $"/organise/workshops/{Id}/packs"),
        (Announcements, "Announcements", $"/organise/announcements?workshop={Id}"),
    ];
}
