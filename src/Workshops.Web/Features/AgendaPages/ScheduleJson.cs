using System.Globalization;
using System.Text.Json;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>
/// The published agenda in the schedule JSON that conference apps read (the frab / pretalx "schedule.json" shape):
/// conference, its rooms and tracks, then each day with its events by room name; valid against the c3voc schema.
/// </summary>
public static class ScheduleJson
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Build(PublishedAgenda agenda, string siteUrl)
    {
        var s = Schedule.Of(agenda, siteUrl);
        var conference = new Dictionary<string, object?>
        {
            ["acronym"] = s.Acronym,
            ["title"] = s.Title,
            ["start"] = Day(s.First),
            ["end"] = Day(s.Last),
            ["daysCount"] = s.Days.Count,
            ["timeslot_duration"] = "00:05",
            ["url"] = s.WorkshopUrl,
            ["rooms"] = s.Rooms.Select(r => new Dictionary<string, object?> { ["name"] = r.Name, ["guid"] = r.Id, ["capacity"] = r.Capacity }).ToList(),
            ["tracks"] = s.Tracks.Select(t => new { name = t }).ToList(),
            ["days"] = s.Days.Select(d => new Dictionary<string, object?>
            {
                ["index"] = d.Index,
                ["date"] = Day(d.Date),
                ["day_start"] = d.Start,
                ["day_end"] = d.End,
                ["rooms"] = d.Rooms.ToDictionary(r => r.Room.Name, r => r.Events.Select(Event).ToList()),
            }).ToList(),
        };
        if (s.TimeZone is { } zone) conference["time_zone_name"] = zone;
        var document = new Dictionary<string, object?>
        {
            ["$schema"] = "https://c3voc.de/schedule/schema.json",
            ["generator"] = new { name = "Workshops", version = s.Version },
            ["schedule"] = new Dictionary<string, object?>
            {
                ["version"] = s.Version,
                ["base_url"] = s.AgendaUrl + "/",
                ["conference"] = conference,
            },
        };
        return JsonSerializer.Serialize(document, Options);
    }

    private static Dictionary<string, object?> Event(ScheduleEvent e) => new()
    {
        ["guid"] = e.Guid,
        ["id"] = e.Id,
        ["date"] = e.Date,
        ["start"] = e.Start,
        ["duration"] = e.Duration,
        ["room"] = e.Room,
        ["slug"] = e.Slug,
        ["url"] = e.Url,
        ["title"] = e.Title,
        ["subtitle"] = "",
        ["track"] = e.Track,
        ["type"] = e.Type,
        ["language"] = "en",
        ["abstract"] = e.Abstract,
        ["description"] = e.Description,
        // A name only: an integer id as well would make a person both a frab and a pretalx person, which the schema refuses.
        ["persons"] = e.Persons.Select(name => new Dictionary<string, object?> { ["name"] = name, ["public_name"] = name }).ToList(),
        ["links"] = Array.Empty<object>(),
        ["attachments"] = Array.Empty<object>(),
    };

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
