using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

[EnableRateLimiting(RateLimitOptions.AccountEmail)]
public sealed class ForgotPasswordModel(UserManager<AppUser> users, AccountEmails emails, SiteRateLimits limits) : PageModel
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
        var limit = await limits.HitAsync(RateLimitOptions.Account(RateLimitOptions.AccountEmail), Email.Trim(), ct);
        // Past the account's limit nothing more is sent, with the usual answer: a refusal would let a stranger keep
        // the owner from resetting their own password (the per-address limit still applies to the form).
        var user = limit.Allowed ? await users.FindByEmailAsync(Email.Trim()) : null;
        // Same answer whether or not the account exists: the form must not reveal who has one.
        if (user is { EmailConfirmed: true, IsDisabled: false })
            await emails.QueueResetAsync(user, (userId, code) => Request.AbsoluteUrl(Url.Page("/Account/ResetPassword", new { userId, code })!), ct);
        return RedirectToPage("CheckEmail", new { email = Email.Trim(), purpose = "reset" });
    }
}
