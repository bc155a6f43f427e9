using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>Signing in with one of the ten single-use recovery codes, when the authenticator is lost.</summary>
[EnableRateLimiting(RateLimitOptions.TwoFactor)]
public sealed class RecoveryCodeSignInModel(SignInManager<AppUser> signIn, SiteRateLimits limits, SecurityLog log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter one of your recovery codes.")]
    [StringLength(40, ErrorMessage = "A recovery code has eleven characters, like 4K7PQ-2MXQ9.")]
    [Display(Name = "Recovery code")]
    public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn", new { returnUrl = ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid) return Page();
        if (await TwoFactorLimit.RefuseAsync(HttpContext, limits, user, ct)) return new EmptyResult();
        var result = await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Replace(" ", "").Trim().ToUpperInvariant());
        if (result.Succeeded)
            TempData[Flash.Key] = Tr.T("You are signed in with a recovery code, which cannot be used again. Set up your authenticator again under Your account.");
        return await TwoFactorLimit.AnswerAsync(this, log, user, result, "recovery code", ReturnUrl, Tr.T("That recovery code is wrong or was used already."));
    }
}
