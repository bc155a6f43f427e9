using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Reviewing;

[Authorize(Roles = Roles.Reviewer)]
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public sealed record Row(Proposal Proposal, Call Call, bool Reviewed);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = User.Id()!;
        var calls = await db.Calls.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var assigned = await db.ReviewerAssignments.Where(a => a.ReviewerId == me).Select(a => a.ProposalId).ToListAsync(ct);
        var open = await db.Proposals.AsNoTracking()
            .Where(p => p.Status == ProposalStatus.Submitted && p.ProposerId != me)
            .OrderBy(p => p.SubmittedAt).ToListAsync(ct);
        var mine = (await db.Reviews.Where(r => r.ReviewerId == me).Select(r => r.ProposalId).ToListAsync(ct)).ToHashSet();
        Rows = open
            .Where(p => calls[p.CallId].Reviewers == ReviewerPool.AllReviewers || assigned.Contains(p.Id))
            .Select(p => new Row(p, calls[p.CallId], mine.Contains(p.Id)))
            .OrderBy(r => r.Reviewed).ToList();
    }
}
