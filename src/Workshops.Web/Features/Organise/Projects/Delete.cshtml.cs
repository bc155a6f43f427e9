using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community.Projects;

namespace Workshops.Web.Features.Organise.Projects;

/// <summary>A step of its own before a project goes, since its page and its links from the events go with it.</summary>
public sealed class DeleteModel(AppDbContext db, ProjectDesk desk) : ConfirmDeletePage<Project>
{
    protected override Task<Project?> FindAsync(Guid id, CancellationToken ct) => db.Projects.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
    protected override Task<EditResult> DeleteAsync(Guid id, long? version, CancellationToken ct) => desk.DeleteAsync(id, version, ct);
    protected override (string Done, string Next) After(Project p) => (Tr.T("“{0}” is deleted.", p.Title.ToString()), "/organise/projects");
}
