using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;

namespace Workshops.Web.Features.Account;

public sealed class ConfirmEmailModel(UserManager<AppUser> users, Infrastructure.AppSignInManager signIn, Infrastructure.SecurityLog log) : PageModel
{
    public bool Confirmed { get; private set; }
    public bool Disabled { get; private set; }
    /// <summary>This link confirmed the address just now, and signed the person in.</summary>
    public bool SignedIn { get; private set; }

    public async Task OnGetAsync(string? userId, string? code)
    {
        var token = AccountEmails.Decode(code);
        var user = string.IsNullOrEmpty(userId) ? null : await users.FindByIdAsync(userId);
        if (user is null || token is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        if (user.IsDisabled)
        {
            Disabled = true;
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        if (user.EmailConfirmed)
        {
            Confirmed = true;
            return;
        }
        Confirmed = (await users.ConfirmEmailAsync(user, token)).Succeeded;
        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        // The link proves the address, as a password reset link does: the person goes on signed in rather than typing
        // the password they chose a minute ago. Only the confirming visit signs in; a link opened again does not.
        if (User.Identity?.IsAuthenticated != true && (await signIn.SignInCheckedAsync(user, isPersistent: false)).Succeeded)
        {
            SignedIn = true;
            await log.RecordAsync(SecurityEventKind.SignedIn, user, detail: "by confirming the email address");
        }
    }
}
