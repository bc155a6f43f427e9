using Microsoft.AspNetCore.Identity;
using Workshops.Core.Domain.Accounts;

namespace Workshops.Web.Infrastructure;

/// <summary>The demo's people: accounts without a password, so nobody can sign in as them.</summary>
public sealed class DemoPeople(UserManager<AppUser> users, TimeProvider clock)
{
    public async Task<AppUser> PersonAsync(string email, string name, string role, CancellationToken ct)
    {
        var existing = await users.FindByEmailAsync(email);
        if (existing is not null) return existing;
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = clock.GetUtcNow() };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, Roles.Member);
        if (role != Roles.Member) await users.AddToRoleAsync(user, role);
        return user;
    }
}
