using System.Threading.Channels;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workshops.Core.Email;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry point: ids in, the work is in <see cref="OutboxSender"/>.</summary>
public sealed class SendOutboxJob(OutboxSender sender, IBackgroundJobClient jobs, Domain.Announcements.CampaignProgress campaigns)
{
    // The outbox keeps its own retry schedule per message; Hangfire retrying the whole batch would only add noise.
    // No distributed lock either: each row is claimed by a conditional update, so concurrent runs are safe.
    [AutomaticRetry(Attempts = 0)]
    public async Task Run(Guid? messageId, CancellationToken ct)
    {
        var result = await sender.Run(messageId, ct);
        // A message the server refused for now is tried again when its wait is over, not at some later sweep.
        if (result.NextRetryAt is { } retry) jobs.Schedule<SendOutboxJob>(j => j.Run(null, CancellationToken.None), retry);
        // Another run's claim: normally it finishes long before; if its node died, this run sends what it held.
        else if (result.ClaimsFreeAt is { } free) jobs.Schedule<SendOutboxJob>(j => j.Run(null, CancellationToken.None), free);
        if (result.MoreDue) jobs.Enqueue<SendOutboxJob>(j => j.Run(null, CancellationToken.None));
        // The run that finds the queue empty marks finished campaigns sent, rather than the next minute's sweep. It may
        // have sent nothing itself: the run before took the last batch whole and could not know it was the last.
        else if (messageId is null) await campaigns.FinishDoneAsync(ct);
    }
}

/// <summary>
/// Hands saved messages to Hangfire from one background loop instead of from the request. Hangfire's client is
/// synchronous and needs a database connection of its own: called from hundreds of requests at once (a registration
/// rush) it blocks as many threads waiting for the pool, starving the very requests that hold the connections. Here a
/// request only writes the id to a channel; the loop enqueues one job per id, or one job for the whole backlog when
/// several are waiting. The minute sweep still sends anything a crash left behind.
/// </summary>
public sealed class OutboxKickLoop(IBackgroundJobClient jobs, ILogger<OutboxKickLoop> log) : BackgroundService, IOutboxKicker
{
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(100);

    private readonly Channel<(Guid Id, string? Trace, string? Request)> _ids =
        Channel.CreateUnbounded<(Guid, string?, string?)>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>Remembers the request that queued the message, so a job sending just it carries that request's trace.</summary>
    public void Kick(Guid messageId) => _ids.Writer.TryWrite((messageId, System.Diagnostics.Activity.Current?.Id, JobTracing.CurrentRequest.Value));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _ids.Reader.WaitToReadAsync(stoppingToken))
        {
            // A moment's wait lets a rush's receipts go out together: one job, one claim and a few writes for all of
            // them instead of four statements each. Nobody notices an email leaving a tenth of a second later.
            await Task.Delay(Gather, stoppingToken);
            var waiting = new List<(Guid Id, string? Trace, string? Request)>();
            while (_ids.Reader.TryRead(out var kick)) waiting.Add(kick);
            try
            {
                // One message: send just it, at once, in its request's trace. A backlog: one run sends every due message
                // over one connection.
                Guid? only = waiting.Count == 1 ? waiting[0].Id : null;
                using var trace = only is null || waiting[0].Trace is not { } parent ? null : JobTracing.StartChild("outbox kick", parent);
                JobTracing.CurrentRequest.Value = only is null ? null : waiting[0].Request;
                jobs.Enqueue<SendOutboxJob>(j => j.Run(only, CancellationToken.None));
            }
            catch (BackgroundJobClientException e)
            {
                log.LogWarning(e, "Could not enqueue sending {Count} outbox messages; the sweep will send them.", waiting.Count);
            }
        }
    }
}
