using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;

namespace Workshops.UnitTests.Domain.Agenda;

public sealed class AgendaItemTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Workshop Workshop() => new AWorkshop
    {
        Title = "Bogotá 2027", Slug = "2027-bogota", Starts = new DateTime(2027, 10, 12, 9, 0, 0), Days = 3, Zone = "America/Bogota",
        Tracks = [AWorkshop.Track("Developers")], Status = WorkshopStatus.Draft, Now = Now,
    }.Build();

    private static AgendaItemDetails Talk(int minutes = 30) =>
        new("Biocache in practice", AgendaItemType.Session, null, minutes, "About **data**.", null, [new("Ana Souza"), new(" "), new("Tim Robertson")]);

    [Fact]
    public void An_item_starts_unscheduled_and_keeps_its_named_speakers_in_order()
    {
        var item = AgendaItem.Create(Workshop(), Talk(), null, Now);

        Assert.False(item.ToSlot().IsScheduled);
        Assert.Equal(["Ana Souza", "Tim Robertson"], item.ToSlot().Speakers);
    }

    [Fact]
    public void Placing_puts_it_in_a_room_at_a_time_and_unplacing_sends_it_back()
    {
        var workshop = Workshop();
        var room = Room.Create(workshop, new RoomDetails("Aula Magna", 200, null), 0);
        var item = AgendaItem.Create(workshop, Talk(), null, Now);
        var start = new DateTimeOffset(2027, 10, 12, 9, 30, 0, TimeSpan.FromHours(-5));

        item.Place(room, start, 45, Now);
        Assert.Equal((room.Id, start, 45), (item.RoomId!.Value, item.StartsAt!.Value, item.DurationMinutes));
        Assert.Equal(TimeSpan.Zero, item.StartsAt!.Value.Offset);

        item.Place(null, null, 45, Now);
        Assert.False(item.ToSlot().IsScheduled);
    }

    [Theory]
    [InlineData(true, false, 30, 0, "both a room and a start")]
    [InlineData(true, true, 31, 0, "in steps of 5 minutes")]
    [InlineData(true, true, 0, 0, "between 5 minutes and a day")]
    [InlineData(true, true, 30, 3, "5-minute grid")]
    public void What_is_never_right_is_refused(bool withRoom, bool withStart, int minutes, int offGridMinutes, string message)
    {
        var workshop = Workshop();
        var room = Room.Create(workshop, new RoomDetails("Aula", null, null), 0);
        var item = AgendaItem.Create(workshop, Talk(), null, Now);
        var start = new DateTimeOffset(2027, 10, 12, 10, offGridMinutes, 0, TimeSpan.FromHours(-5));

        var e = Assert.Throws<DomainException>(() => item.Place(withRoom ? room : null, withStart ? start : null, minutes, Now));

        Assert.Contains(message, e.Message);
        Assert.Null(item.RoomId);
    }

    [Fact]
    public void A_room_of_another_workshop_is_refused()
    {
        var item = AgendaItem.Create(Workshop(), Talk(), null, Now);
        var elsewhere = Room.Create(Workshop(), new RoomDetails("Elsewhere", null, null), 0);

        var e = Assert.Throws<DomainException>(() => item.Place(elsewhere, Now, 30, Now));

        Assert.Contains("another workshop", e.Message);
    }

    [Theory]
    [InlineData("", 30, "a title")]
    [InlineData("Talk", 7, "steps of 5")]
    public void Bad_details_are_refused_with_the_field_named(string title, int minutes, string message)
    {
        var e = Assert.Throws<DomainException>(() => AgendaItem.Create(Workshop(), Talk(minutes) with { Title = title }, null, Now));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_room_names_a_track_of_its_own_workshop_only()
    {
        var workshop = Workshop();
        var room = Room.Create(workshop, new RoomDetails(" Sala 2 ", 30, workshop.Tracks[0].Id), 1);
        Assert.Equal("Sala 2", room.Name);

        Assert.Throws<DomainException>(() => room.Edit(workshop, new RoomDetails("Sala 2", 30, Guid.NewGuid())));
        Assert.Throws<DomainException>(() => room.Edit(workshop, new RoomDetails("Sala 2", 0, null)));
    }
}
