using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;

namespace Workshops.Web.Features.Account;

/// <summary>A signed-in person deletes their account: asked again, with their password, so a borrowed browser cannot.</summary>
[Authorize]
[EnableRateLimiting(RateLimitOptions.SignIn)]
public sealed class DeleteModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, AccountDeletion deletion) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "The password is too long.")]
    [DataType(DataType.Password)]
    [Display(Name = "Your password")]
    public string Password { get; set; } = "";

    [BindProperty]
    [Range(typeof(bool), "true", "true", ErrorMessage = "Tick the box to say you understand that this cannot be undone.")]
    public bool Understood { get; set; }

    public bool LastAdmin { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        LastAdmin = await deletion.IsLastAdminAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        LastAdmin = await deletion.IsLastAdminAsync(user);
        if (LastAdmin)
        {
            ModelState.AddModelError("", AccountDeletion.LastAdminMessage);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (await PasswordAgain.ProblemAsync(signIn, user, Password) is { } wrong)
        {
            ModelState.AddModelError(nameof(Password), wrong);
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        if (await deletion.DeleteAsync(user.Id, ct) is { } refused)
        {
            ModelState.AddModelError("", refused);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await signIn.SignOutAsync();
        return RedirectToPage("Deleted");
    }
}
