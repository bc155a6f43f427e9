using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Workshops.Core.Calendar;

/// <summary>One event of a calendar feed. The id stays the same across published versions, so calendar apps update the event instead of adding another.</summary>
public sealed record CalendarEntry(Guid Id, string Title, DateTimeOffset StartsAt, DateTimeOffset EndsAt, string? Location, string? Description, string? Url);

/// <summary>iCalendar feeds (RFC 5545) made with Ical.Net: events in the workshop's own time zone, with its VTIMEZONE.</summary>
public static class CalendarFeed
{
    /// <param name="uidDomain">The site's host, so the events' UIDs are unique in the world and the same every time.</param>
    /// <param name="sequence">The agenda's version: a calendar app takes an event with a higher sequence as the newer one.</param>
    public static string Build(string name, string timeZoneId, IEnumerable<CalendarEntry> entries, string uidDomain, DateTimeOffset stamp, int sequence)
    {
        var calendar = new Ical.Net.Calendar { ProductId = "-//Workshops//Agenda//EN", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", timeZoneId);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var list = entries.ToList();
        var utc = timeZoneId == "UTC";
        if (!utc && list.Count > 0)
        {
            // Ical.Net describes the zone from this date up to today, and refuses a start after today; its yearly
            // rules then cover later years too, which the test of a future workshop across a clock change checks.
            var earliest = list.Min(e => e.StartsAt).UtcDateTime.AddDays(-1);
            calendar.AddTimeZone(timeZoneId, earliest < DateTime.UtcNow ? earliest : DateTime.UtcNow.Date.AddDays(-1), includeHistoricalData: false);
        }
        foreach (var e in list)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = $"{e.Id:N}@{uidDomain}",
                Summary = e.Title,
                DtStart = At(e.StartsAt, zone, timeZoneId, utc),
                DtEnd = At(e.EndsAt, zone, timeZoneId, utc),
                Location = e.Location,
                // Calendars show plain text: the Markdown of an abstract is written out as words, without its marks.
                Description = e.Description is null ? null : Text.MarkdownText.ToPlainText(e.Description),
                Url = e.Url is null ? null : new Uri(e.Url),
                DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
                Sequence = sequence,
            });
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime At(DateTimeOffset instant, TimeZoneInfo zone, string timeZoneId, bool utc) =>
        utc ? new CalDateTime(instant.UtcDateTime, "UTC")
            : new CalDateTime(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), timeZoneId);
}
