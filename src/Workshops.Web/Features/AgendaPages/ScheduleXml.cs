using System.Globalization;
using System.Xml.Linq;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>
/// The published agenda in the schedule XML that conference apps read (pentabarf / frab / pretalx "schedule.xml"),
/// valid against the c3voc XSD; the same model as <see cref="ScheduleJson"/>.
/// </summary>
public static class ScheduleXml
{
    public static string Build(PublishedAgenda agenda, string siteUrl)
    {
        var s = Schedule.Of(agenda, siteUrl);
        var conference = new XElement("conference",
            new XElement("title", s.Title),
            new XElement("acronym", s.Acronym),
            new XElement("start", Day(s.First)),
            new XElement("end", Day(s.Last)),
            new XElement("days", s.Days.Count),
            new XElement("timeslot_duration", "00:05"),
            new XElement("base_url", s.AgendaUrl + "/"),
            new XElement("url", s.WorkshopUrl),
            s.TimeZone is { } zone ? new XElement("time_zone_name", zone) : null,
            s.Tracks.Select(t => new XElement("track", new XAttribute("name", t))));
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement("schedule",
                new XElement("generator", new XAttribute("name", "Workshops"), new XAttribute("version", s.Version)),
                new XElement("url", s.AgendaUrl),
                new XElement("version", s.Version),
                conference,
                s.Days.Select(d => new XElement("day",
                    new XAttribute("index", d.Index), new XAttribute("date", Day(d.Date)), new XAttribute("start", d.Start), new XAttribute("end", d.End),
                    d.Rooms.Select(r => new XElement("room", new XAttribute("name", r.Room.Name), new XAttribute("guid", r.Room.Id),
                        r.Events.Select(Event)))))));
        using var writer = new Utf8StringWriter();
        document.Save(writer, SaveOptions.DisableFormatting);
        return writer.ToString();
    }

    private static XElement Event(ScheduleEvent e) => new("event",
        new XAttribute("id", e.Id), new XAttribute("guid", e.Guid),
        new XElement("date", e.Date),
        new XElement("start", e.Start),
        new XElement("duration", e.Duration),
        new XElement("room", e.Room),
        new XElement("slug", e.Slug),
        new XElement("url", e.Url),
        new XElement("title", e.Title),
        new XElement("subtitle", ""),
        new XElement("track", e.Track ?? ""),
        new XElement("type", e.Type),
        new XElement("language", "en"),
        new XElement("abstract", e.Abstract),
        new XElement("description", e.Description),
        new XElement("persons", e.Persons.Select(name => new XElement("person", name))),
        new XElement("links"),
        new XElement("attachments"));

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    // XDocument writes the encoding its writer has: a StringWriter says UTF-16, which the bytes sent are not.
    private sealed class Utf8StringWriter : StringWriter
    {
        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;
    }
}
