using Microsoft.EntityFrameworkCore;
using Workshops.Core.Data;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Email;
using Workshops.Core.Localization;

namespace Workshops.Core.Domain.Announcements;

/// <summary>
/// Pause, resume and resend: each changes the announcement and its outbox rows in one transaction, so the sender
/// never sees a paused campaign with queued rows, or a resumed one whose rows are still held.
/// </summary>
public sealed class CampaignControl(AppDbContext db, TimeProvider clock)
{
    public async Task PauseAsync(Announcement a, string byUserId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.StatusChanges.Add(a.Pause(byUserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        // Rows a worker already claimed are held by the sender itself when their turn comes.
        await db.OutboxMessages.Where(m => m.CampaignId == a.Id && m.Status == OutboxStatus.Queued)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Held), ct);
        await tx.CommitAsync(ct);
    }

    public async Task ResumeAsync(Announcement a, string byUserId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.StatusChanges.Add(a.Resume(byUserId, clock.GetUtcNow()));
        await db.SaveChangesAsync(ct);
        await db.OutboxMessages.Where(m => m.CampaignId == a.Id && m.Status == OutboxStatus.Held)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Queued), ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Failed emails go back to the queue with a fresh count of attempts; returns how many.</summary>
    public async Task<int> ResendFailedAsync(Announcement a, string byUserId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.OutboxMessages.AnyAsync(m => m.CampaignId == a.Id && m.Status == OutboxStatus.Failed, ct)) throw new Common.DomainException(Tr.T("No email of this announcement has failed: there is nothing to resend."), "Status");
        if (a.Retry(byUserId, now) is { } change) db.StatusChanges.Add(change);
        await db.SaveChangesAsync(ct);
        // The last error stays until the email goes, so the log still says why it failed before.
        // An email whose recipient was erased, or whose text the retention job removed, has nothing left to send.
        var failed = await db.OutboxMessages.Where(m => m.CampaignId == a.Id && m.Status == OutboxStatus.Failed && m.TextBody != "" && !m.To.EndsWith("@invalid"))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Queued).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, now), ct);
        await tx.CommitAsync(ct);
        return failed;
    }
}
