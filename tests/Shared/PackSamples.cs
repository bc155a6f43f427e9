using Workshops.Core.Localization;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Domain.Packs;
using Workshops.Core.Pdf;

namespace Workshops.Tests.Shared;

/// <summary>
/// A workshop's pack content the size the issue names: 60 agenda items over three days in two tracks and plenary,
/// 50 listed participants whose names are in Latin with accents, Greek and Cyrillic.
/// </summary>
public static class PackSamples
{
    public static readonly string[] Names =
    [
        "Ana Souza", "José Ñúñez", "Zoë Lefèvre", "Łukasz Wróbel", "Ἀλέξανδρος Παπαδόπουλος", "Γιώργος Νικολάου", "Дмитрий Иванов",
        "Анна Кузнецова", "Søren Østergaard", "Ngozi Okonkwo", "Thảo Nguyễn", "François Dubois", "Björk Guðmundsdóttir", "İlker Şahin",
    ];

    private static readonly string[] Institutions = ["GBIF Spain", "GBIF Norway", "SiB Colombia", "Naturalis", "ΕΛΚΕΘΕ", "Зоологический институт РАН", "CSIC", "ALA"];
    public static readonly string[] Countries = ["Spain", "Norway", "Colombia", "Netherlands", "Ελλάδα", "Россия", "Brazil", "Australia"];

    public static Workshop Workshop(string zone = "Europe/Madrid") => new AWorkshop
    {
        Title = "Living Atlases Workshop 2027", Slug = "la-2027", Starts = new DateTime(2027, 3, 8, 9, 0, 0), Ends = new DateTime(2027, 3, 10, 18, 0, 0), Zone = zone,
        Venue = "Real Jardín Botánico", Address = "Plaza de Murillo 2, 28014 Madrid", City = "Madrid", Country = "Spain", Status = WorkshopStatus.Draft,
    }.Build();

    public static AgendaSnapshot Agenda(Workshop workshop, int items = 60)
    {
        var tracks = workshop.Tracks.OrderBy(t => t.Position).Select(t => new SnapshotTrack(t.Id, t.Name)).ToList();
        var rooms = new List<SnapshotRoom> { new(Guid.NewGuid(), "Aula Magna", 120, null) };
        rooms.AddRange(tracks.Select((t, i) => new SnapshotRoom(Guid.NewGuid(), $"Sala {i + 1}", 30, t.Id)));
        // Each day: a keynote, two breaks and lunch for everyone, and eight slots where both tracks run side by side.
        var list = new List<SnapshotItem>();
        var plenary = new[] { (0, AgendaItemType.Keynote, "Keynote: open biodiversity data in 2027"), (3, AgendaItemType.Break, "Coffee break"),
            (6, AgendaItemType.Lunch, "Lunch"), (9, AgendaItemType.Break, "Coffee break") };
        for (var n = 0; list.Count < items; n++)
        {
            var day = n / 12;
            var slot = n % 12;
            var starts = workshop.StartsAt.AddDays(day).AddMinutes(slot * 40);
            var fixedItem = plenary.FirstOrDefault(p => p.Item1 == slot);
            if (fixedItem.Item3 is not null)
            {
                list.Add(new SnapshotItem(Guid.NewGuid(), fixedItem.Item3, fixedItem.Item2, null, rooms[0].Id, starts, 30, null, null,
                    fixedItem.Item2 == AgendaItemType.Keynote ? [new(Names[day], null)] : [], null));
                continue;
            }
            foreach (var track in tracks)
            {
                if (list.Count == items) break;
                var i = list.Count;
                var room = rooms.First(r => r.TrackId == track.Id);
                list.Add(new SnapshotItem(Guid.NewGuid(), $"Session {i + 1}: publishing occurrence data with the IPT", AgendaItemType.Session, track.Id, room.Id,
                    starts, 30, null, null, [new(Names[i % Names.Length], null), new(Names[(i + 3) % Names.Length], null)], null));
            }
        }
        return new AgendaSnapshot(rooms, tracks, list);
    }

    public static IReadOnlyList<PackParticipant> Participants(int count = 50) =>
        Enumerable.Range(0, count).Select(i => new PackParticipant($"{Names[i % Names.Length]} {i + 1}", Institutions[i % Institutions.Length], Countries[i % Countries.Length])).ToList();

    public const string PracticalInfo = """
        ## Venue

        The workshop is at the **Real Jardín Botánico**, Plaza de Murillo 2. Enter by the *Puerta de Murillo*.

        ## Travel

        - From the airport: Metro line 8 to Nuevos Ministerios, then line 1 to Atocha.
        - By train: Atocha station is a five-minute walk.
          - Night buses stop at Plaza de Cibeles.

        ## Wi-Fi

        1. Network: **RJB-Guest**
        2. Password: `jardin2027`

        ## Emergency contacts

        Call 112 for emergencies. Organisers: [workshop@gbif.es](mailto:workshop@gbif.es), or see [the workshop page](https://workshops.example.org/workshops/la-2027).

        Ελληνικά: καλώς ήρθατε. Русский: добро пожаловать.
        """;

    public static PackContent Content(Workshop? workshop = null, int items = 60, int participants = 50, PaperSize paper = PaperSize.A4)
    {
        workshop ??= Workshop();
        return new PackContent("GBIF Workshops", workshop, Agenda(workshop, items), 3, new LocalText(PracticalInfo), Participants(participants), paper,
            new DateTimeOffset(2027, 2, 20, 10, 0, 0, TimeSpan.Zero));
    }

    public static PackAttendee Attendee(PackContent content, string name = "Ἀλέξανδρος Παπαδόπουλος", int starred = 3)
    {
        var track = content.Workshop.Tracks.OrderBy(t => t.Position).First();
        var stars = content.Agenda.Items.Where(i => i.TrackId == track.Id).Take(starred).Select(i => i.Id).ToHashSet();
        return new PackAttendee(Guid.NewGuid(), name, "Зоологический институт РАН", "Россия", track.Id, track.Name, "7KQ2M-9XPAB", stars);
    }
}
