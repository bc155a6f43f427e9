using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Accounts;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Identity's sign-in with one more rule: an account an admin disabled cannot sign in by any route (password,
/// two-factor code, recovery code, refresh), whatever its lockout counter or its password says.
/// </summary>
public sealed class AppSignInManager(UserManager<AppUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<AppUser>> logger, IAuthenticationSchemeProvider schemes, IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsDisabled && await base.CanSignInAsync(user);

    /// <summary>
    /// Signs in someone whose password was already checked (once: see SignInModel), or starts their two-factor step.
    /// Identity's own PasswordSignInAsync judges lockout and confirmation before the password, which tells a
    /// stranger with any password whether an account exists.
    /// </summary>
    public async Task<SignInResult> SignInCheckedAsync(AppUser user, bool isPersistent)
    {
        if (UserManager.SupportsUserLockout && await UserManager.GetAccessFailedCountAsync(user) > 0) await UserManager.ResetAccessFailedCountAsync(user);
        return await SignInOrTwoFactorAsync(user, isPersistent);
    }
}
