using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community.Projects;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Projects;

/// <summary>Every change organisers make to the projects goes through here: one save per change, visitors' pages refreshed.</summary>
public sealed class ProjectDesk(AppDbContext db, TimeProvider clock, IOutputCacheStore pages)
{
    public async Task<EditResult> CreateAsync(ProjectForm form, CancellationToken ct)
    {
        try
        {
            var details = form.ToDetails();
            details.Validate();
            if (await RefusedAsync(details, Guid.Empty, ct) is { } refused) return refused;
            var project = Project.Create(details, clock.GetUtcNow());
            db.Projects.Add(project);
            return await SaveAsync(project, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> UpdateAsync(Guid id, ProjectForm form, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return EditResult.Fail(null, Tr.T("This project no longer exists."));
        try
        {
            db.Expect(project, form.Version);
            var details = form.ToDetails();
            details.Validate();
            if (await RefusedAsync(details, id, ct) is { } refused) return refused;
            project.Update(details, clock.GetUtcNow());
            return await SaveAsync(project, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> DeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var project = await db.Projects.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (project is null) return EditResult.Fail(null, Tr.T("This project no longer exists."));
        db.Expect(project, version);
        db.Projects.Remove(project);
        return await SaveAsync(project, ct);
    }

    /// <summary>Why these details cannot be saved beside the others: a taken address, or a ticked event that no longer exists.</summary>
    private async Task<EditResult?> RefusedAsync(ProjectDetails d, Guid exceptId, CancellationToken ct)
    {
        var slug = d.Slug.Trim();
        if (await db.Projects.AnyAsync(p => p.Slug == slug && p.Id != exceptId, ct))
            return EditResult.Fail(nameof(ProjectForm.Slug), Tr.T("Another project uses the address name '{0}' already; choose another.", slug));
        var workshops = d.WorkshopIds.Distinct().ToList();
        var events = d.EventIds.Distinct().ToList();
        if (await db.Workshops.CountAsync(w => workshops.Contains(w.Id), ct) != workshops.Count
            || await db.ArchivedEvents.CountAsync(e => events.Contains(e.Id), ct) != events.Count)
            return EditResult.Fail(nameof(ProjectForm.WorkshopIds), Tr.T("One of the ticked events no longer exists; tick them again."));
        return null;
    }

    private async Task<EditResult> SaveAsync(Project project, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await pages.EvictAsync(ct);
            return EditResult.Ok(project.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Conflict(Tr.T("this project"));
        }
        catch (DbUpdateException)
        {
            // Two organisers chose the same address name at once and the unique index caught it; anything else goes up.
            db.ChangeTracker.Clear();
            if (await db.Projects.AnyAsync(p => p.Slug == project.Slug && p.Id != project.Id, ct))
                return EditResult.Fail(nameof(ProjectForm.Slug), Tr.T("Another project uses the address name '{0}' already; choose another.", project.Slug));
            throw;
        }
    }
}
