using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountEmails emails) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // Same answer whether or not the account exists: the form must not reveal who has one.
        if (user is { EmailConfirmed: true })
            await emails.QueueResetAsync(user, (userId, code) => Request.AbsoluteUrl(Url.Page("/Account/ResetPassword", new { userId, code })!), ct);
        return RedirectToPage("CheckEmail", new { email = Email.Trim(), purpose = "reset" });
    }
}
