using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Accounts;

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
            await emails.QueueConfirmationAsync(user, (userId, code) => Url.Page("/Account/ConfirmEmail", null, new { userId, code }, Request.Scheme)!, ct);
        return RedirectToPage("CheckEmail", new { email = Email.Trim() });
    }
}
