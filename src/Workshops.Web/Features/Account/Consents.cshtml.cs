using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Common;
using Workshops.Core.Privacy;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>
/// Every consent the person gave, with the words and the time, and a button to withdraw each: off a participant list,
/// no more photos, or their name out of past programmes should they leave.
/// </summary>
[Authorize]
public sealed class ConsentsModel(AppDbContext db, ConsentBook book, UserManager<AppUser> users) : PageModel
{
    public sealed record Row(Consent Consent, string? Workshop, string Text);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public bool SpeakerListed => Rows.Any(r => r.Consent.Kind == ConsentKind.SpeakerListing && r.Consent.IsActive);

    public static string SpeakerListingText => Tr.T("If I delete my account, my name may stay with the sessions I gave in past programmes.");

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostWithdrawAsync(Guid id, CancellationToken ct)
    {
        try
        {
            await book.WithdrawAsync(users.GetUserId(User)!, id, ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            await LoadAsync(ct);
            return Page();
        }
        TempData[Flash.Key] = Tr.T("Your consent is withdrawn.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostStayListedAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        if (!await db.Consents.AnyAsync(c => c.UserId == userId && c.Kind == ConsentKind.SpeakerListing && c.WithdrawnAt == null, ct))
        {
            await book.GiveAsync(userId, ConsentKind.SpeakerListing, null, null, SpeakerListingText, ct);
            await db.SaveChangesAsync(ct);
        }
        TempData[Flash.Key] = Tr.T("Your name will stay in past programmes.");
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var userId = users.GetUserId(User)!;
        var consents = await db.Consents.AsNoTracking().Where(c => c.UserId == userId).OrderByDescending(c => c.GivenAt).ToListAsync(ct);
        var versions = consents.Select(c => c.TextVersion).Distinct().ToList();
        var texts = await db.ConsentTexts.AsNoTracking().Where(t => versions.Contains(t.Version)).ToDictionaryAsync(t => t.Version, t => t.Text, ct);
        var ids = consents.Where(c => c.WorkshopId is not null).Select(c => c.WorkshopId!.Value).Distinct().ToList();
        var workshops = (await db.Workshops.AsNoTracking().Where(w => ids.Contains(w.Id)).Select(w => new { w.Id, w.Title }).ToListAsync(ct))
            .ToDictionary(w => w.Id, w => w.Title.ToString());
        Rows = consents.Select(c => new Row(c, c.WorkshopId is { } w ? workshops.GetValueOrDefault(w) : null, texts.GetValueOrDefault(c.TextVersion, ""))).ToList();
    }

    public static string KindLabel(ConsentKind kind) => kind switch
    {
        ConsentKind.PrivacyNotice => Tr.T("Privacy notice accepted"),
        ConsentKind.ParticipantList => Tr.T("On the participant list"),
        ConsentKind.Photos => Tr.T("Photos may be published"),
        ConsentKind.SpeakerListing => Tr.T("Name kept in past programmes"),
        _ => kind.ToString(),
    };
}
