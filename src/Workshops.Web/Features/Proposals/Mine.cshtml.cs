using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Proposals;

[Authorize]
public sealed class MineModel(AppDbContext db) : PageModel
{
    public sealed record Row(Proposal Proposal, Call Call);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var userId = User.Id();
        var proposals = await db.Proposals.AsNoTracking().Where(p => p.ProposerId == userId).ToListAsync(ct);
        var callIds = proposals.Select(p => p.CallId).Distinct().ToList();
        var calls = await db.Calls.AsNoTracking().Where(c => callIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
        Rows = proposals.OrderByDescending(p => p.UpdatedAt).Select(p => new Row(p, calls[p.CallId])).ToList();
    }
}
