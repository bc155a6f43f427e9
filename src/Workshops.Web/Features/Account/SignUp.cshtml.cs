using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

[EnableRateLimiting(RateLimitOptions.SignUp)]
public sealed class SignUpModel(UserManager<AppUser> users, AccountEmails emails, TimeProvider clock) : PageModel
{
    [BindProperty] public SignUpInput Input { get; set; } = new();

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect("/") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = new AppUser
        {
            UserName = Input.Email.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.DisplayName.Trim(),
            CreatedAt = clock.GetUtcNow(),
            // The language they signed up in: their confirmation and every later email are written in it.
            Language = Tr.Language,
        };
        // An address that has an account gets the same answer as a new one, after the same password checks and the
        // same hashing; its owner is told by email instead. The form reveals to nobody who has an account.
        if (await users.FindByEmailAsync(user.Email) is { } existing)
        {
            var weak = await PasswordErrorsAsync(user);
            if (weak.Count > 0)
            {
                foreach (var error in weak) ModelState.AddModelError("Input.Password", error);
                return Page();
            }
            users.PasswordHasher.HashPassword(user, Input.Password);
            await emails.QueueExistsAsync(existing, Request.AbsoluteUrl("/account/signin"), Request.AbsoluteUrl("/account/forgot-password"), ct);
            return RedirectToPage("CheckEmail", new { email = user.Email });
        }
        var created = await users.CreateAsync(user, Input.Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                var field = error.Code switch
                {
                    _ when error.Code.StartsWith("Password") => "Input.Password",
                    "DuplicateUserName" or "DuplicateEmail" or "InvalidEmail" or "InvalidUserName" => "Input.Email",
                    _ => "",
                };
                // Only a race with another sign-up for the same new address gets here.
                var message = error.Code is "DuplicateUserName" or "DuplicateEmail"
                    ? Tr.T("This address cannot be used for a new account. Sign in, or reset the password.")
                    : error.Description;
                if (!ModelState[field]?.Errors.Any(e => e.ErrorMessage == message) ?? true) ModelState.AddModelError(field, message);
            }
            return Page();
        }
        await users.AddToRoleAsync(user, Roles.Member);
        await emails.QueueConfirmationAsync(user, Link, ct);
        return RedirectToPage("CheckEmail", new { email = user.Email });
    }

    private async Task<List<string>> PasswordErrorsAsync(AppUser user)
    {
        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            var result = await validator.ValidateAsync(users, user, Input.Password);
            errors.AddRange(result.Errors.Select(e => e.Description));
        }
        return errors;
    }

    private string Link(string userId, string code) =>
        Request.AbsoluteUrl(Url.Page("/Account/ConfirmEmail", new { userId, code })!);

    public sealed class SignUpInput
    {
        [Required(ErrorMessage = "Enter your name as others should see it.")]
        [StringLength(AppUser.MaxDisplayName, MinimumLength = 2, ErrorMessage = "Your name needs 2 to {1} characters.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email address is too long.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Type the password again.")]
        [DataType(DataType.Password)]
        [Compare(nameof(Password), ErrorMessage = "The two passwords are not the same.")]
        [Display(Name = "Password again")]
        public string ConfirmPassword { get; set; } = "";
    }
}
