using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>An announcement on its way: counts and a chart that follow it live, the failures' errors, the delivery log, and pause, resume and resend.</summary>
public sealed class ProgressModel(AppDbContext db, AnnouncementDesk desk, StatusHistory history) : PageModel
{
    public const int PageSize = 100;

    public sealed record LogRow(string To, string? Name, OutboxStatus Status, int Attempts, DateTimeOffset? SentAt, string? LastError);

    public Announcement Announcement { get; private set; } = null!;
    public string? WorkshopTitle { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public IReadOnlyDictionary<OutboxStatus, int> Counts { get; private set; } = new Dictionary<OutboxStatus, int>();
    public IReadOnlyList<(string Error, int Count)> Errors { get; private set; } = [];
    public IReadOnlyList<LogRow> Log { get; private set; } = [];
    public OutboxStatus? Filter { get; private set; }
    public int PageNumber { get; private set; } = 1;
    public int LogTotal { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];

    public int Count(OutboxStatus s) => Counts.TryGetValue(s, out var n) ? n : 0;
    public int Waiting => Count(OutboxStatus.Queued) + Count(OutboxStatus.Sending) + Count(OutboxStatus.Held);
    public bool Running => Announcement.Status is AnnouncementStatus.Scheduled or AnnouncementStatus.Sending;

    public Task<IActionResult> OnGetAsync(Guid id, OutboxStatus? status, int page = 1, CancellationToken ct = default) => ShowAsync(id, status, page, ct);

    private async Task<IActionResult> ShowAsync(Guid id, OutboxStatus? status, int page, CancellationToken ct)
    {
        if (await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return NotFound();
        Announcement = a;
        var workshop = await desk.WorkshopAsync(a.WorkshopId, ct);
        (WorkshopTitle, Zone) = (workshop?.Title, AnnouncementDesk.Zone(workshop));
        History = await history.ForAsync(nameof(Announcement), id, ct);
        var rows = db.OutboxMessages.AsNoTracking().Where(m => m.CampaignId == id);
        Counts = await rows.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        Errors = (await rows.Where(m => m.LastError != null && m.Status != OutboxStatus.Sent).GroupBy(m => m.LastError!)
                .Select(g => new { g.Key, Count = g.Count() }).OrderByDescending(g => g.Count).Take(5).ToListAsync(ct))
            .Select(g => (g.Key, g.Count)).ToList();
        (Filter, PageNumber) = (status, Math.Clamp(page, 1, 100_000));
        var log = status is { } only ? rows.Where(m => m.Status == only) : rows;
        LogTotal = await log.CountAsync(ct);
        Log = await log.OrderBy(m => m.To).Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new LogRow(m.To, m.ToName, m.Status, m.Attempts, m.SentAt, m.LastError)).ToListAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostPauseAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, desk.PauseAsync(id, User.Id()!, ct), Tr.T("Paused: no more of its emails go until you resume."));

    public Task<IActionResult> OnPostResumeAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, desk.ResumeAsync(id, User.Id()!, ct), Tr.T("Resumed: the rest of its emails are going out."));

    public Task<IActionResult> OnPostResendAsync(Guid id, CancellationToken ct) =>
        ActAsync(id, desk.ResendFailedAsync(id, User.Id()!, ct), Tr.T("The failed emails are queued again; the others are not sent twice."));

    private async Task<IActionResult> ActAsync(Guid id, Task<EditResult> act, string flash)
    {
        var result = await act;
        if (result.Id is not null)
        {
            TempData[Flash.Key] = flash;
            return Redirect($"/organise/announcements/{id}/progress");
        }
        // Refused (already sent, nothing failed, changed at that moment): the page as it is now, with the reason.
        ModelState.AddModelError("", result.Error!);
        return await ShowAsync(id, null, 1, HttpContext.RequestAborted);
    }
}
