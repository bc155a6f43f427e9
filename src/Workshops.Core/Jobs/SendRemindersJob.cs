using Hangfire;
using Workshops.Core.Domain.Announcements;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry point: every quarter of an hour, the reminders whose moment came are queued and the sender is woken.</summary>
public sealed class SendRemindersJob(ReminderSweep sweep, IBackgroundJobClient jobs)
{
    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task Run(CancellationToken ct)
    {
        if (await sweep.RunAsync(ct) > 0) jobs.Enqueue<SendOutboxJob>(j => j.Run(null, CancellationToken.None));
    }
}
