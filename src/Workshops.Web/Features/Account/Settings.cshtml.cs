using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>A member's own settings: sign-in and security, and whether they want the community's announcements.</summary>
[Authorize]
public sealed class SettingsModel(AppDbContext db, Subscriptions subscriptions) : PageModel
{
    public string Name { get; private set; } = "";
    public string Email { get; private set; } = "";
    public bool TwoFactor { get; private set; }
    [BindProperty] public bool Subscribed { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == UserId, ct);
        if (me is null) return Challenge();
        (Name, Email, Subscribed, TwoFactor) = (me.DisplayName, me.Email ?? "", me.SubscribedToAnnouncements, me.TwoFactorEnabled);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await subscriptions.SetAsync(UserId, Subscribed, ct);
        TempData[Flash.Key] = Subscribed
            ? "You will receive the community's announcements."
            : "You will receive no more announcements. Emails about your own registrations and proposals still arrive.";
        return RedirectToPage();
    }

    private string UserId => User.Id()!;
}
