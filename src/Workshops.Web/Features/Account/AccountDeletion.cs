using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Accounts;
using Workshops.Core.Domain.Archive;
using Workshops.Core.Domain.Registrations;
using Workshops.Core.Privacy;
using Workshops.Web.Features.Registrations;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Account;

/// <summary>
/// Deletes a person's account, whether they asked while signed in or through the link emailed to them. Seats they
/// hold at workshops still to come are given up first, through the registration desk, so the waiting list moves as
/// if they had cancelled; then <see cref="AccountEraser"/> takes them out of everything in one transaction.
/// </summary>
public sealed class AccountDeletion(AppDbContext db, Microsoft.AspNetCore.Identity.UserManager<AppUser> users, RegistrationDesk desk, AccountEraser eraser, ArchiveIndex index, SecurityLog log,
    IOutputCacheStore pages, TimeProvider clock, ILogger<AccountDeletion> logger)
{
    /// <summary>The site's only admin stays until someone else can run it.</summary>
    public async Task<bool> IsLastAdminAsync(AppUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.IsDisabled) <= 1;

    public static string LastAdminMessage => Tr.T("You are the site's only admin. Make someone else an admin first, so the site is not left without one.");

    public async Task<bool> DeleteAsync(string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var coming = await db.Registrations
            .Where(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined
                && r.Status != RegistrationStatus.CheckedIn && db.Workshops.Any(w => w.Id == r.WorkshopId && w.EndsAt > now))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var id in coming)
        {
            var moved = await desk.MoveAsync(id, RegistrationStatus.Cancelled, null, ct);
            if (!moved.Succeeded) logger.LogWarning("Registration {Id} was not cancelled before its account was deleted", id);
        }
        db.ChangeTracker.Clear();
        var result = await eraser.EraseAsync(userId, ct);
        if (result is null) return false;
        foreach (var workshop in result.Workshops) await index.RebuildWorkshopAsync(workshop, ct);
        foreach (var e in result.Events) await index.RebuildEventAsync(e, ct);
        // The programme and the materials pages may have named them.
        await pages.EvictAsync(ct);
        // No name or address: the account is gone, and the entry says only what went.
        await log.RecordAsync(SecurityEventKind.AccountDeleted, null, null, null,
            $"{result.Registrations} registrations, {result.Proposals} proposals, {result.Reviews} reviews, {result.Sessions} sessions, {result.Emails} emails");
        logger.LogInformation("An account was deleted: {Registrations} registrations, {Proposals} proposals, {Reviews} reviews kept without the person",
            result.Registrations, result.Proposals, result.Reviews);
        return true;
    }
}
