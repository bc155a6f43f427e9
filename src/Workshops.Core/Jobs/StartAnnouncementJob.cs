using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Workshops.Core.Announcements;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry point: an announcement's emails are written by <see cref="AnnouncementStarter"/>, then sent by the outbox.</summary>
public sealed class StartAnnouncementJob(AnnouncementStarter starter, IBackgroundJobClient jobs, ILogger<StartAnnouncementJob> log)
{
    [AutomaticRetry(Attempts = 3)]
    public async Task Run(Guid announcementId, CancellationToken ct)
    {
        try
        {
            if (await starter.StartAsync(announcementId, ct) > 0) jobs.Enqueue<SendOutboxJob>(j => j.Run(null, CancellationToken.None));
        }
        catch (DbUpdateException e)
        {
            // Another worker started it at the same moment (the sweep and "send now"); its emails are already queued.
            log.LogInformation(e, "Announcement {Id} was started by another worker", announcementId);
        }
    }

    /// <summary>Every minute: starts scheduled announcements whose time has come, and marks finished ones sent.</summary>
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task Sweep(CancellationToken ct)
    {
        foreach (var id in await starter.DueAsync(ct)) await Run(id, ct);
        await starter.FinishDoneAsync(ct);
    }
}
