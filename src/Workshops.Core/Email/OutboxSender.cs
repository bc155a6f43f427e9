using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Workshops.Core.Data;

namespace Workshops.Core.Email;

/// <summary>
/// Sends queued outbox rows through one reused connection. Each row is claimed with a conditional update
/// before it is sent, so two workers (or a run repeated after a crash) never send it twice.
/// </summary>
public sealed class OutboxSender(
    AppDbContext db,
    IMailTransport transport,
    TimeProvider clock,
    IOptions<EmailOptions> options,
    SendPacer pacer,
    ILogger<OutboxSender> log)
{
    public async Task<OutboxRunResult> Run(Guid? messageId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = options.Value;
        var staleClaim = TimeSpan.FromSeconds(email.ClaimTimeoutSeconds);
        if (messageId is null)
        {
            var stale = now - staleClaim;
            await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.ClaimedAt < stale)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Queued), ct);
        }
        var token = Guid.Empty;
        // Rows claimed longer ago than the claim timeout go back to the queue for another run, so this run stops well before.
        var deadline = now + staleClaim / 2;
        int claimed = 0, handled = 0;
        var lastBatchFull = false;

        var result = new OutboxRunResult();
        var sent = new List<Guid>();
        var paused = new PausedCampaigns(db);
        IMailConnection? connection = null;
        try
        {
            while (true)
            {
                // Each batch has its own claim: what an earlier batch claimed is all sent, held or put back by now.
                await FinishSent(sent, now);
                token = Guid.NewGuid();
                var messages = await ClaimAsync(token, messageId, clock.GetUtcNow(), email.BatchSize, ct);
                claimed += messages.Count;
                lastBatchFull = messages.Count == email.BatchSize;
                var stopped = false;
                foreach (var message in messages)
                {
                    ct.ThrowIfCancellationRequested();
                    // The turn first: the deadline and a pause are judged at the moment of sending, not before a wait.
                    await pacer.WaitTurnAsync(email.MessagesPerMinute, ct);
                    if (clock.GetUtcNow() > deadline)
                    {
                        stopped = true;
                        break;
                    }
                    if (message.CampaignId is { } campaign && await paused.IsPausedAsync(campaign, ct) && await HoldAsync(message.Id, campaign))
                    {
                        handled++;
                        continue;
                    }
                    try
                    {
                        connection ??= await transport.OpenAsync(ct);
                        await connection.SendAsync(ToMime(message, email, clock.GetUtcNow()), ct);
                        sent.Add(message.Id);
                        result.Sent++;
                        SiteMetrics.EmailsSent.Add(1);
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested && IsTransient(e))
                    {
                        var attempts = message.Attempts + 1;
                        var giveUp = attempts >= email.MaxAttempts;
                        log.LogWarning(e, "Sending outbox message {Id} failed (attempt {Attempts})", message.Id, attempts);
                        var retryAt = clock.GetUtcNow() + Backoff(attempts, email.RetryAfterSeconds);
                        await Finish(message.Id, giveUp ? OutboxStatus.Failed : OutboxStatus.Queued, attempts, e.Message, retryAt, null);
                        if (giveUp)
                        {
                            result.Failed++;
                            SiteMetrics.EmailsFailed.Add(1);
                        }
                        else result.RetryAt(retryAt);
                        // The connection may be what broke; the next message opens a fresh one.
                        if (connection is not null) await connection.DisposeAsync();
                        connection = null;
                    }
                    catch (Exception e) when (!ct.IsCancellationRequested)
                    {
                        log.LogError(e, "Outbox message {Id} was refused and will not be retried", message.Id);
                        await Finish(message.Id, OutboxStatus.Failed, message.Attempts + 1, e.Message, now, null);
                        result.Failed++;
                        SiteMetrics.EmailsFailed.Add(1);
                    }
                    handled++;
                    // Paced, every email is marked at once: a kill then repeats only the one in flight, and the rate already
                    // bounds the writes. Unpaced, one write for several: a write per email costs a campaign a fifth of its speed.
                    if (sent.Count >= (email.MessagesPerMinute > 0 ? 1 : FinishTogether)) await FinishSent(sent, now);
                }
                // A campaign goes on batch after batch in the same run, over the same connection: no job to wait for and
                // no new connection per batch. Each claim takes people's own emails first, so a receipt queued meanwhile
                // waits one batch at most. A run for one message, the end of the queue or the deadline ends it.
                if (stopped || messageId is not null || !lastBatchFull) break;
            }
        }
        finally
        {
            // Also when stopped half-way: what the server accepted must not be sent again, and what was not tried
            // goes back to the queue now rather than after the claim timeout. Each step runs even if the one before failed.
            try { await FinishSent(sent, now); }
            finally
            {
                try { if (handled < claimed) await ReleaseAsync(token); }
                finally { if (connection is not null) await connection.DisposeAsync(); }
            }
        }
        result.MoreDue = messageId is null && (lastBatchFull || handled < claimed);
        // Rows another run still holds: if it died with them (a node killed outright), they are free again once their
        // claim is stale, and a run then should send them rather than the next sweep, up to a minute later.
        if (messageId is null && !result.MoreDue)
        {
            var held = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending).OrderBy(m => m.ClaimedAt)
                .Select(m => m.ClaimedAt).FirstOrDefaultAsync(CancellationToken.None);
            if (held is { } claimedAt) result.ClaimsFreeAt = claimedAt + staleClaim + TimeSpan.FromSeconds(1);
        }
        return result;
    }

    /// <summary>
    /// Sent rows are marked in groups: one write for several messages instead of one each. The price: a process killed
    /// outright (not stopped) may send up to this many again once their claim goes stale: those the server had accepted
    /// and the run had not yet written down.
    /// </summary>
    public const int FinishTogether = 10;

    /// <summary>
    /// Claims up to a batch of due rows with one conditional update (a row another worker claimed first no longer
    /// matches), then reads back what this run got.
    /// </summary>
    private async Task<List<OutboxMessage>> ClaimAsync(Guid token, Guid? messageId, DateTimeOffset now, int batchSize, CancellationToken ct)
    {
        var due = db.OutboxMessages.Where(m => m.Status == OutboxStatus.Queued && m.NextAttemptAt <= now);
        if (messageId is { } only) due = due.Where(m => m.Id == only);
        // People's own emails (a receipt, an admission) go before a campaign's thousands.
        var batch = due.OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt).Select(m => m.Id).Take(batchSize);
        var claimed = 0;
        for (var look = 0; look < 3 && claimed == 0; look++)
        {
            claimed = await Deadlocks.RetryAsync(() => db.OutboxMessages.Where(m => batch.Contains(m.Id) && m.Status == OutboxStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, now)
                    .SetProperty(m => m.ClaimToken, token), ct));
            // Workers claiming at the same moment pick the same rows; on PostgreSQL the later one waits for the first's
            // locks and then finds them taken. Looking again finds the rows after them, so every worker keeps sending.
            if (claimed == 0 && (messageId is not null || !await due.AnyAsync(ct))) break;
        }
        if (claimed == 0) return [];
        // Not cancellable: claimed rows that were never read would wait out the claim timeout.
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Status == OutboxStatus.Sending && m.ClaimToken == token)
            .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptAt).ToListAsync(CancellationToken.None);
    }

    public static TimeSpan Backoff(int attempts, int firstWaitSeconds) => TimeSpan.FromSeconds(Math.Min(3600, firstWaitSeconds * Math.Pow(2, attempts - 1)));

    /// <summary>Network trouble and 4xx replies pass; 5xx replies and malformed addresses will fail again, so they are final.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        SmtpCommandException smtp => (int)smtp.StatusCode is >= 400 and < 500,
        SmtpProtocolException or ServiceNotConnectedException or ServiceNotAuthenticatedException => true,
        AuthenticationException => true,
        IOException or SocketException or TimeoutException => true,
        OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// Paused after this batch was claimed: held with the rest of its campaign, but only while it is still paused, so a
    /// resume in between (which moved the campaign's held rows back to the queue already) cannot strand this one.
    /// </summary>
    private async Task<bool> HoldAsync(Guid id, Guid campaign) =>
        await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Sending
                && db.Announcements.Any(a => a.Id == campaign && a.Status == Domain.Announcements.AnnouncementStatus.Paused))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Status, OutboxStatus.Held), CancellationToken.None) == 1;

    /// <summary>Stopped half-way (shutting down, out of time, or the campaign paused): what was claimed but not tried goes back to the queue at once.</summary>
    private Task<int> ReleaseAsync(Guid token) =>
        db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sending && m.ClaimToken == token)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Queued), CancellationToken.None);

    private async Task FinishSent(List<Guid> sent, DateTimeOffset now)
    {
        if (sent.Count == 0) return;
        var sentAt = clock.GetUtcNow();
        // Not cancellable: once the server accepted the messages, their rows must say so.
        await Deadlocks.RetryAsync(() => db.OutboxMessages.Where(m => sent.Contains(m.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.Attempts, m => m.Attempts + 1)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.NextAttemptAt, now)
            .SetProperty(m => m.SentAt, sentAt), CancellationToken.None));
        sent.Clear();
    }

    private Task<int> Finish(Guid id, OutboxStatus status, int attempts, string? error, DateTimeOffset next, DateTimeOffset? sentAt)
    {
        var trimmed = error is { Length: > 2000 } ? error[..2000] : error;
        // Not cancellable: once the server accepted the message, its row must say so.
        // A retry or a failure applies only to a row still being sent: one erased meanwhile stays as erasure left it.
        return db.OutboxMessages.Where(m => m.Id == id && (status == OutboxStatus.Sent || m.Status == OutboxStatus.Sending)).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, status)
            .SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.LastError, trimmed)
            .SetProperty(m => m.NextAttemptAt, next)
            .SetProperty(m => m.SentAt, sentAt), CancellationToken.None);
    }

    private static MimeMessage ToMime(OutboxMessage m, EmailOptions options, DateTimeOffset now)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(new MailboxAddress(m.ToName ?? "", m.To));
        message.Subject = m.Subject;
        // A stable Message-Id lets receiving servers drop a duplicate if a retry follows a lost reply.
        message.MessageId = $"{m.Id:N}@{options.FromAddress.Split('@').Last()}";
        // When it leaves, not when it was queued: a resumed or retried campaign must not arrive looking days old.
        message.Date = now;
        if (!string.IsNullOrEmpty(options.ReplyToAddress)) message.ReplyTo.Add(new MailboxAddress(options.FromName, options.ReplyToAddress));
        if (m.UnsubscribeUrl is { } unsubscribe)
        {
            // RFC 8058: mail clients show an unsubscribe button that POSTs to the address without opening it.
            message.Headers.Add("List-Unsubscribe", $"<{unsubscribe}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
            message.Headers.Add("Precedence", "bulk");
        }
        var body = new BodyBuilder { HtmlBody = m.HtmlBody, TextBody = m.TextBody };
        if (m.AttachmentName is { } name && m.AttachmentText is { } text)
            body.Attachments.Add(name, System.Text.Encoding.UTF8.GetBytes(text), ContentType.Parse(m.AttachmentType ?? "application/octet-stream"));
        message.Body = body.ToMessageBody();
        return message;
    }
}

/// <summary>Which campaigns are paused, asked again at most once a second: a pause takes effect within a second, not a batch.</summary>
internal sealed class PausedCampaigns(AppDbContext db)
{
    private readonly System.Diagnostics.Stopwatch _age = new();
    private HashSet<Guid> _paused = [];

    public async Task<bool> IsPausedAsync(Guid campaign, CancellationToken ct)
    {
        if (!_age.IsRunning || _age.Elapsed > TimeSpan.FromSeconds(1))
        {
            _paused = (await db.Announcements.Where(a => a.Status == Domain.Announcements.AnnouncementStatus.Paused).Select(a => a.Id).ToListAsync(ct)).ToHashSet();
            _age.Restart();
        }
        return _paused.Contains(campaign);
    }
}

public sealed class OutboxRunResult
{
    public int Sent { get; set; }
    public int Retrying { get; private set; }
    public int Failed { get; set; }
    public bool MoreDue { get; set; }
    /// <summary>When the first message put back for another try is due, if any.</summary>
    public DateTimeOffset? NextRetryAt { get; private set; }

    /// <summary>When the oldest message another run holds is free for the taking, if that run never finishes.</summary>
    public DateTimeOffset? ClaimsFreeAt { get; set; }

    public void RetryAt(DateTimeOffset at)
    {
        Retrying++;
        if (NextRetryAt is null || at < NextRetryAt) NextRetryAt = at;
    }
}
