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
    IOutputCacheStore pages, Core.Storage.IFileStore files, Core.Storage.FileReferences references, TimeProvider clock, ILogger<AccountDeletion> logger)
{
    /// <summary>The site's only admin stays until someone else can run it.</summary>
    public async Task<bool> IsLastAdminAsync(AppUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin) && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(u => !u.IsDisabled) <= 1;

    public static string LastAdminMessage => Tr.T("You are the site's only admin. Make someone else an admin first, so the site is not left without one.");

    /// <summary>Deletes the account; answers null when it is done, or why it was not (nothing is erased then).</summary>
    public async Task<string?> DeleteAsync(string userId, CancellationToken ct)
    {
        // Once begun it runs to the end: a browser that gives up waiting must not leave half an account behind.
        ct = CancellationToken.None;
        var now = clock.GetUtcNow();
        var coming = await db.Registrations
            .Where(r => r.UserId == userId && r.Status != RegistrationStatus.Cancelled && r.Status != RegistrationStatus.Declined
                && r.Status != RegistrationStatus.CheckedIn && db.Workshops.Any(w => w.Id == r.WorkshopId && w.EndsAt > now))
            .Select(r => r.Id).ToListAsync(ct);
        foreach (var id in coming)
        {
            var moved = await desk.MoveAsync(id, RegistrationStatus.Cancelled, null, ct);
            if (!moved.Succeeded)
            {
                logger.LogWarning("Registration {Id} was not cancelled, so its account was not deleted: {Error}", id, moved.Error);
                return Tr.T("Your place at a workshop to come could not be given up just now, so nothing was deleted. Try again in a minute.");
            }
        }
        db.ChangeTracker.Clear();
        var result = await eraser.EraseAsync(userId, ct);
        if (result is null) return Tr.T("This account no longer exists.");
        // Their copy of their data and their packs go now, not with the next sweep.
        foreach (var hash in result.Files.Distinct())
            if (!await references.AnyAsync(hash, ct)) files.Delete(hash);
        foreach (var workshop in result.Workshops) await index.RebuildWorkshopAsync(workshop, ct);
        foreach (var e in result.Events) await index.RebuildEventAsync(e, ct);
        // The programme and the materials pages may have named them.
        await pages.EvictAsync(ct);
        // No name, address or internet address: the account is gone, and the entry says only what went.
        await log.RecordAsync(SecurityEventKind.AccountDeleted, null, null, null,
            $"{result.Registrations} registrations, {result.Proposals} proposals, {result.Reviews} reviews, {result.Sessions} sessions, {result.Emails} emails",
            withAddress: false);
        logger.LogInformation("An account was deleted: {Registrations} registrations, {Proposals} proposals, {Reviews} reviews kept without the person",
            result.Registrations, result.Proposals, result.Reviews);
        return null;
    }
}
