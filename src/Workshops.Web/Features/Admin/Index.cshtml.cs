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

    /// <summary>"Queued", "Sent" and so on, as the outbox chart names its bars.</summary>
    public static string Label(OutboxStatus status) => status switch
    {
        OutboxStatus.Queued => Tr.T("Queued"),
        OutboxStatus.Sending => Tr.T("Sending"),
        OutboxStatus.Sent => Tr.T("Sent"),
        OutboxStatus.Failed => Tr.T("Failed"),
        OutboxStatus.Held => Tr.T("Held"),
        _ => status.ToString(),
    };

    /// <summary>"3 queued", "10 sent": the outbox chart in words.</summary>
    public static string Counted(OutboxStatus status, int count) => status switch
    {
        OutboxStatus.Queued => Tr.T("{0} queued", count),
        OutboxStatus.Sending => Tr.T("{0} sending", count),
        OutboxStatus.Sent => Tr.T("{0} sent", count),
        OutboxStatus.Failed => Tr.T("{0} failed", count),
        OutboxStatus.Held => Tr.T("{0} held", count),
        _ => $"{count} {status.ToString().ToLowerInvariant()}",
    };
}
