using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using QRCoder;
using Workshops.Core;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Security;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>
/// Two-factor sign-in with an authenticator app (TOTP, Identity's own provider): set it up by scanning a QR code or
/// typing the key, confirm with a code, keep ten single-use recovery codes; later, renew the codes or turn it off.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimitOptions.TwoFactor)]
public sealed class TwoFactorModel(UserManager<AppUser> users, SignInManager<AppUser> signIn, SecurityLog log,
    IOptions<SiteOptions> site, IOptions<SecurityOptions> security, IUserStore<AppUser> store) : PageModel
{
    public const int RecoveryCodeCount = 10;

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public int CodesLeft { get; private set; }
    /// <summary>The key in groups of four, for typing into an app by hand.</summary>
    public string KeyForTyping { get; private set; } = "";
    public string QrSvg { get; private set; } = "";
    public string AuthenticatorUri { get; private set; } = "";

    [BindProperty]
    [StringLength(12, ErrorMessage = "The code has six digits.")]
    [Display(Name = "Code from your app")]
    public string? Code { get; set; }

    [BindProperty]
    [DataType(DataType.Password)]
    [StringLength(CommonPasswordValidator.MaxLength, ErrorMessage = "The password is too long.")]
    [Display(Name = "Your password")]
    public string? Password { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() is null ? Challenge() : Page();

    public async Task<IActionResult> OnPostEnableAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (Enabled) return RedirectToPage();
        var code = (Code ?? "").Replace(" ", "").Replace("-", "");
        if (code.Length == 0) ModelState.AddModelError(nameof(Code), Tr.T("Enter the six-digit code your app shows."));
        else if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
            ModelState.AddModelError(nameof(Code), Tr.T("That code does not match. Check that the app shows this site's entry and try the current code."));
        if (!ModelState.IsValid) return Page();

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        var enabled = await users.SetTwoFactorEnabledAsync(user, true);
        if (codes is null || !enabled.Succeeded)
        {
            ModelState.AddModelError("", Tr.T("Your account changed while this page was open. Reload it and try again."));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        await log.RecordAsync(SecurityEventKind.TwoFactorEnabled, user);
        // Turning it on renewed the account's stamp, which would end this very session.
        await signIn.RefreshSignInAsync(user);
        TempData[RecoveryCodesModel.CodesKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes");
    }

    public async Task<IActionResult> OnPostRenewCodesAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (!Enabled) return RedirectToPage();
        if (!await CheckPasswordAsync(user)) return Page();
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await log.RecordAsync(SecurityEventKind.RecoveryCodesRenewed, user);
        TempData[RecoveryCodesModel.CodesKey] = string.Join(' ', codes ?? []);
        return RedirectToPage("RecoveryCodes");
    }

    public async Task<IActionResult> OnPostDisableAsync()
    {
        var user = await LoadAsync();
        if (user is null) return Challenge();
        if (!Enabled) return RedirectToPage();
        if (Required)
        {
            ModelState.AddModelError("", Tr.T("Your role requires two-factor sign-in, so it cannot be turned off. You can renew your recovery codes, or ask an admin to reset it."));
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        if (!await CheckPasswordAsync(user)) return Page();
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await log.RecordAsync(SecurityEventKind.TwoFactorDisabled, user);
        await signIn.RefreshSignInAsync(user);
        TempData[Flash.Key] = Tr.T("Two-factor sign-in is off. Your password alone signs you in.");
        return RedirectToPage();
    }

    private async Task<bool> CheckPasswordAsync(AppUser user)
    {
        if (!string.IsNullOrEmpty(Password) && await users.CheckPasswordAsync(user, Password)) return true;
        await users.AccessFailedAsync(user);
        ModelState.AddModelError(nameof(Password), Tr.T("Enter your current password to confirm."));
        return false;
    }

    private async Task<AppUser?> LoadAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return null;
        Enabled = user.TwoFactorEnabled;
        Required = security.Value.RequireTwoFactorForStaff && (await users.IsInRoleAsync(user, Roles.Admin) || await users.IsInRoleAsync(user, Roles.Organiser));
        if (Enabled)
        {
            CodesLeft = await users.CountRecoveryCodesAsync(user);
            return user;
        }
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Stored straight, not through ResetAuthenticatorKeyAsync: that renews the account's stamp, and merely
            // opening this page would sign the person out of their other browsers. Nothing is on until a code is confirmed.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        KeyForTyping = Grouped(key!);
        AuthenticatorUri = Uri(site.Value.Name, user.Email!, key!);
        using var qr = QRCodeGenerator.GenerateQrCode(AuthenticatorUri, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(qr).GetGraphic(5);
        return user;
    }

    public static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4) text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }

    /// <summary>The otpauth address authenticator apps read (Google's Key Uri Format): issuer, account and key.</summary>
    public static string Uri(string issuer, string email, string key) => string.Format(CultureInfo.InvariantCulture,
        "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6", System.Uri.EscapeDataString(issuer), System.Uri.EscapeDataString(email), key);
}
