using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Community;

namespace Workshops.Web.Features.Organise.Installations;

/// <summary>The registry as organisers keep it: every installation, with a link to edit each and to add one.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<Installation> Installations { get; private set; } = [];
    /// <summary>Members waiting for a decision, by installation.</summary>
    public IReadOnlyDictionary<Guid, int> Waiting { get; private set; } = new Dictionary<Guid, int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Installations = (await db.Installations.AsNoTracking().ToListAsync(ct)).OrderBy(i => i.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
        Waiting = await db.InstallationMembers.Where(m => m.Status == MembershipStatus.Requested).GroupBy(m => m.InstallationId)
            .ToDictionaryAsync(g => g.Key, g => g.Count(), ct);
    }
}
