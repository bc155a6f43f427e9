using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Workshops;
using Workshops.Core.Email;
using Workshops.Web.Features.Organise.Announcements;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Reminders;

/// <summary>A workshop's automatic reminders: when each goes and to how many, its wording with a preview, and a switch.</summary>
public sealed class IndexModel(AppDbContext db, ReminderPlanner planner, ReminderSweep sweep, AnnouncementDesk desk, SiteAddress address)
    : PageModel
{
    public sealed record Sent(int Count, DateTimeOffset? At);

    public sealed record Row(PlannedReminder Planned, int People, IReadOnlyDictionary<string, Sent> SentByReference, RenderedEmail? Preview, string? PreviewError);

    public Workshop Workshop { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    /// <summary>What an organiser posted for a reminder that was refused, shown again instead of the stored wording.</summary>
    public (ReminderKind Kind, bool Enabled, int? Days, string? Subject, string? Body)? Posted { get; private set; }

    public string Origin => address.Origin;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct) => await ShowAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid id, ReminderKind kind, bool enabled, int? days, string? subject, string? body, long version, CancellationToken ct)
    {
        if (!await db.Workshops.AnyAsync(w => w.Id == id, ct)) return NotFound();
        // A form this page did not make (an unknown reminder, a mangled switch or version) changes nothing.
        if (!Enum.IsDefined(kind) || new[] { nameof(kind), nameof(enabled), nameof(version) }.Any(k => ModelState.TryGetValue(k, out var e) && e.Errors.Count > 0)
            || !Request.Form.ContainsKey(nameof(kind)) || !Request.Form.ContainsKey(nameof(version)))
            return BadRequest(Tr.T("This form is not one of the reminders page's: open the page again."));
        ModelState.Remove(nameof(days));
        var result = await desk.SaveReminderAsync(id, kind, enabled, days, subject, body, version, Origin, ct);
        var name = ReminderDefaults.For(kind).Name;
        if (result.Error is { } error)
        {
            var field = result.Field;
            ModelState.AddModelError(field is "Version" or null ? $"{kind}" : $"{kind}.{field}", error);
            if (field != "Version") Posted = (kind, enabled, days, subject, body);
            await ShowAsync(id, ct);
            return Page();
        }
        TempData[Flash.Key] = enabled ? Tr.T("“{0}” is saved.", name) : Tr.T("“{0}” is saved and switched off.", name);
        return Redirect($"/organise/workshops/{id}/reminders#reminder-{kind}");
    }

    private async Task<bool> ShowAsync(Guid id, CancellationToken ct)
    {
        if (await db.Workshops.Include(w => w.Tracks).AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } w) return false;
        Workshop = w;
        Zone = Core.Time.WorkshopTime.ZoneOrUtc(w.TimeZoneId);
        var rows = new List<Row>();
        foreach (var planned in await planner.PlanAsync(w, Origin, ct))
        {
            var refs = planned.Occasions.Select(o => o.Reference).ToList();
            var sent = await db.OutboxMessages.Where(m => m.Kind == ReminderSweep.Kind && refs.Contains(m.Reference)).GroupBy(m => m.Reference)
                .Select(g => new { g.Key, Count = g.Count(), At = g.Min(m => m.CreatedAt) }).ToDictionaryAsync(g => g.Key, g => new Sent(g.Count, g.At), ct);
            var people = (await sweep.RecipientsAsync(planned.Reminder.Kind, w.Id, ct)).Count;
            var (subject, body) = planned.Reminder.Wording();
            var preview = desk.PreviewReminder(w, subject, body, planned.Reminder.Kind, Origin, planned.Occasions.FirstOrDefault()?.Values);
            rows.Add(new Row(planned, people, sent, preview.Value, preview.Error));
        }
        Rows = rows;
        return true;
    }
}
