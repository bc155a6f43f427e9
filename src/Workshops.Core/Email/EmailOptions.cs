using System.ComponentModel.DataAnnotations;

namespace Workshops.Core.Email;

public enum SmtpSecurity
{
    /// <summary>STARTTLS when the server offers it, plain text when it does not: an explicit choice, never the default.</summary>
    Auto,
    None,
    /// <summary>The default: STARTTLS required, so a man in the middle cannot strip it and read passwords and private links.</summary>
    StartTls,
    SslOnConnect,
}

public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>SMTP server; when empty, every message is written as an .eml file under the data folder's mail/.</summary>
    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Email:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    [Required(ErrorMessage = "Email:FromAddress is required.")]
    [EmailAddress(ErrorMessage = "Email:FromAddress must be an email address.")]
    public string FromAddress { get; set; } = "workshops@localhost.localdomain";

    [Required(ErrorMessage = "Email:FromName is required.")]
    public string FromName { get; set; } = "Workshops";

    /// <summary>Where replies go: the organisers' address. Empty: replies go to the sender address.</summary>
    [EmailAddress(ErrorMessage = "Email:ReplyToAddress must be an email address.")]
    public string? ReplyToAddress { get; set; }

    /// <summary>At most this many messages a minute leave this server (many providers cap it); 0 for no limit.</summary>
    [Range(0, 1_000_000, ErrorMessage = "Email:MessagesPerMinute must be 0 (no limit) or more.")]
    public int MessagesPerMinute { get; set; }

    /// <summary>
    /// A message claimed by a worker for longer than this belongs to a worker that died (the process was killed) and
    /// goes back to the queue. A run stops claiming well before, so a live worker never loses its messages.
    /// </summary>
    [Range(10, 86_400, ErrorMessage = "Email:ClaimTimeoutSeconds must be between 10 and 86400.")]
    public int ClaimTimeoutSeconds { get; set; } = 600;

    /// <summary>
    /// How many messages a worker claims at a time. A campaign goes batch after batch; a person's own email queued
    /// meanwhile waits one batch at most (a fraction of a second). Larger batches mean fewer claims, which on
    /// PostgreSQL is a third of a campaign's speed (200 against 50, measured).
    /// </summary>
    [Range(1, 1000, ErrorMessage = "Email:BatchSize must be between 1 and 1000.")]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long a message the server refused for now (a 4xx reply, a dropped connection) waits before its next try;
    /// each further try waits twice as long, up to an hour.
    /// </summary>
    [Range(1, 3600, ErrorMessage = "Email:RetryAfterSeconds must be between 1 and 3600.")]
    public int RetryAfterSeconds { get; set; } = 30;

    /// <summary>Attempts before a message that keeps failing transiently is marked failed.</summary>
    [Range(1, 50, ErrorMessage = "Email:MaxAttempts must be between 1 and 50.")]
    public int MaxAttempts { get; set; } = 8;
}
