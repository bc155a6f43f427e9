using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;

namespace Workshops.Web.Features.Organise.Installations;

/// <summary>A step of its own before an installation leaves the registry, since its page, its place on the map and its members' links go with it.</summary>
public sealed class DeleteModel(AppDbContext db, InstallationDesk desk) : ConfirmDeletePage<Installation>
{
    protected override Task<Installation?> FindAsync(Guid id, CancellationToken ct) => db.Installations.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
    protected override Task<EditResult> DeleteAsync(Guid id, long? version, CancellationToken ct) => desk.DeleteAsync(id, version, ct);
    protected override (string Done, string Next) After(Installation i) => (Tr.T("“{0}” is taken out of the registry.", i.Name), "/organise/installations");
}
