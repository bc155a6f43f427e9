using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Workshops.Core.Data;
using Workshops.Core.Domain.Webhooks;
using Workshops.Core.Email;
using Workshops.Core.Localization;

namespace Workshops.Core.Webhooks;

public sealed record WebhookRunResult(int Delivered, int Failed, DateTimeOffset? NextRetryAt, bool MoreDue);

/// <summary>
/// Sends due deliveries, each claimed by a conditional update first so two workers (or a run repeated after a crash)
/// never send the same one at once; a claim left by a node that stopped mid-send is taken back after the claim
/// timeout, so a delivery is never lost (the receiver de-duplicates by webhook-id, as the specification asks).
/// </summary>
public sealed class WebhookSender(AppDbContext db, IHttpClientFactory http, IDataProtectionProvider protection, IOptions<WebhookOptions> options,
    TimeProvider clock, Outbox outbox, SiteAddress site, ILogger<WebhookSender> log)
{
    public const string HttpClientName = "webhooks";
    public const string SecretPurpose = "Workshops.Webhooks.Secret";

    public async Task<WebhookRunResult> RunAsync(Guid? deliveryId, CancellationToken ct)
    {
        var o = options.Value;
        var now = clock.GetUtcNow();
        var stale = now - TimeSpan.FromSeconds(o.ClaimTimeoutSeconds);
        await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Sending && d.ClaimedAt < stale)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Pending).SetProperty(d => d.ClaimToken, (Guid?)null), ct);

        var token = Guid.NewGuid();
        var due = db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending && d.NextAttemptAt <= now
            && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.State == WebhookState.Active));
        if (deliveryId is { } only) due = due.Where(d => d.Id == only);
        var batch = due.OrderBy(d => d.NextAttemptAt).Select(d => d.Id).Take(o.BatchSize);
        var claimed = await Deadlocks.RetryAsync(() => db.WebhookDeliveries.Where(d => batch.Contains(d.Id) && d.Status == DeliveryStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, DeliveryStatus.Sending).SetProperty(d => d.ClaimedAt, now).SetProperty(d => d.ClaimToken, token), ct));
        int delivered = 0, failed = 0;
        if (claimed > 0)
        {
            var deliveries = await db.WebhookDeliveries.Where(d => d.ClaimToken == token && d.Status == DeliveryStatus.Sending).OrderBy(d => d.NextAttemptAt).ToListAsync(CancellationToken.None);
            var endpoints = await db.WebhookEndpoints.Where(e => deliveries.Select(d => d.EndpointId).Contains(e.Id)).ToDictionaryAsync(e => e.Id, CancellationToken.None);
            var protector = protection.CreateProtector(SecretPurpose);
            var client = http.CreateClient(HttpClientName);
            foreach (var delivery in deliveries)
            {
                var endpoint = endpoints[delivery.EndpointId];
                // An endpoint paused by an earlier delivery of this batch: the rest wait for it to be resumed.
                if (endpoint.State == WebhookState.Paused)
                {
                    delivery.Release();
                    continue;
                }
                var (status, error) = await SendAsync(client, endpoint, delivery, protector.Unprotect(endpoint.SecretCipher), o, ct);
                var at = clock.GetUtcNow();
                if (error is null)
                {
                    delivery.Delivered(status!.Value, at);
                    endpoint.Succeeded(at);
                    delivered++;
                }
                else
                {
                    var wait = delivery.Attempts < o.Delays.Count ? TimeSpan.FromSeconds(o.Delays[delivery.Attempts]) : (TimeSpan?)null;
                    delivery.AttemptFailed(status, error, wait, at);
                    failed++;
                    if (endpoint.Failed(o.PauseAfterFailures, at)) await TellOwnerAsync(endpoint, error, CancellationToken.None);
                }
                // Each result is kept as it comes: a stop half-way through the batch loses no delivery already made.
                await db.SaveChangesAsync(CancellationToken.None);
            }
        }
        var next = await db.WebhookDeliveries.Where(d => d.Status == DeliveryStatus.Pending
                && db.WebhookEndpoints.Any(e => e.Id == d.EndpointId && e.State == WebhookState.Active))
            .OrderBy(d => d.NextAttemptAt).Select(d => (DateTimeOffset?)d.NextAttemptAt).FirstOrDefaultAsync(CancellationToken.None);
        var more = next is { } n && n <= clock.GetUtcNow();
        return new WebhookRunResult(delivered, failed, more ? null : next, more);
    }

    private async Task<(int? Status, string? Error)> SendAsync(HttpClient client, WebhookEndpoint endpoint, WebhookDelivery delivery, string secret,
        WebhookOptions o, CancellationToken ct)
    {
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url) { Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", delivery.Id.ToString());
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSigner.Sign(secret, delivery.Id.ToString(), timestamp, delivery.Payload));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(o.TimeoutSeconds));
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return response.IsSuccessStatusCode ? (status, null) : (status, $"HTTP {status} {response.ReasonPhrase}");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, $"No answer within {o.TimeoutSeconds} s");
        }
        catch (HttpRequestException e)
        {
            log.LogInformation("Webhook delivery {Delivery} to {Url} failed: {Error}", delivery.Id, endpoint.Url, e.Message);
            return (null, (e.InnerException as WebhookAddressRefusedException)?.Message ?? e.Message);
        }
    }

    private async Task TellOwnerAsync(WebhookEndpoint endpoint, string error, CancellationToken ct)
    {
        var owner = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == endpoint.OwnerId, ct);
        if (owner?.Email is null) return;
        using (Tr.Use(owner.Language))
        {
            var email = new WebhookPausedEmail(owner.DisplayName, endpoint.Url, endpoint.ConsecutiveFailures, error, site.Absolute($"/organise/webhooks/{endpoint.Id}"));
            var message = outbox.Queue("webhook-paused", $"{endpoint.Id}:{endpoint.PausedAt!.Value.UtcTicks}", owner.Email, owner.DisplayName, email);
            await db.SaveChangesAsync(ct);
            outbox.Kick(message);
        }
    }
}

/// <summary>Sent to an endpoint's owner when it is paused after failing again and again.</summary>
public sealed record WebhookPausedEmail(string DisplayName, string Url, int Failures, string LastError, string Link) : IEmailModel
{
    public string Template => "WebhookPaused";
    public string Subject => Tr.T("Webhook paused: {0}", Url);
}
