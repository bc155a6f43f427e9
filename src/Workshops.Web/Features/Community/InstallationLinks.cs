using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Common;
using Workshops.Core.Domain.Community;
using Workshops.Web.Infrastructure;

namespace Workshops.Web.Features.Community;

/// <summary>A member linked to an installation, or asking to be, as organisers and the installation's page see them.</summary>
public sealed record LinkedMember(Guid Id, string UserId, string Name, string Email, string? Role, bool ShowPublicly, MembershipStatus Status,
    DateTimeOffset RequestedAt, long Version);

/// <summary>
/// Members asking to be linked to the installation they work on, organisers deciding, and members choosing whether
/// their name, role and email show on its page. Every change refreshes visitors' pages.
/// </summary>
public sealed class InstallationLinks(AppDbContext db, TimeProvider clock, IOutputCacheStore pages)
{
    public async Task<IReadOnlyList<LinkedMember>> OfAsync(Guid installationId, CancellationToken ct) =>
        (await (from m in db.InstallationMembers.AsNoTracking()
                 join u in db.Users.AsNoTracking() on m.UserId equals u.Id
                 where m.InstallationId == installationId
                 select new { m, u.DisplayName, u.Email }).ToListAsync(ct))
        .Select(x => new LinkedMember(x.m.Id, x.m.UserId, x.DisplayName, x.Email ?? "", x.m.Role, x.m.ShowPublicly, x.m.Status, x.m.RequestedAt, Versions.Of(x.m.UpdatedAt)))
        .OrderBy(x => x.Status).ThenBy(x => x.Name, StringComparer.CurrentCulture).ToList();

    /// <summary>The contacts shown on the installation's page: approved, and agreed to be shown.</summary>
    public async Task<IReadOnlyList<LinkedMember>> ContactsAsync(Guid installationId, CancellationToken ct) =>
        (await OfAsync(installationId, ct)).Where(m => m.Status == MembershipStatus.Approved && m.ShowPublicly).ToList();

    public Task<InstallationMember?> MineAsync(Guid installationId, string userId, CancellationToken ct) =>
        db.InstallationMembers.AsNoTracking().FirstOrDefaultAsync(m => m.InstallationId == installationId && m.UserId == userId, ct);

    /// <summary>A member asks to be linked, asks again after a refusal, or changes their role and consent.</summary>
    public async Task<EditResult> AskAsync(Guid installationId, string userId, string? role, bool showPublicly, long? version, CancellationToken ct)
    {
        var mine = await db.InstallationMembers.FirstOrDefaultAsync(m => m.InstallationId == installationId && m.UserId == userId, ct);
        var now = clock.GetUtcNow();
        try
        {
            if (mine is null) db.InstallationMembers.Add(InstallationMember.Request(installationId, userId, role, showPublicly, now));
            else
            {
                db.Expect(mine, version);
                if (mine.Status == MembershipStatus.Declined) mine.AskAgain(role, showPublicly, now);
                else mine.Describe(role, showPublicly, now);
            }
        }
        catch (DomainException e)
        {
            return EditResult.Refused(e);
        }
        return await SaveAsync(ct);
    }

    /// <summary>A member takes their link away, whatever its state.</summary>
    public async Task<EditResult> LeaveAsync(Guid installationId, string userId, CancellationToken ct)
    {
        var mine = await db.InstallationMembers.FirstOrDefaultAsync(m => m.InstallationId == installationId && m.UserId == userId, ct);
        if (mine is null) return EditResult.Ok();
        db.InstallationMembers.Remove(mine);
        return await SaveAsync(ct);
    }

    public async Task<EditResult> DecideAsync(Guid installationId, Guid memberId, bool approve, string byUserId, long? version, CancellationToken ct)
    {
        var member = await db.InstallationMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.InstallationId == installationId, ct);
        if (member is null) return EditResult.Fail(null, Tr.T("This request no longer exists: the member took it back."));
        db.Expect(member, version);
        member.Decide(approve, byUserId, clock.GetUtcNow());
        return await SaveAsync(ct);
    }

    private async Task<EditResult> SaveAsync(CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            await pages.EvictAsync(ct);
            return EditResult.Ok();
        }
        catch (DbUpdateException)
        {
            // The member changed it while an organiser decided, or asked twice at once: nothing of this save is kept.
            db.ChangeTracker.Clear();
            return EditResult.Conflict(Tr.T("this link"));
        }
    }
}
