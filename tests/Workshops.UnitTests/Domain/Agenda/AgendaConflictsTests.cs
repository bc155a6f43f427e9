using Workshops.Core.Domain.Agenda;

namespace Workshops.UnitTests.Domain.Agenda;

public sealed class AgendaConflictsTests
{
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("America/Bogota");
    private static readonly DateTimeOffset Day1 = new(2027, 10, 12, 9, 0, 0, TimeSpan.FromHours(-5));
    private static readonly Guid Developers = Guid.NewGuid();
    private static readonly AgendaRoom Aula = new(Guid.NewGuid(), "Aula Magna", 200, null);
    private static readonly AgendaRoom Small = new(Guid.NewGuid(), "Sala 2", 12, Developers);
    private static readonly Dictionary<Guid, (string, int)> Tracks = new() { [Developers] = ("Developers", 25) };

    private static AgendaSlot Item(string title, AgendaRoom? room, int startMinutes, int minutes = 30, AgendaItemType type = AgendaItemType.Session,
        string[]? speakers = null, Guid? track = null, Guid? proposal = null) =>
        new(Guid.NewGuid(), title, type, track, room?.Id, Day1.AddMinutes(startMinutes), minutes, speakers ?? [], proposal);

    private static IReadOnlyList<AgendaConflict> Find(params AgendaSlot[] items) =>
        AgendaConflicts.Find(items, [Aula, Small], Day1, Day1.AddDays(2).AddHours(8), Tracks, Zone);

    [Fact]
    public void Two_items_in_one_room_at_once_are_flagged_but_back_to_back_ones_are_not()
    {
        var first = Item("Opening", Aula, 0, 60);
        var overlapping = Item("IPT clinic", Aula, 45, 30);
        var after = Item("Coffee", Aula, 75, 15, AgendaItemType.Break);

        var conflict = Assert.Single(Find(first, overlapping, after));

        Assert.Equal(ConflictKind.RoomDoubleBooked, conflict.Kind);
        Assert.Equal([first.Id, overlapping.Id], conflict.ItemIds);
        Assert.Contains("Aula Magna at Tue 12 Oct 09:45", conflict.Message);
    }

    [Fact]
    public void A_speaker_in_two_rooms_at_once_is_flagged_whatever_the_case_of_the_name()
    {
        var a = Item("Data quality", Aula, 0, 60, speakers: ["Ana Souza"]);
        var b = Item("Hosted portals", Small, 30, 30, speakers: ["ana souza", "Tim Robertson"]);
        var c = Item("Later", Small, 60, 30, speakers: ["Ana Souza"]);

        var conflict = Assert.Single(Find(a, b, c));

        Assert.Equal(ConflictKind.SpeakerDoubleBooked, conflict.Kind);
        Assert.StartsWith("Ana Souza speaks in", conflict.Message);
    }

    [Fact]
    public void Breaks_do_not_count_as_speaking()
    {
        var talk = Item("Talk", Aula, 0, 60, speakers: ["Ana Souza"]);
        var lunch = Item("Lunch", Small, 0, 60, AgendaItemType.Lunch, speakers: ["Ana Souza"]);

        Assert.Empty(Find(talk, lunch));
    }

    [Fact]
    public void An_item_outside_the_workshop_is_flagged()
    {
        var early = Item("Too early", Aula, -30, 60);
        var late = Item("Too late", Aula, 60 * 24 * 2 + 60 * 8 - 15, 30);

        var conflicts = Find(early, late);

        Assert.Equal(2, conflicts.Count(c => c.Kind == ConflictKind.OutsideWorkshop));
    }

    [Fact]
    public void An_item_outside_the_days_hours_is_flagged_but_not_the_evening_dinner()
    {
        // Day one, 23:30 to 00:30, within the workshop's dates but not its hours of 09:00 to 17:00.
        var night = Item("Coffee break", Aula, 60 * 14 + 30, 60, AgendaItemType.Break);
        var dinner = Item("Workshop dinner", Aula, 60 * 11, 120, AgendaItemType.Social);

        var conflict = Assert.Single(Find(night, dinner));

        Assert.Equal(ConflictKind.OutsideWorkshop, conflict.Kind);
        Assert.Contains("“Coffee break” at Tue 12 Oct 23:30 is outside the workshop's hours (09:00–17:00)", conflict.Message);
    }

    [Fact]
    public void A_track_session_in_a_room_smaller_than_the_track_is_flagged()
    {
        var conflict = Assert.Single(Find(Item("Hackathon", Small, 0, 120, track: Developers)));

        Assert.Equal(ConflictKind.RoomTooSmall, conflict.Kind);
        Assert.Contains("Sala 2 (12 places), but the Developers track has 25 seats", conflict.Message);
    }

    [Fact]
    public void A_session_scheduled_twice_is_flagged_even_when_one_copy_is_not_placed_yet()
    {
        var proposal = Guid.NewGuid();
        var placed = Item("Biocache", Aula, 0, 30, proposal: proposal);
        var unplaced = placed with { Id = Guid.NewGuid(), RoomId = null, StartsAt = null };

        var conflict = Assert.Single(Find(placed, unplaced));

        Assert.Equal(ConflictKind.ScheduledTwice, conflict.Kind);
        Assert.Equal(2, conflict.ItemIds.Count);
    }

    [Fact]
    public void Unplaced_items_never_clash()
    {
        var a = Item("A", null, 0) with { StartsAt = null };
        var b = Item("B", null, 0) with { StartsAt = null };

        Assert.Empty(Find(a, b));
    }
}
