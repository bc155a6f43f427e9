using Workshops.Core.Domain.Common;
using System.Globalization;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Pdf;
using Workshops.Core.Time;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Packs;

/// <summary>
/// An attendee's personal pack: a cover with their check-in QR code, their track's agenda then the full programme
/// (their starred sessions shaded), the organisers' practical information, and the participant list.
/// </summary>
public static class AttendeePackDocument
{
    /// <summary>Printed in the note of a starred session, so a reader searching the PDF finds their picks.</summary>
    public static string StarredNote => Tr.T("starred");

    /// <summary>Beyond this many rooms the programme is a list, not a grid with a column per room.</summary>
    private const int GridRooms = 4;

    public static byte[] Build(PackContent content, PackAttendee attendee)
    {
        // In the language the attendee registered in, whoever asks for it and whatever thread builds it.
        using var language = Tr.Use(attendee.Language);
        var w = content.Workshop;
        var dates = Formats.DateRange(w.StartsLocal, w.EndsLocal);
        var place = string.Join(", ", new[] { w.Venue, w.City, Countries.Name(w.Country) }.Where(x => !string.IsNullOrWhiteSpace(x)));
        var pdf = new PdfDocumentBuilder(Tr.T("{0}: attendee pack", w.Title), content.SiteName)
            .Paper(content.Paper)
            .About(Tr.T("Attendee pack of {0} for {1}, {2}", attendee.Name, w.Title, dates), Tr.T("{0}; attendee pack; agenda; participants", w.Title))
            .RunningHeader($"{w.Title} · {attendee.Name}")
            .Created(content.BuiltAt);

        Cover(pdf, content, attendee, dates, place);
        // The practical information follows the cover on its page: where and how is what people look for first.
        if (content.PracticalInfoText is { } info)
        {
            pdf.Space(12).Heading(Tr.T("Practical information"), 2);
            pdf.Markdown(info, content.Images, topLevel: 3);
        }
        Agenda(pdf, content, attendee);
        Participants(pdf, content);
        return pdf.ToBytes();
    }

    private static void Cover(PdfDocumentBuilder pdf, PackContent content, PackAttendee attendee, string dates, string place)
    {
        var w = content.Workshop;
        pdf.Paragraph(content.SiteName, 9, muted: true)
            .Heading(w.Title)
            .Paragraph(dates + (place.Length > 0 ? " · " + place : ""), 12, PdfWeight.Bold);
        if (!string.IsNullOrWhiteSpace(w.Address)) pdf.Paragraph(w.Address!, 9.5f, muted: true);
        pdf.Space(10)
            .Paragraph(Tr.T("Attendee pack for"), 9.5f, muted: true)
            .Paragraph(attendee.Name, 22, PdfWeight.Bold)
            .Paragraph(string.Join(", ", new[] { attendee.Institution, Countries.Name(attendee.Country) }.Where(x => x.Length > 0)), 11);
        if (attendee.TrackName is not null) pdf.Paragraph(Tr.T("Track: {0}", attendee.TrackName), 11, PdfWeight.Bold);
        pdf.QrCode(attendee.CheckInCode, 110, Tr.T("Check-in code {0}", attendee.CheckInCode))
            .Paragraph(Tr.T("Show this code at the registration desk; it is yours alone. Agenda version v{0}, printed {1}; the agenda online is always the latest.",
                content.AgendaVersion, Formats.Date(content.BuiltAt)), 8.5f, muted: true);
    }

    private static void Agenda(PdfDocumentBuilder pdf, PackContent content, PackAttendee attendee)
    {
        var items = content.Agenda.Items;
        if (items.Count == 0) return;
        var zoneNote = Tr.T("Times are in {0} ({1}), the workshop's time zone.", Formats.Zone(content.Workshop.Zone), Formats.Offset(content.Workshop.StartsLocal))
            + (attendee.Starred.Count > 0 ? " " + Tr.T("Your starred sessions are shaded and marked with a star.") : "");
        string[] columns = [Tr.T("Time"), Tr.T("Session"), Tr.T("Room")];
        if (attendee.TrackId is { } track && items.Any(i => i.TrackId == track))
        {
            pdf.PageBreak(unlessLittleAbove: true).Heading(Tr.T("Your track: {0}", attendee.TrackName)).Paragraph(zoneNote, 8.5f, muted: true);
            // The attendee's own days: their track's sessions and what is for everyone (plenaries, breaks).
            foreach (var day in Days(content, items.Where(i => i.TrackId is null || i.TrackId == track)))
            {
                pdf.Heading(Formats.LongDate(day.Key), 3);
                pdf.Table(columns, day.Select(i => new PdfRow([new(Time(content, i)), Cell(content, attendee, i), new(Room(content, i))])),
                    [1.1f, 5.2f, 1.5f], compact: true);
            }
        }
        pdf.PageBreak(unlessLittleAbove: true).Heading(Tr.T("Full programme")).Paragraph(zoneNote, 8.5f, muted: true);
        // The grid's columns are the rooms where sessions run side by side; what is on alone spans the row.
        var parallel = items.GroupBy(i => i.StartsAt).Where(g => g.Count() > 1).SelectMany(g => g).Select(i => i.RoomId).ToHashSet();
        var rooms = content.Agenda.Rooms.Where(r => parallel.Contains(r.Id)).ToList();
        foreach (var day in Days(content, items))
        {
            pdf.Heading(Formats.LongDate(day.Key), 3);
            // A room booked twice at once (a warning, not an error, when publishing) would hide one of them in a grid cell.
            var fitsGrid = day.GroupBy(i => i.StartsAt).All(slot => slot.Count() == 1
                || slot.All(i => parallel.Contains(i.RoomId)) && slot.Select(i => i.RoomId).Distinct().Count() == slot.Count());
            if (rooms.Count is > 1 and <= GridRooms && fitsGrid)
            {
                // A printed programme's grid: a row per start time, a column per room; what is on alone spans the row.
                var rows = day.GroupBy(i => i.StartsAt).Select(slot => slot.Count() == 1
                    ? new PdfRow([new(Time(content, slot.First())), Cell(content, attendee, slot.First(), withTrack: true, withRoom: true) with { Span = rooms.Count }])
                    : new PdfRow([
                        new(Time(content, slot.First())),
                        .. rooms.Select(r => slot.FirstOrDefault(i => i.RoomId == r.Id) is { } item ? Cell(content, attendee, item, withTrack: true) : new PdfCell("")),
                    ]));
                pdf.Table([columns[0], .. rooms.Select(r => r.Name)], rows, [1f, .. rooms.Select(_ => 6f / rooms.Count)], compact: true);
            }
            else
            {
                pdf.Table(columns, day.Select(i => new PdfRow([new(Time(content, i)), Cell(content, attendee, i, withTrack: true), new(Room(content, i))])),
                    [1.1f, 5.2f, 1.5f], compact: true);
            }
        }
    }

    private static IEnumerable<IGrouping<DateOnly, SnapshotItem>> Days(PackContent content, IEnumerable<SnapshotItem> items)
    {
        var zone = content.Workshop.Zone;
        var roomOrder = content.Agenda.Rooms.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return items.OrderBy(i => i.StartsAt).ThenBy(i => roomOrder.GetValueOrDefault(i.RoomId, int.MaxValue)).ThenBy(i => i.Title, StringComparer.Ordinal)
            .GroupBy(i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.StartsAt, zone).DateTime))
            .OrderBy(g => g.Key);
    }


    private static string Time(PackContent content, SnapshotItem item)
    {
        var start = TimeZoneInfo.ConvertTime(item.StartsAt, content.Workshop.Zone);
        return Formats.TimeRange(start, item.DurationMinutes);
    }

    private static string Room(PackContent content, SnapshotItem item) => content.Agenda.Room(item.RoomId)?.Name ?? "";

    private static PdfCell Cell(PackContent content, PackAttendee attendee, SnapshotItem item, bool withTrack = false, bool withRoom = false)
    {
        var starred = attendee.Starred.Contains(item.Id);
        var kind = item.Type == AgendaItemType.Session ? null : item.Type.Label();
        var speakers = item.Speakers.Count == 0 ? null : string.Join(", ", item.Speakers.Select(s => s.Name));
        var track = withTrack ? content.Agenda.Track(item.TrackId)?.Name : null;
        var room = withRoom ? Room(content, item) : null;
        var note = string.Join(" · ", new[] { starred ? StarredNote : null, kind, room, track, speakers }.Where(x => x is not null));
        return new PdfCell(item.Title, PdfWeight.Bold, note.Length > 0 ? note : null, starred);
    }

    private static void Participants(PdfDocumentBuilder pdf, PackContent content)
    {
        pdf.PageBreak(unlessLittleAbove: true).Heading(Tr.T("Participants"));
        if (content.Participants.Count == 0)
        {
            pdf.Paragraph(Tr.T("No participant has agreed to be listed yet."), muted: true);
            return;
        }
        var countries = content.Participants.Select(p => p.Country).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        var institutions = content.Participants.Select(p => p.Institution).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        pdf.Paragraph(Tr.T("{0} participants from {1} institutions in {2} countries, listed with their agreement, by country and institution.",
            content.Participants.Count, institutions, countries), 8.5f, muted: true);
        var order = StringComparer.Create(CultureInfo.InvariantCulture, CompareOptions.IgnoreCase);
        var people = content.Participants.OrderBy(p => Countries.Name(p.Country), order).ThenBy(p => p.Institution, order).ThenBy(p => p.Name, order)
            .Select(p => new PdfCell(p.Name, PdfWeight.Bold, $"{p.Institution}, {Countries.Name(p.Country)}"))
            .ToList();
        // Three to a row, read left to right: a list of 50 fits one page, and a longer one stays in order across pages.
        var rows = people.Chunk(3).Select(row => new PdfRow([.. row, .. Enumerable.Repeat(new PdfCell(""), 3 - row.Length)]));
        pdf.Table(null, rows, [1f, 1f, 1f], compact: true);
    }
}
