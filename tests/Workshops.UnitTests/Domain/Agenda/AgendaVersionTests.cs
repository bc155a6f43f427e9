using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;

namespace Workshops.UnitTests.Domain.Agenda;

public sealed class AgendaVersionTests
{
    private static readonly DateTimeOffset Now = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Workshop Workshop() => new AWorkshop
    {
        Title = "Bogotá 2027", Slug = "2027-bogota", Starts = new DateTime(2027, 10, 12, 9, 0, 0), Days = 3, Zone = "America/Bogota",
        Tracks = [AWorkshop.Track("Developers")], Status = WorkshopStatus.Draft, Now = Now,
    }.Build();

    [Fact]
    public void Versions_count_up_and_each_lists_what_changed_since_the_one_before()
    {
        var workshop = Workshop();
        var aula = Room.Create(workshop, new RoomDetails("Aula Magna", 200, null), 0);
        var sala = Room.Create(workshop, new RoomDetails("Sala 2", 30, workshop.Tracks[0].Id), 1);
        var talk = AgendaItem.Create(workshop, new AgendaItemDetails("Biocache in practice", AgendaItemType.Session, workshop.Tracks[0].Id, 30,
            "About *data*.", null, [new("Ana Souza", "user-1")]), null, Now);
        var waiting = AgendaItem.Create(workshop, new AgendaItemDetails("Not placed yet", AgendaItemType.Break, null, 15, null, null, []), null, Now);
        talk.Place(aula, workshop.StartsAt, 30, Now);

        var v1 = AgendaVersion.Publish(workshop, null, AgendaSnapshot.Of([aula, sala], workshop.Tracks, [talk, waiting]), " First cut ", "org", Now);
        talk.Place(sala, workshop.StartsAt.AddMinutes(60), 30, Now);
        var v2 = AgendaVersion.Publish(workshop, v1, AgendaSnapshot.Of([aula, sala], workshop.Tracks, [talk, waiting]), null, "org", Now);

        Assert.Equal(("v1", "First cut"), (v1.Name, v1.Note));
        Assert.Equal([AgendaChangeKind.Added], v1.ReadChanges().Select(c => c.Kind));
        Assert.Equal("v2", v2.Name);
        Assert.Equal([AgendaChangeKind.Moved, AgendaChangeKind.Retimed], v2.ReadChanges().Select(c => c.Kind));
        Assert.Contains("from Aula Magna to Sala 2", v2.ReadChanges()[0].Describe());
    }

    [Fact]
    public void The_snapshot_keeps_only_placed_items_with_what_the_public_pages_print()
    {
        var workshop = Workshop();
        var aula = Room.Create(workshop, new RoomDetails("Aula Magna", 200, null), 0);
        var talk = AgendaItem.Create(workshop, new AgendaItemDetails("Biocache", AgendaItemType.Keynote, null, 45, "About *data*.", "Tim", [new("Ana Souza", "user-1")]), null, Now);
        var waiting = AgendaItem.Create(workshop, new AgendaItemDetails("Later", AgendaItemType.Break, null, 15, null, null, []), null, Now);
        talk.Place(aula, workshop.StartsAt, 45, Now);

        var read = AgendaVersion.Publish(workshop, null, AgendaSnapshot.Of([aula], workshop.Tracks, [talk, waiting]), null, null, Now).ReadSnapshot();

        var item = Assert.Single(read.Items);
        Assert.Equal((talk.Id, "Biocache", AgendaItemType.Keynote, aula.Id, workshop.StartsAt, 45, "About *data*.", "Tim"),
            (item.Id, item.Title, item.Type, item.RoomId, item.StartsAt, item.DurationMinutes, item.Description, item.Chair));
        Assert.Equal(new SnapshotSpeaker("Ana Souza", "user-1"), Assert.Single(item.Speakers));
        Assert.Equal("Aula Magna", read.Room(aula.Id)!.Name);
        Assert.Equal("Developers", Assert.Single(read.Tracks).Name);
    }

    [Fact]
    public void A_note_too_long_is_refused_and_a_blank_one_is_none()
    {
        var workshop = Workshop();
        var v1 = AgendaVersion.Publish(workshop, null, AgendaSnapshot.Empty, "  ", null, Now);

        Assert.Null(v1.Note);
        var e = Assert.Throws<DomainException>(() => v1.Annotate(new string('x', AgendaVersion.MaxNote + 1)));
        Assert.Equal("Note", e.Field);
        v1.Annotate("Lunch moved because of the venue.");
        Assert.Equal("Lunch moved because of the venue.", v1.Note);
    }
}
