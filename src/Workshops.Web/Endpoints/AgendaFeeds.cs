using Microsoft.AspNetCore.OutputCaching;
using Workshops.Core.Calendar;
using Workshops.Core.Domain.Agenda;
using Workshops.Web.Features.AgendaPages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Endpoints;

/// <summary>The published agenda for calendar apps (iCalendar) and conference apps (schedule JSON), and a person's starred sessions as a private feed.</summary>
public static class AgendaFeeds
{
    public static void MapAgendaFeeds(this WebApplication app)
    {
        app.MapGet("/workshops/{slug}/agenda.ics", async (string slug, HttpContext http, PublishedAgendas agendas, CancellationToken ct) =>
        {
            var (workshop, agenda) = await agendas.FindAsync(slug, ct);
            if (workshop is null) return Results.NotFound();
            var items = agenda?.Snapshot.Items ?? [];
            return Calendar(http, agenda, workshop.Title, workshop.TimeZoneId, items, workshop.Slug);
        }).CacheOutput(PublicPageCache.Policy);

        app.MapGet("/workshops/{slug}/agenda/mine/{token}.ics", async (string slug, string token, HttpContext http, AgendaFeedLinks links,
            PublishedAgendas agendas, AgendaStars stars, CancellationToken ct) =>
        {
            var (workshop, agenda) = await agendas.FindAsync(slug, ct);
            if (workshop is null || links.Read(token) is not { } owner || owner.WorkshopId != workshop.Id) return Results.NotFound();
            var starred = await stars.OfAsync(owner.UserId, workshop.Id, ct);
            var items = (agenda?.Snapshot.Items ?? []).Where(i => starred.Contains(i.Id));
            return Calendar(http, agenda, Tr.T("{0}: my agenda", workshop.Title), workshop.TimeZoneId, items, workshop.Slug);
        });

        app.MapGet("/workshops/{slug}/agenda.json", async (string slug, HttpContext http, PublishedAgendas agendas, CancellationToken ct) =>
        {
            var (workshop, agenda) = await agendas.FindAsync(slug, ct);
            if (workshop is null || agenda is null) return Results.NotFound();
            return Results.Text(ScheduleJson.Build(agenda, http.Request.AbsoluteUrl("").TrimEnd('/')), "application/json; charset=utf-8");
        }).CacheOutput(PublicPageCache.Policy);

        // The same schedule as XML, for the apps and tools that read frab's schedule.xml.
        app.MapGet("/workshops/{slug}/agenda.xml", async (string slug, HttpContext http, PublishedAgendas agendas, CancellationToken ct) =>
        {
            var (workshop, agenda) = await agendas.FindAsync(slug, ct);
            if (workshop is null || agenda is null) return Results.NotFound();
            return Results.Text(ScheduleXml.Build(agenda, http.Request.AbsoluteUrl("").TrimEnd('/')), "application/xml; charset=utf-8");
        }).CacheOutput(PublicPageCache.Policy);
    }

    private static IResult Calendar(HttpContext http, PublishedAgenda? agenda, string name, string zone, IEnumerable<SnapshotItem> items, string slug)
    {
        var site = http.Request.AbsoluteUrl("").TrimEnd('/');
        var entries = items.Select(i => new CalendarEntry(i.Id, i.Title, i.StartsAt, i.EndsAt,
            agenda!.RoomName(i.RoomId) is { Length: > 0 } room ? (agenda.Workshop.Venue is { } venue ? $"{room}, {venue}" : room) : agenda.Workshop.Venue,
            Describe(i), $"{site}/workshops/{slug}/agenda/{i.Id}"));
        // The site's own address (Site:BaseUrl when set), so every way of reaching it gives the same UIDs.
        var ics = CalendarFeed.Build(name, zone, entries, new Uri(site).Host, agenda?.Version.PublishedAt ?? DateTimeOffset.UnixEpoch, agenda?.Version.Number ?? 0);
        return Results.Text(ics, "text/calendar; charset=utf-8");
    }

    private static string? Describe(SnapshotItem i)
    {
        var parts = new List<string>();
        if (i.Speakers.Count > 0) parts.Add(string.Join(", ", i.Speakers.Select(s => s.Name)));
        if (i.Description is not null) parts.Add(i.Description);
        return parts.Count == 0 ? null : string.Join("\n\n", parts);
    }
}
