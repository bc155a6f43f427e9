using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>A workshop's draft agenda as its organisers see it: rooms, items placed and waiting, warnings, and the last published version.</summary>
public sealed record AgendaDraft(Workshop Workshop, IReadOnlyList<Room> Rooms, IReadOnlyList<AgendaItem> Items, AgendaVersion? Latest)
{
    public TimeZoneInfo Zone => Workshop.Zone;

    /// <summary>Every day the workshop spans, in its own time zone.</summary>
    public IReadOnlyList<DateOnly> Days { get; } = DaysOf(Workshop);

    public IReadOnlyList<AgendaConflict> Conflicts { get; } = AgendaConflicts.Find(
        Items.Select(i => i.ToSlot()).ToList(),
        Rooms.Select(r => new AgendaRoom(r.Id, r.Name, r.Capacity, r.TrackId)).ToList(),
        Workshop.StartsAt, Workshop.EndsAt,
        Workshop.Tracks.ToDictionary(t => t.Id, t => (t.Name, t.Capacity)),
        Workshop.Zone);

    private HashSet<Guid>? _conflicted;
    private AgendaSnapshot? _snapshot;

    /// <summary>The draft's placed items as publishing would freeze them.</summary>
    public AgendaSnapshot Snapshot() => _snapshot ??= AgendaSnapshot.Of(Rooms, Workshop.Tracks, Items);

    /// <summary>What publishing now would announce.</summary>
    public IReadOnlyList<AgendaChange> PendingChanges() => AgendaVersion.Compare(Latest?.ReadSnapshot() ?? AgendaSnapshot.Empty, Snapshot(), Zone);

    public IEnumerable<AgendaItem> Unscheduled => Items.Where(i => i.StartsAt is null).OrderBy(i => i.Title, StringComparer.CurrentCulture);

    public DateTimeOffset? Local(DateTimeOffset? instant) => instant is { } i ? TimeZoneInfo.ConvertTime(i, Zone) : null;

    public bool IsInConflict(Guid itemId) => (_conflicted ??= Conflicts.SelectMany(c => c.ItemIds).ToHashSet()).Contains(itemId);

    public string? TrackName(Guid? id) => Workshop.Tracks.FirstOrDefault(t => t.Id == id)?.Name;

    public string? RoomName(Guid? id) => Rooms.FirstOrDefault(r => r.Id == id)?.Name;

    /// <summary>The placed items starting on a day, in the workshop's zone, by start time.</summary>
    public IReadOnlyList<AgendaItem> On(DateOnly day) =>
        Items.Where(i => i.StartsAt is { } s && DateOnly.FromDateTime(Local(s)!.Value.DateTime) == day).OrderBy(i => i.StartsAt).ToList();

    /// <summary>Placed items on days the workshop does not span: shown apart so they can be moved back.</summary>
    public IReadOnlyList<AgendaItem> OffDays() =>
        Items.Where(i => i.StartsAt is { } s && !Days.Contains(DateOnly.FromDateTime(Local(s)!.Value.DateTime))).OrderBy(i => i.StartsAt).ToList();

    /// <summary>
    /// Where each of a room's items sits across its column: items that overlap share it side by side, each in its own
    /// lane; every other item keeps the whole width. (Left to the grid, one clash split the column for the whole day.)
    /// </summary>
    public static IReadOnlyDictionary<Guid, (int Lane, int Lanes)> Lanes(IEnumerable<AgendaItem> roomItems)
    {
        var result = new Dictionary<Guid, (int, int)>();
        var group = new List<(Guid Id, int Lane)>();
        var laneEnds = new List<DateTimeOffset>();
        var groupEnd = DateTimeOffset.MinValue;
        void Close()
        {
            foreach (var (id, lane) in group) result[id] = (lane, laneEnds.Count);
            group.Clear();
            laneEnds.Clear();
        }
        foreach (var i in roomItems.Where(i => i.StartsAt is not null).OrderBy(i => i.StartsAt).ThenBy(i => i.Id))
        {
            var start = i.StartsAt!.Value;
            var end = start.AddMinutes(i.DurationMinutes);
            if (group.Count > 0 && start >= groupEnd) Close();
            var lane = laneEnds.FindIndex(e => e <= start);
            if (lane < 0) laneEnds.Add(end);
            else laneEnds[lane] = end;
            group.Add((i.Id, lane < 0 ? laneEnds.Count - 1 : lane));
            groupEnd = group.Count == 1 || end > groupEnd ? end : groupEnd;
        }
        Close();
        return result;
    }

    /// <summary>The hours a day's grid shows, in minutes from midnight: at least 08:00 to 18:00, widened to whole hours around what is placed.</summary>
    public static (int First, int Last) Hours(IEnumerable<AgendaItem> placedThatDay, TimeZoneInfo zone)
    {
        var first = 8 * 60;
        var last = 18 * 60;
        foreach (var i in placedThatDay)
        {
            var start = TimeZoneInfo.ConvertTime(i.StartsAt!.Value, zone);
            var minute = start.Hour * 60 + start.Minute;
            first = Math.Min(first, minute / 60 * 60);
            last = Math.Max(last, Math.Min(24 * 60, (minute + i.DurationMinutes + 59) / 60 * 60));
        }
        return (first, last);
    }

    /// <summary>How full each room is: minutes placed in it, against a working day of 08:00 to 18:00 on each of the workshop's days.</summary>
    public IReadOnlyList<(string Room, int Minutes, int Available)> RoomUse() =>
        Rooms.Select(r => (r.Name, Items.Where(i => i.RoomId == r.Id).Sum(i => i.DurationMinutes), Days.Count * 600)).ToList();

    public static IReadOnlyList<DateOnly> DaysOf(Workshop workshop)
    {
        var first = DateOnly.FromDateTime(workshop.StartsLocal.DateTime);
        var last = DateOnly.FromDateTime(workshop.EndsLocal.DateTime);
        var days = new List<DateOnly>();
        for (var d = first; d <= last && days.Count < 31; d = d.AddDays(1)) days.Add(d);
        return days;
    }
}
