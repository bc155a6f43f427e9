using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Community;

/// <summary>One installation's page: where it is, who runs it, its modules with their addresses, its description and links.</summary>
[OutputCache(PolicyName = PublicPageCache.Policy)]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Core.Security.RateLimitOptions.LinkRequest)]
public sealed class InstallationModel(AppDbContext db, InstallationLinks links) : PageModel
{
    public Core.Domain.Community.Installation Installation { get; private set; } = null!;
    /// <summary>Its members who agreed to be shown.</summary>
    public IReadOnlyList<LinkedMember> Contacts { get; private set; } = [];
    /// <summary>The signed-in person's link to it, if they asked for one.</summary>
    public Core.Domain.Community.InstallationMember? Mine { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct) => await LoadAsync(slug, ct) ? Page() : NotFound();

    /// <summary>A member asks to be linked (or again, after a refusal), or changes their role and whether they are shown.</summary>
    public async Task<IActionResult> OnPostAskAsync(string slug, string? role, bool showPublicly, long? version, CancellationToken ct)
    {
        if (User.Id() is not { } userId) return Challenge();
        if (!await LoadAsync(slug, ct)) return NotFound();
        var asked = Mine is null || Mine.Status == Core.Domain.Community.MembershipStatus.Declined;
        var result = await links.AskAsync(Installation.Id, userId, role, showPublicly, version, ct);
        if (!result.Succeeded)
        {
            result.ShowIn(ModelState, f => f ?? "");
            await LoadAsync(slug, ct);
            Response.StatusCode = result.RefusedStatus;
            return Page();
        }
        TempData[Flash.Key] = asked ? Tr.T("Your request is sent; an organiser will look at it.") : Tr.T("Your changes are saved.");
        return Redirect($"/community/{slug}#your-link");
    }

    public async Task<IActionResult> OnPostLeaveAsync(string slug, CancellationToken ct)
    {
        if (User.Id() is not { } userId) return Challenge();
        if (!await LoadAsync(slug, ct)) return NotFound();
        await links.LeaveAsync(Installation.Id, userId, ct);
        TempData[Flash.Key] = Tr.T("You are no longer linked to {0}.", Installation.Name);
        return Redirect($"/community/{slug}");
    }

    private async Task<bool> LoadAsync(string slug, CancellationToken ct)
    {
        var found = await db.Installations.AsNoTracking().FirstOrDefaultAsync(i => i.Slug == slug, ct);
        if (found is null) return false;
        Installation = found;
        Contacts = await links.ContactsAsync(found.Id, ct);
        if (User.Id() is { } userId) Mine = await links.MineAsync(found.Id, userId, ct);
        return true;
    }
}
