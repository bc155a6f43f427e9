using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Pages;

namespace Workshops.Web.Features.Organise.SitePages;

/// <summary>A step of its own before a page goes, since its address and links go with it.</summary>
public sealed class DeleteModel(AppDbContext db, PageDesk desk) : ConfirmDeletePage<SitePage>
{
    protected override Task<SitePage?> FindAsync(Guid id, CancellationToken ct) => db.SitePages.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    protected override Task<EditResult> DeleteAsync(Guid id, long? version, CancellationToken ct) => desk.DeleteAsync(id, version, ct);
    protected override (string Done, string Next) After(SitePage p) => (Tr.T("The page at /{0} is deleted.", p.Slug), "/organise/pages");
}
