using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>Someone who cannot sign in asks to delete their account: the link goes to the account's address, never to the asker.</summary>
[EnableRateLimiting(RateLimitOptions.AccountEmail)]
public sealed class DeleteByEmailModel(UserManager<AppUser> users, AccountEmails emails, SiteRateLimits limits, SecurityLog log) : PageModel
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
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        var limit = await limits.HitAsync(RateLimitOptions.Account(RateLimitOptions.AccountEmail), Email.Trim(), ct);
        var user = limit.Allowed ? await users.FindByEmailAsync(Email.Trim()) : null;
        // Same answer whether or not the account exists: the form must not reveal who has one.
        // A disabled account stays as the admins left it, security log included, until they enable it.
        if (user is { IsDisabled: false } && await emails.QueueDeletionAsync(user, (userId, code) => Request.AbsoluteUrl(Url.Page("/Account/DeleteConfirm", new { userId, code })!), ct))
            await log.RecordAsync(SecurityEventKind.AccountDeletionRequested, user);
        return RedirectToPage("CheckEmail", new { email = Email.Trim(), purpose = "delete" });
    }
}
