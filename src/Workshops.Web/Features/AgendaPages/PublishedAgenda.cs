using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;

namespace Workshops.Web.Features.AgendaPages;

/// <summary>The latest published version of a workshop's agenda, as every public page, feed and pack reads it.</summary>
public sealed class PublishedAgenda(Workshop workshop, AgendaVersionInfo version, AgendaSnapshot snapshot)
{
    public Workshop Workshop { get; } = workshop;
    public AgendaVersionInfo Version { get; } = version;
    public AgendaSnapshot Snapshot { get; } = snapshot;
    public TimeZoneInfo Zone { get; } = workshop.Zone;

    /// <summary>The days that have items, in the workshop's zone, each with its items by start and then by room order.</summary>
    public IReadOnlyList<AgendaDay> Days { get; } = DaysOf(workshop.Zone, snapshot);

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    public string RoomName(Guid id) => Snapshot.Room(id)?.Name ?? "";

    public string? TrackName(Guid? id) => Snapshot.Track(id)?.Name;

    private static List<AgendaDay> DaysOf(TimeZoneInfo zone, AgendaSnapshot snapshot)
    {
        var roomOrder = snapshot.Rooms.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return snapshot.Items
            .GroupBy(i => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(i.StartsAt, zone).DateTime))
            .OrderBy(g => g.Key)
            .Select(g => new AgendaDay(g.Key, g
                .GroupBy(i => i.StartsAt)
                .OrderBy(s => s.Key)
                .Select(s => new AgendaTimeSlot(s.Key, s.OrderBy(i => roomOrder.GetValueOrDefault(i.RoomId, int.MaxValue)).ThenBy(i => i.Title, StringComparer.Ordinal).ToList()))
                .ToList()))
            .ToList();
    }
}

/// <summary>What a public page needs of a version besides its items; the note may change after publishing, so it is read fresh.</summary>
public sealed record AgendaVersionInfo(Guid Id, int Number, DateTimeOffset PublishedAt, string? Note)
{
    public string Name => $"v{Number}";
}

public sealed record AgendaDay(DateOnly Date, IReadOnlyList<AgendaTimeSlot> Slots)
{
    public IEnumerable<SnapshotItem> Items => Slots.SelectMany(s => s.Items);
}

/// <summary>Items starting at the same time, in parallel rooms.</summary>
public sealed record AgendaTimeSlot(DateTimeOffset StartsAt, IReadOnlyList<SnapshotItem> Items);
