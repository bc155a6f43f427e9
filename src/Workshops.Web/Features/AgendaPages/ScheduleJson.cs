using System.Globalization;
using System.Text.Json;
using Workshops.Core.Domain.Agenda;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>
/// The published agenda in the schedule JSON that conference apps read (the frab / pretalx "schedule.json" shape):
/// conference, its rooms and tracks, then each day with its events by room name.
/// </summary>
public static class ScheduleJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(PublishedAgenda agenda, string siteUrl)
    {
        var w = agenda.Workshop;
        var agendaUrl = $"{siteUrl}/workshops/{w.Slug}/agenda";
        var first = DateOnly.FromDateTime(w.StartsLocal.DateTime);
        var last = DateOnly.FromDateTime(w.EndsLocal.DateTime);
        var itemDays = agenda.Days.Select(d => d.Date).ToList();
        if (itemDays.Count > 0)
        {
            if (itemDays[0] < first) first = itemDays[0];
            if (itemDays[^1] > last) last = itemDays[^1];
        }
        var days = new List<object>();
        for (var (date, index) = (first, 0); date <= last; date = date.AddDays(1), index++)
        {
            var day = agenda.Days.FirstOrDefault(d => d.Date == date);
            var rooms = agenda.Snapshot.Rooms.ToDictionary(r => r.Name, r => (day?.Items ?? []).Where(i => i.RoomId == r.Id).Select(i => Event(agenda, i, agendaUrl)).ToList());
            days.Add(new Dictionary<string, object?>
            {
                ["index"] = index,
                ["date"] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["day_start"] = Iso(agenda, date.ToDateTime(TimeOnly.MinValue)),
                ["day_end"] = Iso(agenda, date.ToDateTime(new TimeOnly(23, 59))),
                ["rooms"] = rooms,
            });
        }
        var document = new Dictionary<string, object?>
        {
            ["$schema"] = "https://c3voc.de/schedule/schema.json",
            ["generator"] = new { name = "Workshops", version = agenda.Version.Name },
            ["schedule"] = new Dictionary<string, object?>
            {
                ["version"] = agenda.Version.Name,
                ["base_url"] = agendaUrl + "/",
                ["conference"] = new Dictionary<string, object?>
                {
                    ["acronym"] = w.Slug,
                    ["title"] = w.Title,
                    ["start"] = first.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["end"] = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    ["daysCount"] = days.Count,
                    ["timeslot_duration"] = "00:05",
                    ["time_zone_name"] = w.TimeZoneId,
                    ["url"] = $"{siteUrl}/workshops/{w.Slug}",
                    ["rooms"] = agenda.Snapshot.Rooms.Select(r => new Dictionary<string, object?> { ["name"] = r.Name, ["guid"] = r.Id, ["capacity"] = r.Capacity }).ToList(),
                    ["tracks"] = agenda.Snapshot.Tracks.Select(t => new { name = t.Name }).ToList(),
                    ["days"] = days,
                },
            },
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static Dictionary<string, object?> Event(PublishedAgenda agenda, SnapshotItem i, string agendaUrl)
    {
        var local = agenda.Local(i.StartsAt);
        return new()
        {
            ["guid"] = i.Id,
            ["id"] = NumberOf(i.Id),
            ["date"] = local.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["start"] = local.ToString("HH:mm", CultureInfo.InvariantCulture),
            ["duration"] = $"{i.DurationMinutes / 60:00}:{i.DurationMinutes % 60:00}",
            ["room"] = agenda.RoomName(i.RoomId),
            ["slug"] = $"{agenda.Workshop.Slug}-{NumberOf(i.Id)}-{Core.Text.Slugs.From(i.Title)}".TrimEnd('-'),
            ["url"] = $"{agendaUrl}/{i.Id}",
            ["title"] = i.Title,
            ["subtitle"] = "",
            ["track"] = agenda.TrackName(i.TrackId),
            ["type"] = i.Type.ToString().ToLowerInvariant(),
            ["language"] = "en",
            ["abstract"] = i.Description ?? "",
            ["description"] = i.Chair is null ? "" : Tr.T("Chair: {0}", i.Chair),
            ["persons"] = i.Speakers.Select(s => new Dictionary<string, object?> { ["name"] = s.Name, ["public_name"] = s.Name }).ToList(),
            ["links"] = Array.Empty<object>(),
            ["attachments"] = Array.Empty<object>(),
        };
    }

    private static string Iso(PublishedAgenda agenda, DateTime local)
    {
        var offset = agenda.Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>Apps want a positive integer id too; the first bytes of the item's id give one that never changes.</summary>
    public static int NumberOf(Guid id) => (int)(BitConverter.ToUInt32(id.ToByteArray(), 0) & 0x7FFFFFFF) | 1;
}
