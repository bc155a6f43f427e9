using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Registrations;

namespace Workshops.Core.Data;

/// <summary>
/// Takes and gives back seats with conditional updates ("taken = taken + 1 where taken &lt; capacity"), never a read
/// then a write, so two requests at the same moment cannot both take the last seat. Call it inside the transaction
/// that also moves the registration, and roll back when a seat is refused.
/// </summary>
public sealed class SeatLedger(AppDbContext db)
{
    /// <summary>Takes one seat in the track and, when the workshop has a total, one of the total; null when done, or why not.</summary>
    public async Task<string?> TryTakeAsync(Guid workshopId, Guid? trackId, CancellationToken ct)
    {
        // Plain SQL rather than ExecuteUpdate: these run inside the write transaction of every registration, where
        // translating the LINQ afresh on each call cost more than the update itself. Same SQL on SQLite and PostgreSQL.
        if (trackId is { } track)
        {
            var scope = SeatCounter.ForTrack(track);
            var taken = await db.Database.ExecuteSqlAsync($"""
                UPDATE "SeatCounters" SET "Taken" = "Taken" + 1
                WHERE "WorkshopId" = {workshopId} AND "Scope" = {scope}
                  AND "Taken" < (SELECT "Capacity" FROM "Tracks" WHERE "Id" = {track})
                """, ct);
            if (taken == 0)
            {
                var name = await db.Tracks.Where(t => t.Id == track).Select(t => new { t.Name, t.Capacity }).FirstAsync(ct);
                return $"The {name.Name} track is full: all {name.Capacity} seats are taken.";
            }
        }
        var totals = await db.Database.ExecuteSqlAsync($"""
            UPDATE "SeatCounters" SET "Taken" = "Taken" + 1
            WHERE "WorkshopId" = {workshopId} AND "Scope" = {SeatCounter.Total}
              AND "Taken" < (SELECT COALESCE("TotalSeats", {int.MaxValue}) FROM "RegistrationSetups" WHERE "WorkshopId" = {workshopId})
            """, ct);
        // No row changed: the workshop is full, or it is one set up before every workshop had a total counter.
        if (totals == 0 && await db.SeatCounters.AnyAsync(c => c.WorkshopId == workshopId && c.Scope == SeatCounter.Total, ct))
        {
            // The track had a seat but the workshop has none: give the track's back, so the counters stay true
            // whether or not the caller rolls back.
            if (trackId is { } taken)
            {
                var scope = SeatCounter.ForTrack(taken);
                await db.SeatCounters.Where(c => c.WorkshopId == workshopId && c.Scope == scope)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Taken, c => c.Taken - 1), ct);
            }
            var total = await db.RegistrationSetups.Where(r => r.WorkshopId == workshopId).Select(r => r.TotalSeats).FirstAsync(ct);
            return $"The workshop is full: all {total} seats are taken.";
        }
        return null;
    }

    /// <summary>Whether a seat is free in the track and in the workshop's total: a read, for what people are told, never to take one.</summary>
    public async Task<bool> HasFreeSeatAsync(Guid workshopId, Guid? trackId, CancellationToken ct)
    {
        if (trackId is { } track)
        {
            var scope = SeatCounter.ForTrack(track);
            var taken = await db.SeatCounters.Where(c => c.WorkshopId == workshopId && c.Scope == scope).Select(c => c.Taken).FirstOrDefaultAsync(ct);
            if (taken >= await db.Tracks.Where(t => t.Id == track).Select(t => t.Capacity).FirstOrDefaultAsync(ct)) return false;
        }
        var total = await db.RegistrationSetups.Where(r => r.WorkshopId == workshopId).Select(r => r.TotalSeats).FirstOrDefaultAsync(ct);
        return total is null
            || await db.SeatCounters.Where(c => c.WorkshopId == workshopId && c.Scope == SeatCounter.Total).Select(c => c.Taken).FirstOrDefaultAsync(ct) < total;
    }

    /// <summary>Gives back the seat a registration held, in its track and in the total.</summary>
    public async Task GiveBackAsync(Guid workshopId, Guid? trackId, CancellationToken ct)
    {
        // Track first, then total: the order seats are taken in, so two transactions never wait on each other crosswise.
        if (trackId is { } track)
        {
            var scope = SeatCounter.ForTrack(track);
            await db.SeatCounters.Where(c => c.WorkshopId == workshopId && c.Scope == scope && c.Taken > 0)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Taken, c => c.Taken - 1), ct);
        }
        await db.SeatCounters.Where(c => c.WorkshopId == workshopId && c.Scope == SeatCounter.Total && c.Taken > 0)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Taken, c => c.Taken - 1), ct);
    }

    /// <summary>
    /// Makes a counter for each track and one for the whole workshop, counting the seats already held. The total's
    /// counter is kept even without a total (it then has no limit), so taking a seat is two updates and nothing more,
    /// and a total set later starts from the right count. Run after the setup or the tracks change.
    /// </summary>
    public async Task EnsureCountersAsync(Guid workshopId, CancellationToken ct)
    {
        if (!await db.RegistrationSetups.AnyAsync(r => r.WorkshopId == workshopId, ct)) return;
        var trackIds = await db.Tracks.Where(t => t.WorkshopId == workshopId).Select(t => t.Id).ToListAsync(ct);
        var existing = await db.SeatCounters.Where(c => c.WorkshopId == workshopId).Select(c => c.Scope).ToListAsync(ct);
        var holding = await db.Registrations
            .Where(r => r.WorkshopId == workshopId && (r.Status == RegistrationStatus.Admitted || r.Status == RegistrationStatus.CheckedIn))
            .GroupBy(r => r.TrackId).Select(g => new { Track = g.Key, Count = g.Count() }).ToListAsync(ct);
        foreach (var track in trackIds.Where(t => !existing.Contains(SeatCounter.ForTrack(t))))
            db.SeatCounters.Add(new SeatCounter(workshopId, SeatCounter.ForTrack(track), holding.Where(h => h.Track == track).Sum(h => h.Count)));
        if (!existing.Contains(SeatCounter.Total))
            db.SeatCounters.Add(new SeatCounter(workshopId, SeatCounter.Total, holding.Sum(h => h.Count)));
        await db.SaveChangesAsync(ct);
    }
}
