using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Accounts;
using Workshops.Core.Data;

namespace Workshops.Web.Features.Admin;

public sealed record UserRow(string Id, string Email, string DisplayName, bool Confirmed, bool LockedOut, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt);

/// <summary>What admins do with accounts: look them up, set roles, lock and unlock.</summary>
public sealed class UserAdmin(AppDbContext db, UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> SearchAsync(string? query, CancellationToken ct)
    {
        var q = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query))
        {
            var term = query.Trim().ToUpperInvariant();
            q = q.Where(u => u.NormalizedEmail!.Contains(term) || u.DisplayName.ToUpper().Contains(term));
        }
        var list = await q.OrderBy(u => u.NormalizedEmail).Take(200).ToListAsync(ct);
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        return list.Select(u => new UserRow(u.Id, u.Email ?? "", u.DisplayName, u.EmailConfirmed, u.LockoutEnd > now,
            roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order().ToList(), u.CreatedAt)).ToList();
    }

    public async Task<string?> SetRolesAsync(string userId, IReadOnlyCollection<string> wanted, string actingUserId)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "This account no longer exists.";
        var unknown = wanted.Except(Roles.All).ToList();
        if (unknown.Count > 0) return $"There is no role called {unknown[0]}.";
        var current = await users.GetRolesAsync(user);
        if (current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count == 1)
            return "This is the only admin: make someone else an admin first.";
        if (userId == actingUserId && current.Contains(Roles.Admin) && !wanted.Contains(Roles.Admin))
            return "You cannot take away your own admin role; ask another admin.";
        var removed = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        if (!removed.Succeeded) return removed.Errors.First().Description;
        var added = await users.AddToRolesAsync(user, wanted.Except(current));
        return added.Succeeded ? null : added.Errors.First().Description;
    }

    public async Task<string?> SetLockedAsync(string userId, bool locked, string actingUserId)
    {
        if (userId == actingUserId && locked) return "You cannot lock your own account.";
        var user = await users.FindByIdAsync(userId);
        if (user is null) return "This account no longer exists.";
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, locked ? DateTimeOffset.MaxValue : null);
        if (!locked) await users.ResetAccessFailedCountAsync(user);
        // A new stamp ends the sessions the person already has, on their next page.
        else await users.UpdateSecurityStampAsync(user);
        return null;
    }
}
