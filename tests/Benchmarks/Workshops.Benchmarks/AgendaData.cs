using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;

namespace Workshops.Benchmarks;

/// <summary>The agenda benchmark's workshop: 4 days, 6 rooms, 300 items with speakers and tracks, published as v1.</summary>
public static class AgendaData
{
    private static readonly string[] Topics =
    [
        "Moving biocache-store to the new pipelines", "Deploying a Living Atlas with Ansible", "Spatial portal: layers and analysis",
        "Collectory: data resources and providers", "Species lists and species pages", "Data partnerships with herbaria",
        "Funding a national node", "Citizen science and user engagement", "Sensitive data: generalising locations", "Monitoring with Prometheus",
    ];

    private static readonly string[] People = ["Ana Souza", "Tim Robertson", "Mei Tanaka", "Javier Otegui", "Marie Dubois", "Kwame Mensah", "Eleni Papadopoulou", "Sipho Ndlovu"];

    public static async Task<string> SeedAsync(DatabaseOptions options, string dataDirectory)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataServices.Configure(builder, options, dataDirectory);
        await using var db = new AppDbContext(builder.Options);
        var now = DateTimeOffset.UtcNow;
        var starts = DateTime.UtcNow.Date.AddDays(60).AddHours(8);
        var workshop = new AWorkshop
        {
            Title = "Agenda benchmark workshop", Slug = "agenda-bench", Starts = starts, Ends = starts.AddDays(3).Date.AddHours(19),
            Venue = "Real Jardín Botánico", City = "Madrid", Country = "España",
            Tracks = [AWorkshop.Track("Developers"), AWorkshop.Track("Managers"), AWorkshop.Track("Data")], Now = now,
        }.Build();
        db.Workshops.Add(workshop);
        var rooms = Enumerable.Range(0, 6).Select(r => Room.Create(workshop, new RoomDetails($"Room {(char)('A' + r)}", 40, workshop.Tracks[r % 3].Id), r)).ToList();
        db.Rooms.AddRange(rooms);
        var items = new List<AgendaItem>();
        for (var day = 0; day < 4 && items.Count < 300; day++)
        for (var slot = 0; slot < 13 && items.Count < 300; slot++)
        for (var r = 0; r < 6 && items.Count < 300; r++)
        {
            var n = items.Count;
            var type = slot == 5 ? AgendaItemType.Lunch : slot % 4 == 2 && r == 0 ? AgendaItemType.Break : AgendaItemType.Session;
            var title = type == AgendaItemType.Session ? $"{Topics[n % Topics.Length]} ({n + 1})" : type == AgendaItemType.Lunch ? "Lunch" : "Coffee break";
            var speakers = type == AgendaItemType.Session ? new[] { People[n % People.Length], People[(n + 3) % People.Length] }.Take(1 + n % 2) : [];
            var item = AgendaItem.Create(workshop, new AgendaItemDetails(title, type, type == AgendaItemType.Session ? workshop.Tracks[r % 3].Id : null, 40,
                "A session of the benchmark's agenda, with a short abstract.", null, speakers.Select(s => new AgendaSpeakerDetails(s)).ToList()), null, now);
            item.Place(rooms[r], WorkshopTime.ToUtc(starts.Date.AddDays(day).AddHours(8).AddMinutes(45 * slot), workshop.Zone), 40, now);
            items.Add(item);
        }
        db.AgendaItems.AddRange(items);
        db.AgendaVersions.Add(AgendaVersion.Publish(workshop, null, AgendaSnapshot.Of(rooms, workshop.Tracks, items), null, null, now));
        await db.SaveChangesAsync();
        return $"/workshops/{workshop.Slug}/agenda";
    }
}
