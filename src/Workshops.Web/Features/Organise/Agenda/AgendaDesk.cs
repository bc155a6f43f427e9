using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Agenda;
using Workshops.Core.Domain.Common;
using Workshops.Core.Time;
using Workshops.Web.Features.Organise.Calls;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Agenda;

/// <summary>Where the placement form and the editor's drag and drop land: a room, a day and a time in the workshop's zone, and a length.</summary>
public sealed record Placement(Guid? RoomId, DateOnly? Day, TimeOnly? Start, int DurationMinutes, long? Stamp);

/// <summary>Every change organisers make to a draft agenda goes through here, one save per change.</summary>
public sealed class AgendaDesk(AppDbContext db, TimeProvider clock, ConfirmedSessions sessions)
{
    public static string ItemGone => Tr.T("This item is no longer on the agenda.");

    private static EditResult RoomNameTaken => EditResult.Fail(nameof(RoomDetails.Name), Tr.T("The workshop already has a room of that name."));

    /// <param name="withPublished">Also read the latest published version (its frozen items), which only the editor's
    /// summary and the publish page compare with; the room, item and placing pages do without.</param>
    public async Task<AgendaDraft?> LoadAsync(Guid workshopId, CancellationToken ct, bool withPublished = false)
    {
        var workshop = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return null;
        var rooms = await db.Rooms.AsNoTracking().Where(r => r.WorkshopId == workshopId).OrderBy(r => r.Position).ThenBy(r => r.Name).ToListAsync(ct);
        var items = await db.AgendaItems.AsNoTracking().Where(i => i.WorkshopId == workshopId).ToListAsync(ct);
        var latest = withPublished
            ? await db.AgendaVersions.AsNoTracking().Where(v => v.WorkshopId == workshopId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(ct)
            : null;
        return new AgendaDraft(workshop, rooms, items, latest);
    }

    /// <summary>How many confirmed sessions of the workshop's call are not on the draft yet.</summary>
    public async Task<int> SessionsToAddAsync(AgendaDraft draft, CancellationToken ct)
    {
        var onAgenda = draft.Items.Where(i => i.ProposalId is not null).Select(i => i.ProposalId!.Value).ToHashSet();
        return (await sessions.ForWorkshopAsync(draft.Workshop.Id, ct)).Count(s => !onAgenda.Contains(s.ProposalId));
    }

    public async Task<EditResult> AddRoomAsync(Guid workshopId, RoomDetails details, CancellationToken ct)
    {
        var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        return await SaveAsync(async () =>
        {
            if (await NameTakenAsync(workshopId, null, details.Name, ct)) throw new DomainException(RoomNameTaken.Error!, RoomNameTaken.Field);
            var position = await db.Rooms.Where(r => r.WorkshopId == workshopId).Select(r => (int?)r.Position).MaxAsync(ct) ?? -1;
            var room = Room.Create(workshop, details, position + 1);
            db.Rooms.Add(room);
            return room.Id;
        }, ct, RoomNameTaken);
    }

    public async Task<EditResult> EditRoomAsync(Guid workshopId, Guid roomId, RoomDetails details, CancellationToken ct)
    {
        var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId && r.WorkshopId == workshopId, ct);
        if (room is null) return EditResult.Fail(null, Tr.T("This room no longer exists."));
        var workshop = await db.Workshops.FirstAsync(w => w.Id == workshopId, ct);
        return await SaveAsync(async () =>
        {
            if (await NameTakenAsync(workshopId, roomId, details.Name, ct)) throw new DomainException(RoomNameTaken.Error!, RoomNameTaken.Field);
            room.Edit(workshop, details);
            return room.Id;
        }, ct, RoomNameTaken);
    }

    /// <summary>Takes a room away; what was in it goes back to the unscheduled list, in the same save.</summary>
    public async Task<int?> RemoveRoomAsync(Guid workshopId, Guid roomId, CancellationToken ct)
    {
        // An item moved into the room at the same moment fails the save: read again and take that one out too.
        for (var attempt = 1; ; attempt++)
        {
            var room = await db.Rooms.FirstOrDefaultAsync(r => r.Id == roomId && r.WorkshopId == workshopId, ct);
            if (room is null) return null;
            var now = clock.GetUtcNow();
            var items = await db.AgendaItems.Where(i => i.RoomId == roomId).ToListAsync(ct);
            foreach (var item in items) item.Place(null, null, item.DurationMinutes, now);
            db.Rooms.Remove(room);
            try
            {
                await db.SaveChangesAsync(ct);
                return items.Count;
            }
            catch (DbUpdateConcurrencyException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Adds an item from the organiser's form (to the unscheduled list), or changes the one it names.</summary>
    public async Task<EditResult> SaveItemAsync(Guid workshopId, Guid? itemId, ItemForm form, CancellationToken ct)
    {
        AgendaItemDetails details;
        try
        {
            details = await form.ToDetailsAsync(db, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        return itemId is { } existing ? await EditItemAsync(workshopId, existing, details, ct) : await CreateItemAsync(workshopId, details, ct);
    }

    private async Task<EditResult> CreateItemAsync(Guid workshopId, AgendaItemDetails details, CancellationToken ct)
    {
        var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        return await SaveAsync(() =>
        {
            var item = AgendaItem.Create(workshop, details, null, clock.GetUtcNow());
            db.AgendaItems.Add(item);
            return Task.FromResult(item.Id);
        }, ct);
    }

    private async Task<EditResult> EditItemAsync(Guid workshopId, Guid itemId, AgendaItemDetails details, CancellationToken ct)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.WorkshopId == workshopId, ct);
        if (item is null) return EditResult.Fail(null, ItemGone);
        var workshop = await db.Workshops.FirstAsync(w => w.Id == workshopId, ct);
        return await SaveAsync(() =>
        {
            item.Edit(workshop, details, clock.GetUtcNow());
            return Task.FromResult(item.Id);
        }, ct);
    }

    public async Task<bool> RemoveItemAsync(Guid workshopId, Guid itemId, CancellationToken ct) =>
        await db.AgendaItems.Where(i => i.Id == itemId && i.WorkshopId == workshopId).ExecuteDeleteAsync(ct) > 0;

    /// <summary>Puts every confirmed session not yet on the agenda into the unscheduled list, with its track, length, abstract and speakers.</summary>
    /// <returns>How many were added; null when the workshop no longer exists.</returns>
    public async Task<int?> AddConfirmedSessionsAsync(Guid workshopId, CancellationToken ct)
    {
        var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == workshopId, ct);
        if (workshop is null) return null;
        var onAgenda = await db.AgendaItems.Where(i => i.WorkshopId == workshopId && i.ProposalId != null).Select(i => i.ProposalId!.Value).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var s in await sessions.ForWorkshopAsync(workshopId, ct))
        {
            if (onAgenda.Contains(s.ProposalId)) continue;
            var details = new AgendaItemDetails(s.Title.Length > AgendaItemDetails.MaxTitle ? s.Title[..AgendaItemDetails.MaxTitle] : s.Title, AgendaItemType.Session, s.TrackId,
                Math.Clamp(s.DurationMinutes / AgendaItem.Grid * AgendaItem.Grid, AgendaItem.Grid, 24 * 60), s.Abstract, null,
                s.Speakers.Take(AgendaItemDetails.MaxSpeakers).Select(p => new AgendaSpeakerDetails(p.Name, p.UserId)).ToList());
            db.AgendaItems.Add(AgendaItem.Create(workshop, details, s.ProposalId, now));
            added++;
        }
        await db.SaveChangesAsync(ct);
        return added;
    }

    /// <summary>
    /// Moves an item (or sends it back to the unscheduled list). The stamp is the item's last change as the organiser
    /// saw it: if someone else changed it since, nothing is saved and they are told.
    /// </summary>
    public async Task<EditResult> PlaceAsync(Guid workshopId, Guid itemId, Placement at, CancellationToken ct)
    {
        var item = await db.AgendaItems.FirstOrDefaultAsync(i => i.Id == itemId && i.WorkshopId == workshopId, ct);
        if (item is null) return EditResult.Fail(null, ItemGone);
        if (at.Stamp is { } stamp && stamp != item.UpdatedAt.UtcTicks)
            return EditResult.Fail(null, Tr.T("Someone changed “{0}” since you opened the page. Here it is as it is now; try again.", item.Title));
        var workshop = await db.Workshops.AsNoTracking().FirstAsync(w => w.Id == workshopId, ct);
        Room? room = null;
        if (at.RoomId is { } roomId)
        {
            room = await db.Rooms.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roomId, ct);
            if (room is null) return EditResult.Fail("RoomId", Tr.T("Choose one of the workshop's rooms."));
        }
        DateTimeOffset? start = null;
        if ((at.Day is null) != (at.Start is null)) return EditResult.Fail(at.Day is null ? "Day" : "Start", Tr.T("Give both a day and a start time, or neither to unschedule."));
        if (at.Day is { } day && at.Start is { } time)
        {
            start = WorkshopTime.ToUtc(day.ToDateTime(time), workshop.Zone);
            if (start is null) return EditResult.Fail("Start", Tr.T("That time does not exist in {0} (the clocks go forward then).", workshop.TimeZoneId));
        }
        return await SaveAsync(() =>
        {
            item.Place(room, start, at.DurationMinutes, clock.GetUtcNow());
            return Task.FromResult(item.Id);
        }, ct);
    }

    private Task<bool> NameTakenAsync(Guid workshopId, Guid? roomId, string name, CancellationToken ct)
    {
        var trimmed = name.Trim();
        return db.Rooms.AnyAsync(r => r.WorkshopId == workshopId && r.Id != roomId && r.Name == trimmed, ct);
    }

    /// <param name="whenUniqueClash">What to answer when a unique index refuses the save (a room name taken by another
    /// organiser between the check and the save); without one, such a failure is not expected and is not hidden.</param>
    private async Task<EditResult> SaveAsync(Func<Task<Guid>> change, CancellationToken ct, EditResult? whenUniqueClash = null)
    {
        try
        {
            var id = await change();
            await db.SaveChangesAsync(ct);
            return EditResult.Ok(id);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Fail(null, Tr.T("Someone changed this at the same moment. Here it is as it is now; try again."));
        }
        catch (DbUpdateException) when (whenUniqueClash is not null)
        {
            db.ChangeTracker.Clear();
            return whenUniqueClash;
        }
    }
}
