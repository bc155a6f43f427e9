namespace Workshops.Core.Email;

public enum OutboxStatus
{
    Queued,
    Sending,
    Sent,
    Failed,
}

/// <summary>
/// One email to one recipient. Written in the same transaction as the change it announces;
/// (Kind, Reference, To) is unique so that repeating that change never mails the same person twice.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Kind { get; private set; } = "";
    public string Reference { get; private set; } = "";
    public string To { get; private set; } = "";
    public string? ToName { get; private set; }
    public string Subject { get; private set; } = "";
    public string HtmlBody { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public OutboxStatus Status { get; private set; }
    public int Attempts { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public DateTimeOffset? ClaimedAt { get; private set; }
    /// <summary>Which run claimed the row: one update claims a whole batch, and this finds what it got.</summary>
    public Guid? ClaimToken { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }

    private OutboxMessage() { }

    public static OutboxMessage For(string kind, string reference, string to, string? toName, RenderedEmail email, DateTimeOffset now) => new()
    {
        Kind = kind,
        Reference = reference,
        To = to,
        ToName = toName,
        Subject = email.Subject,
        HtmlBody = email.Html,
        TextBody = email.Text,
        Status = OutboxStatus.Queued,
        CreatedAt = now,
        NextAttemptAt = now,
    };
}
