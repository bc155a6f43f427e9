using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

[EnableRateLimiting(RateLimitOptions.Reset)]
public sealed class ResetPasswordModel(UserManager<AppUser> users, SecurityLog log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choose a new password.")]
    [DataType(DataType.Password)]
    [Display(Name = "New password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Type the new password again.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
    [Display(Name = "New password again")]
    public string ConfirmPassword { get; set; } = "";

    public bool LinkBroken { get; private set; }

    public void OnGet()
    {
        LinkBroken = string.IsNullOrEmpty(UserId) || AccountEmails.Decode(Code) is null;
        if (LinkBroken) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var token = AccountEmails.Decode(Code);
        var user = string.IsNullOrEmpty(UserId) ? null : await users.FindByIdAsync(UserId);
        if (user is null || token is null)
        {
            LinkBroken = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        if (user.IsDisabled)
        {
            // A new password does not undo an admin's decision: the account stays shut, and the person is told why.
            ModelState.AddModelError("", DisabledModel.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, token, Password);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "InvalidToken" ? "" : nameof(Password),
                    e.Code == "InvalidToken" ? Tr.T("This link has expired or was already used. Ask for a new one.") : e.Description);
            return Page();
        }
        // Whoever can read the mailbox owns the account: a reset also lifts a lockout.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await log.RecordAsync(SecurityEventKind.PasswordReset, user);
        TempData[Flash.Key] = Tr.T("Your password is changed. Sign in with the new one.");
        return RedirectToPage("SignIn");
    }
}
