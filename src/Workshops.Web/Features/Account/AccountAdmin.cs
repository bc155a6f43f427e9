using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Accounts;

namespace Workshops.Web.Features.Account;

/// <summary>Creating accounts that skip the emailed confirmation: the first admin, from the setup page or the terminal.</summary>
public sealed class AccountAdmin(UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
    }

    public async Task<IdentityResult> CreateAdminAsync(string email, string password, string? name)
    {
        await EnsureRolesAsync();
        var user = new AppUser
        {
            UserName = email.Trim(),
            Email = email.Trim(),
            EmailConfirmed = true,
            DisplayName = string.IsNullOrWhiteSpace(name) ? email.Split('@')[0] : name.Trim(),
            CreatedAt = clock.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        return await users.AddToRolesAsync(user, [Roles.Admin, Roles.Member]);
    }
}
