using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;
using Workshops.Web.Features.Organise.Calls;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// A published agenda for a demo workshop: a plenary room and a room per track, opening and closing plenaries,
/// parallel sessions, breaks, lunches and a dinner; the confirmed sessions of its call placed too; published as v1
/// and, after one change, as v2, so the changelog has something to say.
/// </summary>
public sealed class DemoAgenda(AppDbContext db, ConfirmedSessions confirmed, TimeProvider clock)
{
    private static readonly string[] DeveloperTopics =
    [
        "Moving biocache-store to the new pipelines", "Deploying a Living Atlas with Ansible", "Docker images for every module",
        "Spatial portal: layers and analysis", "Collectory: data resources and providers", "Species lists and the species pages",
        "The images service at scale", "Sensitive data: generalising locations", "Single sign-on with OpenID Connect", "Monitoring with Prometheus and Grafana",
    ];

    private static readonly string[] ManagerTopics =
    [
        "Data partnerships with herbaria and museums", "Funding a national node", "Citizen science and user engagement", "Measuring the portal's impact",
        "Data licences that publishers accept", "Training programmes that last", "Governance of the Living Atlases community", "Talking with data publishers",
    ];

    private static readonly string[] Speakers =
        ["Ana Souza", "Tim Robertson", "Mei Tanaka", "Javier Otegui", "Marie Dubois", "Kwame Mensah", "Eleni Papadopoulou", "Дмитрий Иванов", "Lucía Fernández", "Sipho Ndlovu"];

    public async Task<int> SeedAsync(Workshop workshop, CancellationToken ct)
    {
        if (await db.AgendaVersions.AnyAsync(v => v.WorkshopId == workshop.Id, ct) || await db.Rooms.AnyAsync(r => r.WorkshopId == workshop.Id, ct)) return 0;
        var now = clock.GetUtcNow();
        var developers = workshop.Tracks.Single(t => t.Name == "Developers");
        var managers = workshop.Tracks.Single(t => t.Name == "Managers");
        var plenary = Room.Create(workshop, new RoomDetails("Auditorium", 120, null), 0);
        var devRoom = Room.Create(workshop, new RoomDetails("Room A", 30, developers.Id), 1);
        var mgrRoom = Room.Create(workshop, new RoomDetails("Room B", 30, managers.Id), 2);
        db.Rooms.AddRange(plenary, devRoom, mgrRoom);

        var items = new List<AgendaItem>();
        var days = (int)(workshop.EndsLocal.Date - workshop.StartsLocal.Date).TotalDays + 1;
        var (dev, mgr, speaker) = (0, 0, 0);
        string Next() => Speakers[speaker++ % Speakers.Length];
        void Add(string title, AgendaItemType type, Room room, int day, string at, int minutes, Guid? track = null, string? text = null, params string[] names)
        {
            var item = AgendaItem.Create(workshop, new AgendaItemDetails(title, type, track, minutes, text, null, names.Select(n => new AgendaSpeakerDetails(n)).ToList()), null, now);
            item.Place(room, Start(workshop, day, at), minutes, now);
            items.Add(item);
        }

        for (var day = 0; day < days; day++)
        {
            if (day == 0)
            {
                Add("Welcome and introductions", AgendaItemType.Plenary, plenary, day, "09:00", 45, null, "Who is here, what each node runs, and the week ahead.", "Olivia Martins");
                Add("Keynote: ten years of Living Atlases", AgendaItemType.Keynote, plenary, day, "09:45", 45, null, "Where the community came from, and where the **software** goes next.", Next());
            }
            else
                Add(day == days - 1 ? "Closing plenary: what we take home" : "Morning round-up", AgendaItemType.Plenary, plenary, day, day == days - 1 ? "15:30" : "09:00", day == days - 1 ? 60 : 30);
            Add("Coffee break", AgendaItemType.Break, plenary, day, "10:30", 30);
            Add("Lunch", AgendaItemType.Lunch, plenary, day, "12:30", 90);
            foreach (var at in day == days - 1 ? new[] { "11:00", "14:00" } : ["11:00", "14:00", "16:00"])
            {
                var minutes = at == "11:00" ? 90 : at == "14:00" ? 90 : 60;
                Add(DeveloperTopics[dev++ % DeveloperTopics.Length], AgendaItemType.Session, devRoom, day, at, minutes, developers.Id, "A hands-on session: bring a laptop with Docker installed.", Next());
                Add(ManagerTopics[mgr++ % ManagerTopics.Length], AgendaItemType.Session, mgrRoom, day, at, minutes, managers.Id, "Short talks from three nodes, then discussion.", Next(), Next());
            }
            if (day == 1) Add("Workshop dinner", AgendaItemType.Social, plenary, day, "19:30", 150, null, "At a restaurant near the venue; the organisers share the address on the day.");
        }

        // The confirmed sessions of the call go in the last slot of the first days, one per track room, ending by 18:00.
        var slot = 0;
        foreach (var s in await confirmed.ForWorkshopAsync(workshop.Id, ct))
        {
            var room = s.TrackId == managers.Id ? mgrRoom : devRoom;
            var item = AgendaItem.Create(workshop, new AgendaItemDetails(s.Title, AgendaItemType.Session, s.TrackId, s.DurationMinutes, s.Abstract, null,
                s.Speakers.Select(p => new AgendaSpeakerDetails(p.Name, p.UserId)).ToList()), s.ProposalId, now);
            item.Place(room, Start(workshop, Math.Min(slot++, days - 1), "17:15"), Math.Min(s.DurationMinutes, 45), now);
            items.Add(item);
        }
        db.AgendaItems.AddRange(items);

        var v1 = AgendaVersion.Publish(workshop, null, AgendaSnapshot.Of([plenary, devRoom, mgrRoom], workshop.Tracks, items), "The first agenda. Rooms may still change.", null, now.AddDays(-14));
        // One change before v2: the dinner moves half an hour later, as happens.
        var dinner = items.FirstOrDefault(i => i.Type == AgendaItemType.Social);
        dinner?.Place(plenary, dinner.StartsAt!.Value.AddMinutes(30), dinner.DurationMinutes, now);
        var v2 = AgendaVersion.Publish(workshop, v1, AgendaSnapshot.Of([plenary, devRoom, mgrRoom], workshop.Tracks, items), "The restaurant could only take us at eight.", null, now.AddDays(-2));
        db.AgendaVersions.AddRange(v1, v2);
        await db.SaveChangesAsync(ct);
        return 1;
    }

    private static DateTimeOffset Start(Workshop workshop, int day, string at) =>
        WorkshopTime.ToUtc(workshop.StartsLocal.Date.AddDays(day) + TimeOnly.Parse(at).ToTimeSpan(), workshop.Zone)
        ?? WorkshopTime.ToUtc(workshop.StartsLocal.Date.AddDays(day) + TimeOnly.Parse(at).ToTimeSpan().Add(TimeSpan.FromHours(1)), workshop.Zone)!.Value;
}
