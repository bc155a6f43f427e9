using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

[EnableRateLimiting(RateLimitOptions.SignIn)]
public sealed class SignInModel(SignInManager<AppUser> signIn, UserManager<AppUser> users, SiteRateLimits limits, SecurityLog log) : PageModel
{
    public const string WrongPassword = "The email address or the password is wrong.";

    /// <summary>A hash of no one's password, checked against when the address has no account, so that an unknown address costs the same hashing as a known one.</summary>
    private static readonly Lazy<string> NobodysHash = new(() => new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString()));

    [BindProperty] public SignInInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    public bool NeedsConfirmation { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email.Trim();
        var limit = await limits.HitAsync(RateLimitOptions.Account(RateLimitOptions.SignIn), email, ct);
        if (!limit.Allowed)
        {
            RateLimiting.Refuse(HttpContext, limit.RetryAfter);
            return new EmptyResult();
        }
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), NobodysHash.Value, Input.Password);
            await log.RecordAsync(SecurityEventKind.SignInFailed, (string?)null, email, detail: "no such account");
            ModelState.AddModelError("", WrongPassword);
            return Page();
        }
        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await log.RecordAsync(SecurityEventKind.SignedIn, user);
            return LocalRedirect(SafeReturnUrl);
        }
        if (result.RequiresTwoFactor)
            return RedirectToPage("TwoFactorSignIn", new { returnUrl = SafeReturnUrl, rememberMe = Input.RememberMe });
        if (user.IsDisabled)
        {
            await log.RecordAsync(SecurityEventKind.SignInRefused, user, detail: "account disabled");
            ModelState.AddModelError("", DisabledModel.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else if (result.IsLockedOut)
        {
            await log.RecordAsync(SecurityEventKind.LockedOut, user);
            ModelState.AddModelError("", "Too many wrong passwords: this account is locked for 15 minutes. You can reset the password meanwhile.");
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        else if (result.IsNotAllowed)
        {
            NeedsConfirmation = true;
            ModelState.AddModelError("", "Confirm your email address first: open the link we sent you.");
        }
        else
        {
            await log.RecordAsync(SecurityEventKind.SignInFailed, user, detail: "wrong password");
            ModelState.AddModelError("", WrongPassword);
        }
        return Page();
    }

    private string SafeReturnUrl => Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/";

    public sealed class SignInInput
    {
        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [StringLength(256, ErrorMessage = "The email address is too long.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "The password is too long.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }
}
