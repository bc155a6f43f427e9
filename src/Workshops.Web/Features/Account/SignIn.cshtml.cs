using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

[EnableRateLimiting(RateLimitOptions.SignIn)]
public sealed class SignInModel(AppSignInManager signIn, UserManager<AppUser> users, SiteRateLimits limits, SecurityLog log) : PageModel
{
    public static string WrongPassword => Tr.T("The email address or the password is wrong.");

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
        // Past its limit of wrong passwords, an account takes no more guesses for a while, from anywhere.
        var guesses = await limits.PeekAsync(RateLimitOptions.Account(RateLimitOptions.SignIn), email, ct);
        if (!guesses.Allowed)
        {
            RateLimiting.Refuse(HttpContext, guesses.RetryAfter);
            return new EmptyResult();
        }
        var user = await users.FindByEmailAsync(email);
        // The password is checked first, with one hashing whether or not the account exists; only someone who
        // knows it learns more than "wrong" (locked, disabled, not confirmed).
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new AppUser(), NobodysHash.Value, Input.Password);
            await FailedAsync(null, email, "no such account", ct);
            return Page();
        }
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            var lockedNow = false;
            if (!await users.IsLockedOutAsync(user))
            {
                await users.AccessFailedAsync(user);
                lockedNow = await users.IsLockedOutAsync(user);
            }
            if (lockedNow) await log.RecordAsync(SecurityEventKind.LockedOut, user);
            await FailedAsync(user, email, "wrong password", ct);
            return Page();
        }
        if (user.IsDisabled)
        {
            await log.RecordAsync(SecurityEventKind.SignInRefused, user, detail: "account disabled");
            ModelState.AddModelError("", DisabledModel.Message);
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (await users.IsLockedOutAsync(user))
        {
            ModelState.AddModelError("", Tr.T("Too many wrong passwords: this account is locked for 15 minutes. You can reset the password meanwhile."));
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        if (!await signIn.CanSignInAsync(user))
        {
            NeedsConfirmation = true;
            ModelState.AddModelError("", Tr.T("Confirm your email address first: open the link we sent you."));
            return Page();
        }
        var result = await signIn.SignInCheckedAsync(user, Input.RememberMe);
        if (result.RequiresTwoFactor)
            return RedirectToPage("TwoFactorSignIn", new { returnUrl = SafeReturnUrl, rememberMe = Input.RememberMe });
        await log.RecordAsync(SecurityEventKind.SignedIn, user);
        return LocalRedirect(SafeReturnUrl);
    }

    /// <summary>The one answer to a wrong address or a wrong password; the failure counts against the address's guesses.</summary>
    private async Task FailedAsync(AppUser? user, string email, string why, CancellationToken ct)
    {
        await limits.HitAsync(RateLimitOptions.Account(RateLimitOptions.SignIn), email, ct);
        await log.RecordAsync(SecurityEventKind.SignInFailed, user?.Id, email, detail: why);
        ModelState.AddModelError("", WrongPassword);
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
