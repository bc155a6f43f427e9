using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Features.Account;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Setup;

/// <summary>Creates the first admin; works only with the token printed at start-up and only while no admin exists.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Workshops.Core.Security.RateLimitOptions.Setup)]
public sealed class IndexModel(SetupToken setup, AccountDesk accounts, AppSignInManager signIn, Microsoft.AspNetCore.Identity.UserManager<AppUser> users,
    SecurityLog log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public SetupInput Input { get; set; } = new();

    public IActionResult OnGet() => setup.Matches(Token) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await setup.RefreshAsync(ct);
        if (!setup.Matches(Token)) return NotFound();
        if (!ModelState.IsValid) return Page();
        var result = await accounts.CreateAdminAsync(Input.Email, Input.Password, Input.DisplayName);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors)
                ModelState.AddModelError(e.Code.StartsWith("Password") ? "Input.Password" : "Input.Email", e.Description);
            return Page();
        }
        setup.Spend();
        // Whoever held the start-up token and chose this password is the admin: they go on signed in.
        var admin = await users.FindByEmailAsync(Input.Email.Trim());
        if (admin is not null && (await signIn.SignInCheckedAsync(admin, isPersistent: false)).Succeeded)
        {
            await log.RecordAsync(SecurityEventKind.SignedIn, admin, detail: "as the first admin");
            TempData[Flash.Key] = Tr.T("The admin account is ready, and you are signed in.");
            return Redirect("/admin");
        }
        TempData[Flash.Key] = Tr.T("The admin account is ready. Sign in with it.");
        return Redirect("/account/signin");
    }

    public sealed class SetupInput
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(AppUser.MaxDisplayName, MinimumLength = 2, ErrorMessage = "Your name needs 2 to {1} characters.")]
        [Display(Name = "Your name")]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";
    }
}
