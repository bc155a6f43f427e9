using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Email;

namespace Workshops.Web.Features.Admin;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public int Users { get; private set; }
    public int Unconfirmed { get; private set; }
    public int Workshops { get; private set; }
    public IReadOnlyDictionary<OutboxStatus, int> Outbox { get; private set; } = new Dictionary<OutboxStatus, int>();
    public IReadOnlyList<OutboxMessage> RecentFailures { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Users = await db.Users.CountAsync(ct);
        Unconfirmed = await db.Users.CountAsync(u => !u.EmailConfirmed, ct);
        Workshops = await db.Workshops.CountAsync(ct);
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        Outbox = Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.FirstOrDefault(c => c.Key == s)?.Count ?? 0);
        RecentFailures = await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Failed)
            .OrderByDescending(m => m.NextAttemptAt).Take(10).ToListAsync(ct);
    }
}
