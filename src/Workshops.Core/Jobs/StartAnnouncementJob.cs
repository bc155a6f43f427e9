using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workshops.Core.Domain.Announcements;
using Workshops.Core.Data;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry point: an announcement's emails are written by <see cref="AnnouncementStarter"/>, then sent by the outbox.</summary>
public sealed class StartAnnouncementJob(AnnouncementStarter starter, CampaignProgress progress, IServiceScopeFactory scopes, IBackgroundJobClient jobs,
    IOptions<JobOptions> options, ILogger<StartAnnouncementJob> log)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task Run(Guid announcementId, CancellationToken ct)
    {
        try
        {
            // Every worker of this instance sends, each over its own connection, taking batches in turn: a campaign of
            // thousands goes out that many times faster, and the rate limit (shared by the process) still holds.
            if (await starter.StartAsync(announcementId, ct) > 0)
                for (var i = 0; i < options.Value.WorkerCount; i++) jobs.Enqueue<SendOutboxJob>(j => j.Run(null, CancellationToken.None));
        }
        catch (DbUpdateException e)
        {
            if (await StillScheduledAsync(announcementId)) throw;
            // Started by another worker at the same moment (the sweep and "send now"), or cancelled: nothing to do here.
            log.LogInformation(e, "Announcement {Id} was started or changed by someone else first", announcementId);
        }
    }

    /// <summary>
    /// Every minute: starts scheduled announcements whose time has come, each in a scope of its own so that one
    /// that fails (and is retried by its own job) never holds up the others, and marks finished ones sent.
    /// No lock against a second sweep: two starts of one announcement cannot both win (its concurrency token), and a
    /// lock held by a process that was killed would stop every sweep after a restart until it expired.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task Sweep(CancellationToken ct)
    {
        foreach (var id in await starter.DueAsync(ct))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<StartAnnouncementJob>().Run(id, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Announcement {Id} could not start; it stays scheduled and the next sweep tries again", id);
            }
        }
        await progress.FinishDoneAsync(ct);
    }

    private async Task<bool> StillScheduledAsync(Guid id)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Announcements.AnyAsync(a => a.Id == id && a.Status == AnnouncementStatus.Scheduled);
    }
}
