using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise;

/// <summary>Every change an organiser makes to a workshop goes through here, one save per change.</summary>
public sealed class WorkshopDesk(AppDbContext db, TimeProvider clock, IOutputCacheStore pages, SeatLedger seats, Core.Domain.Archive.ArchiveIndex index)
{
    public async Task<EditResult> CreateAsync(WorkshopForm form, CancellationToken ct)
    {
        try
        {
            var workshop = Workshop.Create(form.ToDetails(), form.ToTracks(), clock.GetUtcNow());
            if (await SlugTakenAsync(workshop.Slug, workshop.Id, ct)) return SlugTaken(workshop.Slug);
            db.Workshops.Add(workshop);
            return await SaveAsync(workshop, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> UpdateAsync(Guid id, WorkshopForm form, CancellationToken ct)
    {
        var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        try
        {
            if (await SlugTakenAsync(form.Slug, id, ct)) return SlugTaken(form.Slug);
            db.Expect(workshop, form.Version);
            workshop.Update(form.ToDetails(), form.ToTracks(), clock.GetUtcNow());
            // A track taken away is taken away from the call for sessions too, so nobody has to choose it.
            var trackIds = workshop.Tracks.Select(t => t.Id).ToList();
            foreach (var call in await db.Calls.Where(c => c.WorkshopId == id).ToListAsync(ct)) call.KeepTracks(trackIds);
            var saved = await SaveAsync(workshop, ct);
            // A track added after registration was set up needs its seat counter.
            if (saved.Error is null) await seats.EnsureCountersAsync(id, ct);
            return saved;
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> MoveAsync(Guid id, WorkshopStatus to, string? userId, CancellationToken ct)
    {
        var workshop = await db.Workshops.FirstOrDefaultAsync(w => w.Id == id, ct);
        if (workshop is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        try
        {
            db.StatusChanges.Add(workshop.MoveTo(to, userId, clock.GetUtcNow()));
            return await SaveAsync(workshop, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(null, e.Message);
        }
    }

    public async Task<EditResult> CloneAsync(Guid id, CloneForm form, CancellationToken ct)
    {
        var source = await db.Workshops.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        if (source is null) return EditResult.Fail(null, Tr.T("This workshop no longer exists."));
        try
        {
            if (await SlugTakenAsync(form.Slug, Guid.Empty, ct)) return SlugTaken(form.Slug);
            var copy = source.CloneAs(form.Slug, form.Title, form.Year ?? 0, form.StartsLocal ?? default, clock.GetUtcNow());
            db.Workshops.Add(copy);
            return await SaveAsync(copy, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Fail(e.Field switch { nameof(WorkshopDetails.EndsLocal) => nameof(CloneForm.StartsLocal), var f => f }, e.Message);
        }
    }

    private Task<bool> SlugTakenAsync(string slug, Guid exceptId, CancellationToken ct) =>
        db.Workshops.AnyAsync(w => w.Slug == slug && w.Id != exceptId, ct);

    private static EditResult SlugTaken(string slug) =>
        EditResult.Fail(nameof(WorkshopForm.Slug), Tr.T("Another workshop uses the address name '{0}' already; choose another.", slug));

    private async Task<EditResult> SaveAsync(Workshop workshop, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await pages.EvictAsync(ct);
            // The archive's search shows public workshops: a title, description or status change is searchable at once.
            await index.RebuildWorkshopAsync(workshop.Id, ct);
            return EditResult.Ok(workshop.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Conflict(Tr.T("this workshop"));
        }
        catch (DbUpdateException)
        {
            // Two organisers chose the same address name at the same moment and the unique index caught it;
            // any other failure is not the user's to fix, so it goes up.
            db.ChangeTracker.Clear();
            if (await SlugTakenAsync(workshop.Slug, workshop.Id, ct)) return SlugTaken(workshop.Slug);
            throw;
        }
    }
}
