using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Accounts;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

public sealed class ResendConfirmationModel(UserManager<AppUser> users, AccountEmails emails) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
    [Display(Name = "Email address")]
    public string Email { get; set; } = "";

    public void OnGet(string? email) => Email = email ?? "";

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        // The answer is the same whether or not the account exists, so the form tells nobody who has one.
        if (user is { EmailConfirmed: false })
            await emails.QueueConfirmationAsync(user, (userId, code) => Request.AbsoluteUrl(Url.Page("/Account/ConfirmEmail", new { userId, code })!), ct);
        return RedirectToPage("CheckEmail", new { email = Email.Trim() });
    }
}
