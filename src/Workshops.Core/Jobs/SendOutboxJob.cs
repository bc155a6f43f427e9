using Hangfire;
using Workshops.Core.Email;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry point: ids in, the work is in <see cref="OutboxSender"/>.</summary>
public sealed class SendOutboxJob(OutboxSender sender, IBackgroundJobClient jobs)
{
    // The outbox keeps its own retry schedule per message; Hangfire retrying the whole batch would only add noise.
    // No distributed lock either: each row is claimed by a conditional update, so concurrent runs are safe.
    [AutomaticRetry(Attempts = 0)]
    public async Task Run(Guid? messageId, CancellationToken ct)
    {
        var result = await sender.Run(messageId, ct);
        if (result.MoreDue) jobs.Enqueue<SendOutboxJob>(j => j.Run(null, CancellationToken.None));
    }
}

public sealed class HangfireOutboxKicker(IBackgroundJobClient jobs) : IOutboxKicker
{
    public void Kick(Guid messageId) => jobs.Enqueue<SendOutboxJob>(j => j.Run(messageId, CancellationToken.None));
}
