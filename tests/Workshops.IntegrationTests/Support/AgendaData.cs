using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Proposals;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Time;

namespace Workshops.IntegrationTests.Support;

/// <summary>Rooms, agenda items and confirmed sessions written straight to the database.</summary>
public static class AgendaData
{
    public static async Task<Room> AddRoomAsync(this AppFactory app, Workshop workshop, string name, int? capacity = 60, Guid? trackId = null) =>
        await app.WithDb(async db =>
        {
            var position = db.Rooms.Count(r => r.WorkshopId == workshop.Id);
            var room = Room.Create(workshop, new RoomDetails(name, capacity, trackId), position);
            db.Rooms.Add(room);
            await db.SaveChangesAsync();
            return room;
        });

    /// <summary>An item, placed when a room is given: at <paramref name="day"/> (0 = the first day) and the local time.</summary>
    public static async Task<AgendaItem> AddItemAsync(this AppFactory app, Workshop workshop, string title, Room? room = null, int day = 0,
        string at = "09:00", int minutes = 30, AgendaItemType type = AgendaItemType.Session, Guid? trackId = null, params AgendaSpeakerDetails[] speakers) =>
        await app.WithDb(async db =>
        {
            var item = AgendaItem.Create(workshop, new AgendaItemDetails(title, type, trackId, minutes, $"About {title}.", null, speakers), null, DateTimeOffset.UtcNow);
            if (room is not null) item.Place(room, LocalStart(workshop, day, at), minutes, DateTimeOffset.UtcNow);
            db.AgendaItems.Add(item);
            await db.SaveChangesAsync();
            return item;
        });

    public static DateTimeOffset LocalStart(Workshop workshop, int day, string at) =>
        WorkshopTime.ToUtc(workshop.StartsLocal.Date.AddDays(day) + TimeOnly.Parse(at).ToTimeSpan(), workshop.Zone)!.Value;

    /// <summary>A session proposal by the speaker, accepted and confirmed, in the workshop's call for sessions (made if needed).</summary>
    public static async Task<Proposal> AddConfirmedSessionAsync(this AppFactory app, Workshop workshop, AppUser speaker, string title)
    {
        var call = await app.WithDb(db => Task.FromResult(db.Calls.FirstOrDefault(c => c.WorkshopId == workshop.Id)))
            ?? await app.AddSessionCallAsync(workshop);
        var proposal = await app.AddSessionAsync(call, speaker, title);
        return await app.WithDb(async db =>
        {
            var stored = db.Proposals.First(p => p.Id == proposal.Id);
            var now = DateTimeOffset.UtcNow;
            stored.Stage(StagedDecision.Accept, now);
            db.StatusChanges.Add(stored.MoveTo(ProposalStatus.Accepted, null, now));
            db.StatusChanges.Add(stored.MoveTo(ProposalStatus.Confirmed, speaker.Id, now));
            await db.SaveChangesAsync();
            return stored;
        });
    }
}
