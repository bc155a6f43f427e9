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

    /// <summary>Every way of signing in ends here: the browser takes the account's language, so the site speaks it from the next page.</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, Microsoft.AspNetCore.Authentication.AuthenticationProperties? authenticationProperties,
        IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
        if (user.Language is { Length: > 0 } language && Context.RequestServices.GetService<IOptions<LanguageOptions>>()?.Value.Speaks(language) == true)
            Languages.Remember(Context.Response, language);
    }

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
