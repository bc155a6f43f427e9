using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;

namespace Workshops.Web.Features.Organise.Announcements;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public const int PageSize = 50;

    public sealed record Row(Announcement Announcement, string? Workshop, string? Zone, int Sent, int Failed);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int PageNumber { get; private set; } = 1;
    public bool HasMore { get; private set; }

    /// <summary>Set when reached from a workshop's menu: only that workshop's announcements.</summary>
    [Microsoft.AspNetCore.Mvc.FromQuery(Name = "workshop")] public Guid? WorkshopId { get; set; }
    public Shared.WorkshopNav? Nav { get; private set; }

    public async Task<Microsoft.AspNetCore.Mvc.IActionResult> OnGetAsync(int page = 1, CancellationToken ct = default)
    {
        PageNumber = Math.Clamp(page, 1, 100_000);
        if (WorkshopId is { } only)
        {
            var title = await db.Workshops.Where(w => w.Id == only).Select(w => w.Title).FirstOrDefaultAsync(ct);
            if (title is null) return NotFound();
            Nav = new Shared.WorkshopNav(only, title, Shared.WorkshopNav.Announcements);
        }
        var list = await db.Announcements.AsNoTracking().Where(a => WorkshopId == null || a.WorkshopId == WorkshopId).OrderByDescending(a => a.CreatedAt).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = list.Count > PageSize;
        list = list.Take(PageSize).ToList();
        var ids = list.Select(a => (Guid?)a.Id).ToList();
        var counts = await db.OutboxMessages.Where(m => ids.Contains(m.CampaignId) && (m.Status == OutboxStatus.Sent || m.Status == OutboxStatus.Failed))
            .GroupBy(m => new { m.CampaignId, m.Status }).Select(g => new { g.Key.CampaignId, g.Key.Status, Count = g.Count() }).ToListAsync(ct);
        var workshopIds = list.Where(a => a.WorkshopId != null).Select(a => a.WorkshopId!.Value).Distinct().ToList();
        var workshops = await db.Workshops.Where(w => workshopIds.Contains(w.Id)).Select(w => new { w.Id, w.Title, w.TimeZoneId }).ToDictionaryAsync(w => w.Id, ct);
        Rows = list.Select(a => new Row(a,
            a.WorkshopId is { } w && workshops.TryGetValue(w, out var ws) ? ws.Title : null,
            a.WorkshopId is { } z && workshops.TryGetValue(z, out var wz) ? wz.TimeZoneId : null,
            counts.Where(c => c.CampaignId == a.Id && c.Status == OutboxStatus.Sent).Sum(c => c.Count),
            counts.Where(c => c.CampaignId == a.Id && c.Status == OutboxStatus.Failed).Sum(c => c.Count))).ToList();
        return Page();
    }
}
