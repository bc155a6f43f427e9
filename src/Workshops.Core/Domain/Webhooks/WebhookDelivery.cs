namespace Workshops.Core.Domain.Webhooks;

public enum DeliveryStatus { Pending, Sending, Delivered, Failed }

/// <summary>
/// One event for one endpoint, written in the same transaction as the change it tells of and sent by a job, as emails
/// are: nothing is lost if the site stops, and a receiver de-duplicates by <see cref="Id"/> (the webhook-id header).
/// </summary>
public sealed class WebhookDelivery
{
    public const int MaxError = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid EndpointId { get; private set; }
    public string Event { get; private set; } = "";
    /// <summary>The body sent, exactly: ids, states and addresses (see <see cref="WebhookEvents"/>).</summary>
    [Privacy.NotPersonal("events carry ids, states and addresses, never names or emails")] public string Payload { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DeliveryStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? LastAttemptAt { get; private set; }
    public int? LastStatusCode { get; private set; }
    [Privacy.NotPersonal("what a receiving server answered")] public string? LastError { get; private set; }
    public DateTimeOffset? DeliveredAt { get; private set; }

    private WebhookDelivery() { }

    public static WebhookDelivery For(Guid endpointId, string @event, string payload, DateTimeOffset now) => new()
    {
        EndpointId = endpointId, Event = @event, Payload = payload, CreatedAt = now, NextAttemptAt = now, Status = DeliveryStatus.Pending,
    };

    public void Delivered(int status, DateTimeOffset now)
    {
        (Status, LastStatusCode, LastError, LastAttemptAt, DeliveredAt, ClaimToken, ClaimedAt) = (DeliveryStatus.Delivered, status, null, now, now, null, null);
        Attempts++;
    }

    /// <summary>An attempt failed: tried again after <paramref name="retryAfter"/>, or given up when there is none.</summary>
    public void AttemptFailed(int? status, string error, TimeSpan? retryAfter, DateTimeOffset now)
    {
        Attempts++;
        (LastStatusCode, LastError, LastAttemptAt, ClaimToken, ClaimedAt) = (status, error.Length > MaxError ? error[..MaxError] : error, now, null, null);
        if (retryAfter is { } wait) (Status, NextAttemptAt) = (DeliveryStatus.Pending, now + wait);
        else Status = DeliveryStatus.Failed;
    }

    /// <summary>Put back untried: its endpoint was paused while it waited in a batch.</summary>
    public void Release() => (Status, ClaimToken, ClaimedAt) = (DeliveryStatus.Pending, null, null);

    /// <summary>Sent again at once, as a new series of attempts (an organiser's Resend).</summary>
    public void Resend(DateTimeOffset now) => (Status, NextAttemptAt, Attempts, ClaimToken, ClaimedAt) = (DeliveryStatus.Pending, now, 0, null, null);
}
