using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Organise.Calls;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public sealed record CallRow(Call Call, int Submitted, int Drafts);

    public IReadOnlyList<CallRow> Calls { get; private set; } = [];
    public DateTimeOffset Now { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Now = clock.GetUtcNow();
        var calls = await db.Calls.AsNoTracking().OrderByDescending(c => c.Year).ThenByDescending(c => c.CreatedAt).ToListAsync(ct);
        var counts = await db.Proposals.GroupBy(p => new { p.CallId, Draft = p.Status == ProposalStatus.Draft })
            .Select(g => new { g.Key.CallId, g.Key.Draft, Count = g.Count() }).ToListAsync(ct);
        Calls = calls.Select(c => new CallRow(c,
            counts.Where(x => x.CallId == c.Id && !x.Draft).Sum(x => x.Count),
            counts.Where(x => x.CallId == c.Id && x.Draft).Sum(x => x.Count))).ToList();
    }

    public string Window(Call c) => CallTimes.Window(c);
}
