using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;

namespace Workshops.Web.Features.Account;

/// <summary>
/// The emailed link: shows what deleting does and asks once more. The token is Identity's, for this purpose only,
/// and stops working after 24 hours or when the password changes.
/// </summary>
[EnableRateLimiting(RateLimitOptions.Reset)]
public sealed class DeleteConfirmModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDeletion deletion) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    public bool LinkBroken { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await ValidUserAsync() is null) return Broken();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await ValidUserAsync() is not { } user) return Broken();
        if (await deletion.IsLastAdminAsync(user))
        {
            ModelState.AddModelError("", AccountDeletion.LastAdminMessage);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (await deletion.DeleteAsync(user.Id, ct) is { } refused)
        {
            ModelState.AddModelError("", refused);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        // Whoever is signed in in this browser may be the person just deleted.
        if (User.Identity?.IsAuthenticated == true && users.GetUserId(User) == user.Id) await signIn.SignOutAsync();
        return RedirectToPage("Deleted");
    }

    private async Task<AppUser?> ValidUserAsync()
    {
        var token = AccountEmails.Decode(Code);
        var user = string.IsNullOrEmpty(UserId) || token is null ? null : await users.FindByIdAsync(UserId);
        return user is not null && await users.VerifyUserTokenAsync(user, TokenOptions.DefaultProvider, AccountEmails.DeletePurpose, token!) ? user : null;
    }

    private IActionResult Broken()
    {
        LinkBroken = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
