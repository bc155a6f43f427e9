using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>A new password, given the current one; every other browser is signed out, since whoever knew the old one may be there.</summary>
[Authorize]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Workshops.Core.Security.RateLimitOptions.SignIn)]
public sealed class ChangePasswordModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDesk accounts, SecurityLog log) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your current password.")]
    [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Current password")]
    public string Current { get; set; } = "";

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

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Current, Password);
        if (!result.Succeeded)
        {
            // A wrong current password counts towards the lockout, as at sign-in: a borrowed session cannot guess freely.
            if (result.Errors.Any(e => e.Code == "PasswordMismatch")) await users.AccessFailedAsync(user);
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code == "PasswordMismatch" ? nameof(Current) : nameof(Password),
                    e.Code == "PasswordMismatch" ? Tr.T("Your current password is wrong.") : e.Description);
            return Page();
        }
        await log.RecordAsync(Core.Domain.Accounts.SecurityEventKind.PasswordChanged, user);
        // The change renewed the account's stamp: this browser signs in afresh, and every other one is signed out.
        await signIn.RefreshSignInAsync(user);
        var kept = Infrastructure.SessionStore.CurrentKey(HttpContext);
        await accounts.EndSessionsAsync(user.Id, kept, ct);
        TempData[Flash.Key] = Tr.T("Your password is changed. Other browsers where you were signed in are signed out.");
        return Redirect("/account");
    }
}
