using Hangfire;

namespace Workshops.Core.Jobs;

/// <summary>Every recurring job, registered by id in one place.</summary>
public static class RecurringJobs
{
    public const string OutboxSweep = "outbox-sweep";
    public const string FileTextSweep = "file-text-sweep";
    public const string AnnouncementSweep = "announcement-sweep";
    public const string ReminderSweep = "reminder-sweep";
    public const string SigningKeys = "signing-keys";
    public const string SecuritySweep = "security-sweep";
    public const string FileSweep = "file-sweep";
    public const string Retention = "retention";
    public const string WebhookSweep = "webhook-sweep";

    public static void Register(IRecurringJobManager manager, JobOptions options)
    {
        // Anything queued just before a crash or restart is picked up within a minute.
        manager.AddOrUpdate<SendOutboxJob>(OutboxSweep, j => j.Run(null, CancellationToken.None), Cron.Minutely());
        manager.AddOrUpdate<SendWebhooksJob>(WebhookSweep, j => j.Run(null, CancellationToken.None), Cron.Minutely());
        manager.AddOrUpdate<StartAnnouncementJob>(AnnouncementSweep, j => j.Sweep(CancellationToken.None), Cron.Minutely());
        if (options.SendReminders) manager.AddOrUpdate<SendRemindersJob>(ReminderSweep, j => j.Run(CancellationToken.None), "*/15 * * * *");
        else manager.RemoveIfExists(ReminderSweep);
        manager.AddOrUpdate<ReadFileTextJob>(FileTextSweep, j => j.Sweep(CancellationToken.None), "*/10 * * * *");
        manager.AddOrUpdate<KeepSigningKeysJob>(SigningKeys, j => j.Run(), Cron.Daily());
        manager.AddOrUpdate<SecuritySweepJob>(SecuritySweep, j => j.Run(CancellationToken.None), Cron.Hourly());
        // Before the file sweep, so packs deleted with the letters they held go the same night.
        manager.AddOrUpdate<RetentionJob>(Retention, j => j.Run(CancellationToken.None), Cron.Daily(2));
        manager.AddOrUpdate<FileSweepJob>(FileSweep, j => j.Run(CancellationToken.None), Cron.Daily(3));
        // After a restart, mail queued before it and announcements that fell due while it was down go now, not at
        // the next minute. Several instances starting together only race for rows each claims with a condition.
        manager.Trigger(OutboxSweep);
        manager.Trigger(WebhookSweep);
        manager.Trigger(AnnouncementSweep);
    }
}
