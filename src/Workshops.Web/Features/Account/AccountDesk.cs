using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Web.Features.Shared;

namespace Workshops.Web.Features.Account;

/// <summary>
/// The account writes Identity does not make itself: the first admin (from the setup page or the terminal, without
/// the emailed confirmation), and ending a person's signed-in browsers.
/// </summary>
public sealed class AccountDesk(AppDbContext db, UserManager<AppUser> users, RoleManager<IdentityRole> roles, TimeProvider clock)
{
    /// <summary>Signs one of the person's browsers out; another person's session id changes nothing.</summary>
    public Task EndSessionAsync(string userId, string sessionId, CancellationToken ct) =>
        db.UserSessions.Where(s => s.Id == sessionId && s.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>Signs every browser of the person out, but the one <paramref name="keep"/> names (the one they use now), if any.</summary>
    public Task EndSessionsAsync(string userId, string? keep, CancellationToken ct) =>
        db.UserSessions.Where(s => s.UserId == userId && s.Id != keep).ExecuteDeleteAsync(ct);

    /// <summary>
    /// Gives accounts made before names were searchable their folded name: SQL cannot fold accents the same way on both
    /// databases, so the code does it, once, at start. Nothing to do afterwards, as setting a name folds it.
    /// </summary>
    public async Task FoldNamesAsync(CancellationToken ct)
    {
        var unfolded = await db.Users.Where(u => u.SearchName == "" && u.DisplayName != "").ToListAsync(ct);
        foreach (var user in unfolded) user.DisplayName = user.DisplayName;
        if (unfolded.Count > 0) await db.SaveChangesAsync(ct);
    }

    /// <summary>Saves the person's profile; a form drawn before another change to the account (another tab) is refused.</summary>
    public async Task<EditResult> SaveProfileAsync(string userId, ProfileDetails details, string? stamp)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null) return EditResult.Fail(null, Tr.T("This account no longer exists."));
        if (stamp is not null && stamp != user.ConcurrencyStamp) return EditResult.Conflict(Tr.T("conflict|your profile"));
        try
        {
            user.SetProfile(details);
        }
        catch (Core.Domain.Common.DomainException e)
        {
            return EditResult.Refused(e);
        }
        var saved = await users.UpdateAsync(user);
        return saved.Succeeded ? EditResult.Ok(null) : EditResult.Conflict(Tr.T("conflict|your profile"));
    }

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
