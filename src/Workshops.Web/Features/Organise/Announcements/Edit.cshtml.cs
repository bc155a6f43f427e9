using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Organise.Announcements;

/// <summary>A draft or scheduled announcement: its form, who it reaches, a preview as one of them, and the buttons that send it.</summary>
public sealed class EditModel(AppDbContext db, AnnouncementDesk desk, SiteAddress address, StatusHistory history) : PageModel
{
    [BindProperty] public AnnouncementForm Input { get; set; } = new();
    public Announcement Announcement { get; private set; } = null!;
    public ComposeView View { get; private set; } = null!;
    public ResolvedAudience Audience { get; private set; } = null!;
    public RenderedEmail? Preview { get; private set; }
    public string? PreviewError { get; private set; }
    public string? PreviewAs { get; private set; }
    public TimeZoneInfo Zone { get; private set; } = TimeZoneInfo.Utc;
    public DateTime? SendAt { get; private set; }
    public IReadOnlyList<HistoryEntry> History { get; private set; } = [];
    public bool ConfirmingSend { get; private set; }

    private string Origin => address.Origin;

    public async Task<IActionResult> OnGetAsync(Guid id, string? @as, CancellationToken ct)
    {
        if (await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return NotFound();
        if (!a.IsEditable) return Redirect($"/organise/announcements/{id}/progress");
        Input = AnnouncementForm.From(a);
        await ShowAsync(a, @as, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken ct)
    {
        if (!await ExistsAsync(id, ct)) return NotFound();
        if (!ModelState.IsValid) return await FailAsync(id, null, keepInput: true, ct);
        var result = await desk.UpdateAsync(id, Input, Origin, ct);
        if (result.Id is not null) return Done(id, Tr.T("Your changes are saved."));
        return await FailAsync(id, result, keepInput: result.Field != "Version", ct);
    }

    public async Task<IActionResult> OnPostTestAsync(Guid id, CancellationToken ct)
    {
        var userId = User.Id();
        var me = await db.Users.Where(u => u.Id == userId).Select(u => new { u.Email, u.DisplayName }).FirstAsync(ct);
        return await ActAsync(id, () => desk.SendTestAsync(id, me.Email!, me.DisplayName, Origin, ct), Tr.T("A test is on its way to {0}, with “{1}” before the subject.", me.Email, AnnouncementDesk.TestMark), ct);
    }

    /// <summary>Sending cannot be taken back: the first press shows who would receive it and asks to confirm.</summary>
    public async Task<IActionResult> OnPostSendNowAsync(Guid id, long version, bool confirmed, CancellationToken ct)
    {
        if (confirmed)
            return await ActAsync(id, () => desk.SendNowAsync(id, version, Origin, User.Id()!, ct), Tr.T("Sending has started. This page follows it."), ct,
                next: $"/organise/announcements/{id}/progress");
        if (await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return NotFound();
        if (!a.IsEditable) return Redirect($"/organise/announcements/{id}/progress");
        Input = AnnouncementForm.From(a);
        await ShowAsync(a, null, ct);
        ConfirmingSend = true;
        return Page();
    }

    public Task<IActionResult> OnPostScheduleAsync(Guid id, long version, DateTime? sendAt, CancellationToken ct)
    {
        SendAt = sendAt;
        if (ModelState.TryGetValue("sendAt", out var entry) && entry.Errors.Count > 0)
        {
            // The binder's own "The value is not valid" says less than ours.
            ModelState.Remove("sendAt");
            return FailAsync(id, EditResult.Fail("SendAt", Tr.T("Give the date and time to send it, such as 2026-12-01 09:00.")), keepInput: false, ct);
        }
        return ActAsync(id, () => desk.ScheduleAsync(id, version, sendAt, Origin, User.Id()!, ct), Tr.T("It is scheduled. Until then you can still change it, or cancel."), ct);
    }

    public Task<IActionResult> OnPostCancelAsync(Guid id, long version, CancellationToken ct) =>
        ActAsync(id, () => desk.CancelAsync(id, version, User.Id()!, ct), Tr.T("The schedule is cancelled: it is a draft again, and nothing was sent."), ct);

    public Task<IActionResult> OnPostDeleteAsync(Guid id, long version, CancellationToken ct) =>
        ActAsync(id, () => desk.DeleteAsync(id, version, ct), Tr.T("The draft is deleted."), ct, next: "/organise/announcements");

    private async Task<IActionResult> ActAsync(Guid id, Func<Task<EditResult>> act, string flash, CancellationToken ct, string? next = null)
    {
        if (!await ExistsAsync(id, ct)) return NotFound();
        var result = await act();
        if (result.Id is not null) return Done(id, flash, next);
        // A button's message shows beside the buttons, except a bad time, which shows at its field.
        return await FailAsync(id, result with { Field = result.Field is "SendAt" or nameof(Announcement.ScheduledFor) ? "SendAt" : null }, keepInput: false, ct);
    }

    private IActionResult Done(Guid id, string flash, string? next = null)
    {
        TempData[Flash.Key] = flash;
        return Redirect(next ?? $"/organise/announcements/{id}");
    }

    /// <summary>Shows the page again with the message where it belongs; a stale form shows the announcement as it is now.</summary>
    private async Task<IActionResult> FailAsync(Guid id, EditResult? result, bool keepInput, CancellationToken ct)
    {
        if (await db.Announcements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return NotFound();
        if (!a.IsEditable)
        {
            // It started sending meanwhile: its progress is what matters now.
            TempData[Flash.Key] = result?.Error ?? AnnouncementDesk.Stale;
            return Redirect($"/organise/announcements/{id}/progress");
        }
        result?.ShowIn(ModelState, Key);
        if (keepInput) Input.Version = a.UpdatedAt.UtcTicks;
        else Input = AnnouncementForm.From(a);
        // A refused edit is shown with what the organiser wrote; the preview and the count are those of the saved version.
        await ShowAsync(a, null, ct);
        return Page();
    }

    private static string Key(string? field) => field switch
    {
        "Version" or "Status" => "",
        "SendAt" or nameof(Announcement.ScheduledFor) => "SendAt",
        _ => FormFields.Key(field),
    };

    private Task<bool> ExistsAsync(Guid id, CancellationToken ct) => db.Announcements.AnyAsync(a => a.Id == id, ct);

    private async Task ShowAsync(Announcement a, string? previewAs, CancellationToken ct)
    {
        Announcement = a;
        View = await ComposeView.LoadAsync(db, Input, Origin, ct) with { ShowSummary = false };
        (Audience, Preview, PreviewError) = await desk.ReviewAsync(a, previewAs, Origin, ct);
        PreviewAs = Audience.Recipients.FirstOrDefault(r => string.Equals(r.Email, previewAs, StringComparison.OrdinalIgnoreCase))?.Email
            ?? Audience.Recipients.FirstOrDefault()?.Email;
        Zone = AnnouncementDesk.Zone(await desk.WorkshopAsync(a.WorkshopId, ct));
        History = await history.ForAsync(nameof(Announcement), a.Id, ct);
    }
}
