using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community.Pages;
using Workshops.Web.Features.SitePages;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.SitePages;

/// <summary>Every change organisers make to the site's pages goes through here: one save per change, menus and visitors' pages refreshed.</summary>
public sealed class PageDesk(AppDbContext db, TimeProvider clock, IOutputCacheStore pages, SitePageLinks links, ReservedAddresses reserved)
{
    public async Task<EditResult> CreateAsync(PageForm form, CancellationToken ct)
    {
        try
        {
            var page = SitePage.Create(form.ToDetails(), clock.GetUtcNow());
            if (await RefusedSlugAsync(page.Slug, page.Id, ct) is { } refused) return refused;
            db.SitePages.Add(page);
            return await SaveAsync(page, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> UpdateAsync(Guid id, PageForm form, CancellationToken ct)
    {
        var page = await db.SitePages.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return EditResult.Fail(null, Tr.T("This page no longer exists."));
        try
        {
            db.Expect(page, form.Version);
            var details = form.ToDetails();
            details.Validate();
            if (await RefusedSlugAsync(details.Slug.Trim(), id, ct) is { } refused) return refused;
            page.Update(details, clock.GetUtcNow());
            return await SaveAsync(page, ct);
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
    }

    public async Task<EditResult> DeleteAsync(Guid id, long? version, CancellationToken ct)
    {
        var page = await db.SitePages.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (page is null) return EditResult.Fail(null, Tr.T("This page no longer exists."));
        db.Expect(page, version);
        db.SitePages.Remove(page);
        return await SaveAsync(page, ct);
    }

    /// <summary>Why this address cannot be the page's: the site answers it already, or another page has it; null when it is free.</summary>
    private async Task<EditResult?> RefusedSlugAsync(string slug, Guid exceptId, CancellationToken ct)
    {
        if (reserved.IsReserved(slug))
            return EditResult.Fail(nameof(PageForm.Slug), Tr.T("The site uses /{0} already; choose another address.", slug));
        if (await db.SitePages.AnyAsync(p => p.Slug == slug && p.Id != exceptId, ct))
            return EditResult.Fail(nameof(PageForm.Slug), Tr.T("Another page is at /{0} already; choose another address.", slug));
        return null;
    }

    private async Task<EditResult> SaveAsync(SitePage page, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            links.Forget();
            await pages.EvictAsync(ct);
            return EditResult.Ok(page.Id);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return EditResult.Conflict(Tr.T("this page"));
        }
        catch (DbUpdateException)
        {
            // Two organisers chose the same address at once and the unique index caught it; anything else goes up.
            db.ChangeTracker.Clear();
            if (await RefusedSlugAsync(page.Slug, page.Id, ct) is { } refused) return refused;
            throw;
        }
    }
}
