using Workshops.Core.Time;
using Workshops.Core.Localization;
namespace Workshops.Core.Domain.Agenda;

public enum ConflictKind
{
    RoomDoubleBooked,
    SpeakerDoubleBooked,
    OutsideWorkshop,
    RoomTooSmall,
    ScheduledTwice,
}

/// <summary>A warning about the draft: shown beside the items, listed before publishing, never blocking an edit.</summary>
public sealed record AgendaConflict(ConflictKind Kind, string Message, IReadOnlyList<Guid> ItemIds);

/// <summary>The checks an organiser sees while building the timetable.</summary>
public static class AgendaConflicts
{
    /// <param name="trackSeats">Seats per track, to compare with the capacity of the room a track's session is in.</param>
    /// <param name="zone">The workshop's time zone, for the times in the messages.</param>
    public static IReadOnlyList<AgendaConflict> Find(IReadOnlyList<AgendaSlot> items, IReadOnlyList<AgendaRoom> rooms,
        DateTimeOffset workshopStarts, DateTimeOffset workshopEnds, IReadOnlyDictionary<Guid, (string Name, int Seats)> trackSeats, TimeZoneInfo zone)
    {
        var conflicts = new List<AgendaConflict>();
        var scheduled = items.Where(i => i.IsScheduled).OrderBy(i => i.StartsAt).ThenBy(i => i.Title, StringComparer.Ordinal).ToList();
        var roomById = rooms.ToDictionary(r => r.Id);
        string At(AgendaSlot i) => Formats.BriefDateAndTime(TimeZoneInfo.ConvertTime(i.StartsAt!.Value, zone));
        string RoomName(AgendaSlot i) => roomById.TryGetValue(i.RoomId!.Value, out var r) ? r.Name : Tr.T("a removed room");

        for (var a = 0; a < scheduled.Count; a++)
        for (var b = a + 1; b < scheduled.Count && scheduled[b].StartsAt < scheduled[a].EndsAt; b++)
        {
            // Sorted by start, so y starts within x: they overlap.
            var (x, y) = (scheduled[a], scheduled[b]);
            if (x.RoomId == y.RoomId)
                conflicts.Add(new(ConflictKind.RoomDoubleBooked, Tr.T("“{0}” and “{1}” are both in {2} at {3}.", x.Title, y.Title, RoomName(x), At(y)), [x.Id, y.Id]));
            if (!x.Type.HasSpeakers() || !y.Type.HasSpeakers()) continue;
            foreach (var speaker in x.Speakers.Intersect(y.Speakers, StringComparer.OrdinalIgnoreCase))
                conflicts.Add(new(ConflictKind.SpeakerDoubleBooked,
                    Tr.T("{0} speaks in “{1}” and in “{2}” at the same time ({3}).", speaker, x.Title, y.Title, At(y)), [x.Id, y.Id]));
        }

        foreach (var i in scheduled.Where(i => i.StartsAt < workshopStarts || i.EndsAt > workshopEnds))
            conflicts.Add(new(ConflictKind.OutsideWorkshop, Tr.T("“{0}” at {1} is outside the workshop's dates and times.", i.Title, At(i)), [i.Id]));

        // Within the dates but outside each day's hours (a coffee break at 23:30 for a day of 09:00 to 17:00). Social
        // events (the dinner) are meant for the evening.
        var opens = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(workshopStarts, zone).DateTime);
        var closes = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(workshopEnds, zone).DateTime);
        if (opens < closes)
            foreach (var i in scheduled.Where(i => i.StartsAt >= workshopStarts && i.EndsAt <= workshopEnds && i.Type != AgendaItemType.Social))
            {
                var start = TimeZoneInfo.ConvertTime(i.StartsAt!.Value, zone);
                var end = TimeZoneInfo.ConvertTime(i.EndsAt!.Value, zone);
                if (TimeOnly.FromDateTime(start.DateTime) < opens || end.Date > start.Date || TimeOnly.FromDateTime(end.DateTime) > closes)
                    conflicts.Add(new(ConflictKind.OutsideWorkshop,
                        Tr.T("“{0}” at {1} is outside the workshop's hours ({2}–{3}).", i.Title, At(i), Formats.Time(DateTime.MinValue + opens.ToTimeSpan()), Formats.Time(DateTime.MinValue + closes.ToTimeSpan())), [i.Id]));
            }

        foreach (var i in scheduled.Where(i => i.TrackId is not null))
        {
            if (!roomById.TryGetValue(i.RoomId!.Value, out var room) || room.Capacity is not { } capacity) continue;
            if (!trackSeats.TryGetValue(i.TrackId!.Value, out var track) || capacity >= track.Seats) continue;
            conflicts.Add(new(ConflictKind.RoomTooSmall,
                Tr.T("“{0}” is in {1} ({2} places), but the {3} track has {4} seats.", i.Title, room.Name, capacity, track.Name, track.Seats), [i.Id]));
        }

        foreach (var twice in items.Where(i => i.ProposalId is not null).GroupBy(i => i.ProposalId).Where(g => g.Count() > 1))
            conflicts.Add(new(ConflictKind.ScheduledTwice, Tr.T("“{0}” is on the agenda {1} times.", twice.First().Title, twice.Count()), twice.Select(i => i.Id).ToList()));

        return conflicts;
    }
}
