using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

public sealed record SessionRow(string Id, DateTimeOffset SignedInAt, DateTimeOffset LastSeenAt, string? Browser, string? Address, bool ThisBrowser);

/// <summary>The browsers where a person is signed in; any one of them, or all, can be signed out from here.</summary>
[Authorize]
public sealed class SessionsModel(AppDbContext db, AccountDesk accounts, UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityLog log, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SessionRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var current = SessionStore.CurrentKey(HttpContext);
        var now = clock.GetUtcNow();
        Rows = (await db.UserSessions.AsNoTracking().Where(s => s.UserId == UserId && s.ExpiresAt > now).ToListAsync(ct))
            .OrderByDescending(s => s.LastSeenAt)
            .Select(s => new SessionRow(s.Id, s.SignedInAt, s.LastSeenAt, Describe(s.UserAgent), s.IpAddress, s.Id == current)).ToList();
    }

    public async Task<IActionResult> OnPostEndAsync(string id, CancellationToken ct)
    {
        if (id == SessionStore.CurrentKey(HttpContext)) return await OnPostSignOutAsync();
        await accounts.EndSessionAsync(UserId, id, ct);
        TempData[Flash.Key] = Tr.T("That browser is signed out.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        await accounts.EndSessionsAsync(user.Id, keep: null, ct);
        // A new stamp also ends "remember this browser" for two-factor sign-in everywhere.
        await users.UpdateSecurityStampAsync(user);
        await signIn.SignOutAsync();
        await log.RecordAsync(SecurityEventKind.SignedOutEverywhere, user);
        TempData[Flash.Key] = Tr.T("You are signed out everywhere, on this browser too.");
        return Redirect("/");
    }

    private async Task<IActionResult> OnPostSignOutAsync()
    {
        await signIn.SignOutAsync();
        TempData[Flash.Key] = Tr.T("You are signed out.");
        return Redirect("/");
    }

    private string UserId => User.Id()!;

    /// <summary>"Firefox on Linux": enough to tell one's own browsers apart, without a user-agent parser.</summary>
    public static string? Describe(string? agent)
    {
        if (string.IsNullOrEmpty(agent)) return null;
        var browser = agent.Contains("Edg/") ? "Edge" : agent.Contains("Firefox/") ? "Firefox" : agent.Contains("Chrome/") ? "Chrome"
            : agent.Contains("Safari/") ? "Safari" : null;
        var system = agent.Contains("Android") ? "Android" : agent.Contains("iPhone") || agent.Contains("iPad") ? "iOS" : agent.Contains("Windows") ? "Windows"
            : agent.Contains("Mac OS") ? "macOS" : agent.Contains("Linux") ? "Linux" : null;
        return (browser, system) switch
        {
            (null, null) => agent.Length > 60 ? agent[..60] + "…" : agent,
            (null, _) => system,
            (_, null) => browser,
            _ => Tr.T("{0} on {1}", browser, system),
        };
    }
}
