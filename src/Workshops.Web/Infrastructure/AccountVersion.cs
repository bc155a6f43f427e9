using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;

namespace Workshops.Web.Infrastructure;

/// <summary>
/// Puts the account's version (Identity's concurrency stamp, new on every change to the account, roles included)
/// into the sign-in cookie, so each request can tell whether anything changed since the cookie was written.
/// </summary>
public sealed class VersionedClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    public const string VersionClaim = "workshops:account-version";
    public const string NameClaim = "workshops:display-name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(VersionClaim, user.ConcurrencyStamp ?? ""));
        // The header greets people by name; a changed name changes the account's version, which rebuilds this.
        identity.AddClaim(new Claim(NameClaim, user.DisplayName));
        return identity;
    }
}

/// <summary>
/// A role given or a lock set by an admin applies on the person's next page, not half an hour later. Identity's own
/// validator does that only by rebuilding the whole principal and rewriting the cookie on every request (four
/// queries and an encryption); here each signed-in request reads two stamps by primary key, and the principal is
/// rebuilt only when the account actually changed.
/// </summary>
public sealed class AccountVersionValidator(IOptions<SecurityStampValidatorOptions> options, SignInManager<AppUser> signIn,
    ILoggerFactory logger, AppDbContext db) : SecurityStampValidator<AppUser>(options, signIn, logger)
{
    public const string DisabledItem = "workshops.account-disabled";

    public override async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var id = principal is null ? null : SignInManager.UserManager.GetUserId(principal);
        if (principal is not null && id is not null)
        {
            var stamps = await db.Users.AsNoTracking().Where(u => u.Id == id)
                .Select(u => new { u.SecurityStamp, u.ConcurrencyStamp, u.DisabledAt }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (stamps?.DisabledAt is not null)
            {
                // Disabled by an admin: this session ends now, and the sign-in page says why.
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                context.HttpContext.Items[DisabledItem] = true;
                return;
            }
            if (stamps is not null
                && stamps.SecurityStamp == principal.FindFirstValue(SignInManager.Options.ClaimsIdentity.SecurityStampClaimType)
                && stamps.ConcurrencyStamp == principal.FindFirstValue(VersionedClaimsFactory.VersionClaim))
                return;
        }
        // Changed, locked, signed out elsewhere or gone: Identity's validator (interval zero) refreshes or rejects.
        await base.ValidateAsync(context);
    }
}
