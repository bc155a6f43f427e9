using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Proposals;

namespace Workshops.Web.Features.Calls;

public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<Call> Open { get; private set; } = [];
    public IReadOnlyList<Call> Closed { get; private set; } = [];
    /// <summary>Announced but not open yet, so proposers can prepare.</summary>
    public IReadOnlyList<Call> Upcoming { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var calls = await PublicCalls.Of(db).AsNoTracking().ToListAsync(ct);
        Open = calls.Where(c => c.IsOpen(now)).OrderBy(c => c.ClosesAt).ToList();
        Upcoming = calls.Where(c => c.OpensAt > now).OrderBy(c => c.OpensAt).ToList();
        Closed = calls.Where(c => c.ClosesAt <= now).OrderByDescending(c => c.ClosesAt).Take(10).ToList();
    }
}
