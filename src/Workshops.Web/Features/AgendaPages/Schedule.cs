using System.Globalization;
using System.Text.RegularExpressions;
using Workshops.Core.Domain.Agenda;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>
/// The published agenda as the schedule formats of conference apps describe it (the c3voc schedule, written by
/// pentabarf, frab and pretalx and read by Giggity, EventFahrplan and the like): one model, written as
/// <see cref="ScheduleJson"/> and <see cref="ScheduleXml"/>, so both say the same and both pass the c3voc validators.
/// </summary>
public sealed partial record Schedule(string Version, string Acronym, string Title, DateOnly First, DateOnly Last, string? TimeZone, string AgendaUrl,
    string WorkshopUrl, IReadOnlyList<SnapshotRoom> Rooms, IReadOnlyList<string> Tracks, IReadOnlyList<ScheduleDay> Days)
{
    public static Schedule Of(PublishedAgenda agenda, string siteUrl)
    {
        var w = agenda.Workshop;
        var agendaUrl = $"{siteUrl}/workshops/{w.Slug}/agenda";
        var acronym = AcronymOf(w.Slug);
        var first = DateOnly.FromDateTime(w.StartsLocal.DateTime);
        var last = DateOnly.FromDateTime(w.EndsLocal.DateTime);
        var itemDays = agenda.Days.Select(d => d.Date).ToList();
        if (itemDays.Count > 0)
        {
            if (itemDays[0] < first) first = itemDays[0];
            if (itemDays[^1] > last) last = itemDays[^1];
        }
        var days = new List<ScheduleDay>();
        // Days count from 1, as frab and pretalx count them (the XML schema wants a positive index).
        for (var (date, index) = (first, 1); date <= last; date = date.AddDays(1), index++)
        {
            var day = agenda.Days.FirstOrDefault(d => d.Date == date);
            var rooms = agenda.Snapshot.Rooms.Select(r => (r, (IReadOnlyList<ScheduleEvent>)(day?.Items ?? [])
                .Where(i => i.RoomId == r.Id).Select(i => Event(agenda, acronym, i, agendaUrl)).ToList())).ToList();
            days.Add(new ScheduleDay(index, date, Iso(agenda, date.ToDateTime(TimeOnly.MinValue)), Iso(agenda, date.ToDateTime(new TimeOnly(23, 59))), rooms));
        }
        return new Schedule(agenda.Version.Name, acronym, w.Title, first, last, ZonePattern().IsMatch(w.TimeZoneId) ? w.TimeZoneId : null, agendaUrl,
            $"{siteUrl}/workshops/{w.Slug}", agenda.Snapshot.Rooms, agenda.Snapshot.Tracks.Select(t => t.Name).ToList(), days);
    }

    /// <summary>
    /// "2027-sao-paulo" becomes "2027_sao_paulo": the c3voc schema allows a hyphen in an acronym only before a year
    /// ("36c3", "fossgis-2027-ab"), and wants four characters at least.
    /// </summary>
    public static string AcronymOf(string slug)
    {
        var acronym = slug.Replace('-', '_');
        return acronym.Length >= 4 ? acronym : acronym.PadRight(4, '_');
    }

    /// <summary>"2027_sao_paulo-0042-opening": the acronym, the event's number (four digits at least) and its title, unique in the schedule.</summary>
    public static string EventSlug(string acronym, Guid id, string title) =>
        $"{acronym}-{NumberOf(id).ToString("D4", CultureInfo.InvariantCulture)}-{Core.Text.Slugs.From(title)}".TrimEnd('-');

    /// <summary>Apps want a positive integer id too; the first bytes of the item's id give one that never changes.</summary>
    public static int NumberOf(Guid id) => (int)(BitConverter.ToUInt32(id.ToByteArray(), 0) & 0x7FFFFFFF) | 1;

    private static ScheduleEvent Event(PublishedAgenda agenda, string acronym, SnapshotItem i, string agendaUrl)
    {
        var local = agenda.Local(i.StartsAt);
        return new ScheduleEvent(i.Id, NumberOf(i.Id), local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            local.ToString("HH:mm", CultureInfo.InvariantCulture), $"{i.DurationMinutes / 60:00}:{i.DurationMinutes % 60:00}", agenda.RoomName(i.RoomId),
            EventSlug(acronym, i.Id, i.Title), $"{agendaUrl}/{i.Id}", i.Title, agenda.TrackName(i.TrackId), i.Type.ToString().ToLowerInvariant(),
            i.Description ?? "", i.Chair is null ? "" : Tr.T("Chair: {0}", i.Chair), i.Speakers.Select(s => s.Name).ToList());
    }

    private static string Iso(PublishedAgenda agenda, DateTime local)
    {
        var offset = agenda.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    // The zone names the c3voc schema takes ("Europe/Madrid", "UTC"); others ("Etc/GMT+3") are left out rather than refused.
    [GeneratedRegex("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$")]
    private static partial Regex ZonePattern();
}

public sealed record ScheduleDay(int Index, DateOnly Date, string Start, string End, IReadOnlyList<(SnapshotRoom Room, IReadOnlyList<ScheduleEvent> Events)> Rooms);

public sealed record ScheduleEvent(Guid Guid, int Id, string Date, string Start, string Duration, string Room, string Slug, string Url, string Title,
    string? Track, string Type, string Abstract, string Description, IReadOnlyList<string> Persons);
