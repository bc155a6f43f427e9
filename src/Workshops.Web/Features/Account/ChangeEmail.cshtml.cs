using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>A new address takes effect only once its owner opens the link sent to it; the old address is told afterwards.</summary>
[Authorize]
[EnableRateLimiting(RateLimitOptions.AccountEmail)]
public sealed class ChangeEmailModel(UserManager<AppUser> users, AccountEmails emails) : PageModel
{
    public string Current { get; private set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter the new email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [StringLength(256, ErrorMessage = "The email address is too long.")]
    [Display(Name = "New email address")]
    public string NewEmail { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your current password to confirm.")]
    [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Current = user.Email ?? "";
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        Current = user.Email ?? "";
        if (!ModelState.IsValid) return Page();
        var wanted = NewEmail.Trim();
        if (!await users.CheckPasswordAsync(user, Password))
        {
            await users.AccessFailedAsync(user);
            ModelState.AddModelError(nameof(Password), Tr.T("Your password is wrong."));
            return Page();
        }
        if (string.Equals(wanted, user.Email, StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(NewEmail), Tr.T("That is already your address."));
            return Page();
        }
        // An address another account has gets the same answer and no email: the form tells nobody who has an account.
        if (await users.FindByEmailAsync(wanted) is null)
            await emails.QueueEmailChangeAsync(user, wanted, (userId, code) =>
                Request.AbsoluteUrl(Url.Page("/Account/ConfirmEmailChange", new { userId, email = wanted, code })!), ct);
        TempData[Flash.Key] = Tr.T("We have sent a link to {0}. Your address changes when you open it; until then, it stays {1}.", wanted, user.Email);
        return Redirect("/account");
    }
}
