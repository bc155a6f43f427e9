using Workshops.Core.Domain.Agenda;

namespace Workshops.UnitTests.Domain.Agenda;

public sealed class AgendaChangelogTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Madrid");
    private static readonly DateTimeOffset Nine = new(2026, 10, 20, 7, 0, 0, TimeSpan.Zero); // 09:00 in Madrid
    private static readonly Guid RoomA = Guid.NewGuid(), RoomB = Guid.NewGuid();
    private static readonly Dictionary<Guid, string> Rooms = new() { [RoomA] = "Room A", [RoomB] = "Room B" };

    private static AgendaSlot Item(string title, Guid room, int startMinutes, int minutes = 30) =>
        new(Guid.NewGuid(), title, AgendaItemType.Session, null, room, Nine.AddMinutes(startMinutes), minutes, []);

    [Fact]
    public void Each_kind_of_change_is_one_line_in_plain_words()
    {
        var kept = Item("Kept", RoomA, 0);
        var moved = Item("Moved", RoomA, 30);
        var retimed = Item("Retimed", RoomB, 0);
        var renamed = Item("Old name", RoomB, 60);
        var removed = Item("Removed", RoomB, 90);
        var added = Item("Added", RoomA, 120);

        var changes = AgendaChangelog.Compare(
            [kept, moved, retimed, renamed, removed],
            [kept, moved with { RoomId = RoomB }, retimed with { StartsAt = Nine.AddMinutes(240), DurationMinutes = 45 }, renamed with { Title = "New name" }, added],
            Rooms, Zone);

        Assert.Equal(
        [
            (AgendaChangeKind.Moved, "Moved: “Moved” from Room A to Room B."),
            (AgendaChangeKind.Renamed, "Renamed: “Old name” is now “New name”."),
            (AgendaChangeKind.Added, "Added: “Added”, Tue 20 Oct 11:00–11:30 in Room A."),
            (AgendaChangeKind.Retimed, "New time: “Retimed” from Tue 20 Oct 09:00–09:30 to Tue 20 Oct 13:00–13:45."),
            (AgendaChangeKind.Removed, "Removed: “Removed” (Tue 20 Oct 10:30–11:00)."),
        ], changes.Select(c => (c.Kind, c.Describe())));
    }

    [Fact]
    public void The_first_version_lists_everything_as_added_and_unplaced_items_are_left_out()
    {
        var placed = Item("Opening", RoomA, 0);
        var unplaced = Item("Not yet", RoomA, 0) with { StartsAt = null };

        var change = Assert.Single(AgendaChangelog.Compare([], [placed, unplaced], Rooms, Zone));

        Assert.Equal((AgendaChangeKind.Added, placed.Id), (change.Kind, change.ItemId));
    }

    [Fact]
    public void Nothing_changed_gives_an_empty_changelog()
    {
        var items = new[] { Item("A", RoomA, 0), Item("B", RoomB, 0) };

        Assert.Empty(AgendaChangelog.Compare(items, items, Rooms, Zone));
    }
}
