using Workshops.Core.Domain.Common;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Archive;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Archive;

/// <summary>The community's member institutions: who runs which portal, in which languages, and how far along.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
public sealed class CommunityModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<CommunityMember> Members { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) =>
        Members = (await db.CommunityMembers.AsNoTracking().ToListAsync(ct))
            .OrderBy(m => m.Country is null ? "~" : Countries.Name(m.Country), StringComparer.CurrentCulture).ThenBy(m => m.Institution ?? "~").ToList();

    public IReadOnlyList<(string Status, int Count)> ByStatus => Members.GroupBy(m => m.Status ?? Tr.T("Not said"))
        .Select(g => (g.Key, g.Count())).OrderByDescending(g => g.Item2).ToList();
}
