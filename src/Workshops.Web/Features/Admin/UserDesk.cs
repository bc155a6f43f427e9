using Microsoft.AspNetCore.Identity;
using Workshops.Core.Text;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Data;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Admin;

public sealed record UserRow(string Id, string Email, string DisplayName, bool Confirmed, bool LockedOut, bool Disabled, bool TwoFactor,
    IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

/// <summary>What admins do with accounts: look them up, set roles, disable and enable, reset two-factor sign-in. Each is logged.</summary>
public sealed class UserDesk(AppDbContext db, UserManager<AppUser> users, TimeProvider clock, SecurityLog log)
{
    public async Task<IReadOnlyList<UserRow>> SearchAsync(string? query, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            // Names compare folded (accents and case), emails as Identity normalises them: the same on both databases.
            var name = SearchText.Fold(query);
            var email = query.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(email) || u.SearchName.Contains(name));
        }
        var list = await q.OrderBy(u => u.NormalizedEmail).Take(200).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.EmailConfirmed, u.LockoutEnd > now, u.IsDisabled, u.TwoFactorEnabled,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.CreatedAt)).ToList();
    }

    public async Task<EditResult> SetRolesAsync(string userId, IReadOnlyCollection<string> wanted, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return EditResult.Fail(null, Tr.T("This account no longer exists."));
        var unknown = wanted.Except(Roles.All).ToList();
        if (unknown.Count > 0) return EditResult.Fail(null, Tr.T("There is no role called {0}.", unknown[0]));
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
            return EditResult.Fail(null, Tr.T("This is the only admin: make someone else an admin first."));
        if (userId == actingUserId && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
            return EditResult.Fail(null, Tr.T("You cannot take away your own admin role; ask another admin."));
        var taken = current.Except(wanted).ToList();
        var given = wanted.Except(current).Distinct().ToList();
        var removed = await users.RemoveFromRolesAsync(user, taken);
        if (!removed.Succeeded) return EditResult.Fail(null, removed.Errors.First().Description);
        var added = await users.AddToRolesAsync(user, given);
        if (!added.Succeeded) return EditResult.Fail(null, added.Errors.First().Description);
        foreach (var role in taken) await log.RecordAsync(SecurityEventKind.RoleTaken, user, actingUserId, role);
        foreach (var role in given) await log.RecordAsync(SecurityEventKind.RoleGiven, user, actingUserId, role);
        return EditResult.Ok();
    }

    /// <summary>
    /// Disabling ends every session the person has at once and keeps them out of every way in (sign-in, reset,
    /// confirmation, two-factor) until an admin enables the account again. Failed-password lockouts are apart.
    /// </summary>
    public async Task<EditResult> SetDisabledAsync(string userId, bool disabled, string actingUserId)
    {
        if (userId == actingUserId && disabled) return EditResult.Fail(null, Tr.T("You cannot disable your own account."));
        var user = await users.FindByIdAsync(userId);
        if (user is null) return EditResult.Fail(null, Tr.T("This account no longer exists."));
        if (disabled == user.IsDisabled) return EditResult.Ok();
        user.DisabledAt = disabled ? clock.GetUtcNow() : null;
        user.DisabledById = disabled ? actingUserId : null;
        if (!disabled) user.LockoutEnd = null;
        var saved = await users.UpdateAsync(user);
        if (!saved.Succeeded) return EditResult.Fail(null, saved.Errors.First().Description);
        // A new stamp ends the sessions the person already has. They are not deleted here: on the person's next
        // page the session check finds the account disabled, ends that session and says why.
        if (disabled) await users.UpdateSecurityStampAsync(user);
        else await users.ResetAccessFailedCountAsync(user);
        await log.RecordAsync(disabled ? SecurityEventKind.AccountDisabled : SecurityEventKind.AccountEnabled, user, actingUserId);
        return EditResult.Ok();
    }

    /// <summary>For someone who lost their authenticator and their recovery codes: they sign in with the password and set it up again.</summary>
    public async Task<EditResult> ResetTwoFactorAsync(string userId, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return EditResult.Fail(null, Tr.T("This account no longer exists."));
        if (!user.TwoFactorEnabled) return EditResult.Fail(null, Tr.T("This account does not use two-factor sign-in."));
        foreach (var step in new Func<Task<IdentityResult>>[]
                 {
                     () => users.SetTwoFactorEnabledAsync(user, false),
                     () => users.ResetAuthenticatorKeyAsync(user),
                     async () => await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 0) is null ? IdentityResult.Failed() : IdentityResult.Success,
                 })
        {
            // The person may be signing in at this moment; a step that lost that race says so instead of a false "reset".
            if (!(await step()).Succeeded) return EditResult.Fail(null, Tr.T("The account changed meanwhile; try again."));
        }
        await db.UserSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync();
        await log.RecordAsync(SecurityEventKind.TwoFactorReset, user, actingUserId);
        return EditResult.Ok();
    }
}
