using System.Threading.Channels;
using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Workshops.Core.Webhooks;

namespace Workshops.Core.Jobs;

/// <summary>Thin Hangfire entry point: the work is in <see cref="WebhookSender"/>.</summary>
public sealed class SendWebhooksJob(WebhookSender sender, IBackgroundJobClient jobs)
{
    // Each delivery keeps its own retry schedule; Hangfire retrying the batch would only send some twice as fast.
    [AutomaticRetry(Attempts = 0)]
    public async Task Run(Guid? deliveryId, CancellationToken ct)
    {
        var result = await sender.RunAsync(deliveryId, ct);
        // A delivery waiting for its next attempt is tried when its wait is over, not at some later sweep.
        if (result.NextRetryAt is { } retry) jobs.Schedule<SendWebhooksJob>(j => j.Run(null, CancellationToken.None), retry);
        if (result.MoreDue) jobs.Enqueue<SendWebhooksJob>(j => j.Run(null, CancellationToken.None));
    }
}

/// <summary>Coalesces the kicks of many requests (a registration rush) into one job, as the email outbox's loop does.</summary>
public sealed class WebhookKickLoop(IBackgroundJobClient jobs, ILogger<WebhookKickLoop> log) : BackgroundService, IWebhookKicker
{
    private readonly Channel<bool> _kicks = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

    public void Kick() => _kicks.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _kicks.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
            while (_kicks.Reader.TryRead(out _)) { }
            try
            {
                jobs.Enqueue<SendWebhooksJob>(j => j.Run(null, CancellationToken.None));
            }
            catch (BackgroundJobClientException e)
            {
                log.LogWarning(e, "Could not enqueue sending webhooks; the sweep will send them.");
            }
        }
    }
}
