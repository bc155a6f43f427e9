using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>The second step of signing in: the six-digit code from the authenticator app.</summary>
[EnableRateLimiting(RateLimitOptions.TwoFactor)]
public sealed class TwoFactorSignInModel(SignInManager<AppUser> signIn, SiteRateLimits limits, SecurityLog log) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty(SupportsGet = true)] public bool RememberMe { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Enter the six-digit code from your authenticator app.")]
    [StringLength(12, ErrorMessage = "The code has six digits.")]
    [Display(Name = "Code from your authenticator app")]
    public string Code { get; set; } = "";

    [BindProperty]
    [Display(Name = "Do not ask for a code again on this browser for 14 days")]
    public bool RememberBrowser { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("SignIn", new { returnUrl = ReturnUrl }) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await signIn.GetTwoFactorAuthenticationUserAsync();
        if (user is null) return RedirectToPage("SignIn", new { returnUrl = ReturnUrl });
        if (!ModelState.IsValid) return Page();
        if (await TwoFactorLimit.RefuseAsync(HttpContext, limits, user, ct)) return new EmptyResult();
        var code = Code.Replace(" ", "").Replace("-", "");
        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, RememberMe, RememberBrowser);
        return await TwoFactorLimit.AnswerAsync(this, log, user, result, "authenticator code", ReturnUrl, Tr.T("That code is wrong or has expired. Codes change every 30 seconds: try the current one."));
    }
}

/// <summary>What the code and recovery-code steps share: the per-account limit and the answer to each outcome.</summary>
public static class TwoFactorLimit
{
    public static async Task<bool> RefuseAsync(HttpContext http, SiteRateLimits limits, AppUser user, CancellationToken ct)
    {
        var limit = await limits.HitAsync(RateLimitOptions.Account(RateLimitOptions.TwoFactor), user.Id, ct);
        if (limit.Allowed) return false;
        RateLimiting.Refuse(http, limit.RetryAfter);
        return true;
    }

    public static async Task<IActionResult> AnswerAsync(PageModel page, SecurityLog log, AppUser user, Microsoft.AspNetCore.Identity.SignInResult result, string how, string? returnUrl, string wrong)
    {
        if (result.Succeeded)
        {
            await log.RecordAsync(how == "recovery code" ? SecurityEventKind.RecoveryCodeUsed : SecurityEventKind.SignedIn, user, detail: how);
            return page.LocalRedirect(page.Url.IsLocalUrl(returnUrl) ? returnUrl! : "/");
        }
        if (result.IsLockedOut)
        {
            await log.RecordAsync(SecurityEventKind.LockedOut, user, detail: how);
            page.ModelState.AddModelError("", Tr.T("Too many wrong codes: this account is locked for 15 minutes."));
            page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        }
        else if (result.IsNotAllowed)
        {
            await log.RecordAsync(SecurityEventKind.SignInRefused, user, detail: how);
            page.ModelState.AddModelError("", DisabledModel.Message);
            page.Response.StatusCode = StatusCodes.Status403Forbidden;
        }
        else
        {
            await log.RecordAsync(SecurityEventKind.SignInFailed, user, detail: "wrong " + how);
            page.ModelState.AddModelError("Code", wrong);
        }
        return page.Page();
    }
}
