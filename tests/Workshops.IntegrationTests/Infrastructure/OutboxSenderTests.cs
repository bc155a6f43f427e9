using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Workshops.Core.Data;
using Workshops.Core.Email;
using Workshops.IntegrationTests.Support;
using Workshops.Tests.Shared;

namespace Workshops.IntegrationTests.Infrastructure;

public sealed class OutboxSenderTests(AppFactory app) : IClassFixture<AppFactory>
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow.AddYears(5));

    [Fact]
    public async Task Sends_each_message_once_through_one_connection_even_when_run_twice()
    {
        var transport = new RecordingTransport();
        var ids = await QueueAsync(3);

        var first = await Run(transport);
        var second = await Run(transport);

        Assert.Equal(3, first.Sent);
        Assert.Equal(0, second.Sent);
        Assert.Equal(1, transport.Connections);
        Assert.Equal(3, transport.Sent.Count(m => ids.Contains(Guid.Parse(m.MessageId!.Split('@')[0]))));
        var rows = await app.WithDb(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task One_run_sends_a_whole_campaign_batch_after_batch_over_one_connection_and_a_receipt_queued_meanwhile_waits_one_batch_at_most()
    {
        var batch = new EmailOptions().BatchSize;
        var campaign = await QueueAsync(batch + 70, bulk: true);
        List<Guid> receipt = [];
        var transport = new RecordingTransport { AfterSend = () => { if (receipt.Count == 0) receipt = QueueAsync(1).GetAwaiter().GetResult(); } };

        var result = await Run(transport);

        Assert.Equal(batch + 71, result.Sent);
        Assert.False(result.MoreDue);
        Assert.Equal(1, transport.Connections);
        var order = transport.Sent.Select(m => Guid.Parse(m.MessageId!.Split('@')[0])).ToList();
        Assert.Equal(batch + 71, order.Distinct().Count());
        // Queued after the first email of the campaign, it goes first in the next batch.
        Assert.Equal(batch, order.IndexOf(receipt[0]));
        var rows = await app.WithDb(db => db.OutboxMessages.Where(m => campaign.Contains(m.Id) || m.Id == receipt[0]).ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
    }

    [Fact]
    public async Task Runs_at_the_same_moment_share_the_messages_and_send_none_twice()
    {
        var ids = await QueueAsync(30);
        var transports = Enumerable.Range(0, 4).Select(_ => new RecordingTransport()).ToList();

        var results = await Task.WhenAll(transports.Select(t => Task.Run(() => Run(t))));

        var sent = transports.SelectMany(t => t.Sent).Select(m => Guid.Parse(m.MessageId!.Split('@')[0])).Where(ids.Contains).ToList();
        Assert.Equal(30, sent.Count);
        Assert.Equal(30, sent.Distinct().Count());
        var rows = await app.WithDb(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.All(rows, r => Assert.Equal((OutboxStatus.Sent, 1), (r.Status, r.Attempts)));
        Assert.True(results.Sum(r => r.Sent) >= 30);
    }

    [Fact]
    public async Task A_run_stopped_half_way_keeps_what_it_sent_and_puts_the_rest_back_in_the_queue()
    {
        var ids = await QueueAsync(5);
        using var stop = new CancellationTokenSource();
        var transport = new RecordingTransport { AfterSend = () => stop.Cancel() }; // the host shuts down after the first message

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Run(transport, stop.Token));

        var rows = await app.WithDb(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.Equal(1, rows.Count(r => r.Status == OutboxStatus.Sent));
        Assert.Equal(4, rows.Count(r => r.Status == OutboxStatus.Queued));
        Assert.Equal(4, (await Run(new RecordingTransport())).Sent);
    }

    [Fact]
    public async Task A_run_that_takes_too_long_hands_the_rest_back_before_its_claim_goes_stale()
    {
        var ids = await QueueAsync(3);
        // A slow relay: each message takes six minutes, longer than half the time after which a claim counts as stale.
        var transport = new RecordingTransport { AfterSend = () => _clock.Advance(TimeSpan.FromMinutes(6)) };

        var result = await Run(transport);

        Assert.Equal(1, result.Sent);
        Assert.True(result.MoreDue);
        var rows = await app.WithDb(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).ToListAsync());
        Assert.Equal((1, 2), (rows.Count(r => r.Status == OutboxStatus.Sent), rows.Count(r => r.Status == OutboxStatus.Queued)));
        Assert.Equal(2, (await Run(new RecordingTransport())).Sent); // the next run sends the rest
    }

    [Fact]
    public async Task A_transient_failure_is_retried_later_and_a_permanent_one_is_marked_failed()
    {
        var ids = await QueueAsync(2);
        var transport = new RecordingTransport
        {
            Fail = m => m.To.Mailboxes.First().Address.StartsWith("0")
                ? new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.MailboxBusy, "try later")
                : new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user"),
        };

        await Run(transport);

        var rows = await app.WithDb(db => db.OutboxMessages.Where(m => ids.Contains(m.Id)).OrderBy(m => m.To).ToListAsync());
        Assert.Equal(OutboxStatus.Queued, rows[0].Status);
        Assert.Equal("try later", rows[0].LastError);
        Assert.True(rows[0].NextAttemptAt > _clock.GetUtcNow());
        Assert.Equal(OutboxStatus.Failed, rows[1].Status);
        Assert.Equal("no such user", rows[1].LastError);

        // Not due yet: nothing is tried. After the backoff it goes out.
        var healthy = new RecordingTransport();
        Assert.Equal(0, (await Run(healthy)).Sent);
        _clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, (await Run(healthy)).Sent);
        Assert.Equal(OutboxStatus.Sent, (await app.WithDb(db => db.OutboxMessages.SingleAsync(m => m.Id == rows[0].Id))).Status);
    }

    [Fact]
    public async Task A_message_left_sending_by_a_dead_worker_is_sent_by_the_sweep()
    {
        var ids = await QueueAsync(1);
        var claimedAt = _clock.GetUtcNow();
        await app.WithDb(db => db.OutboxMessages.Where(m => m.Id == ids[0])
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sending).SetProperty(m => m.ClaimedAt, claimedAt)));

        await Run(new RecordingTransport());
        Assert.Equal(OutboxStatus.Sending, await StatusOf(ids[0]));
        _clock.Advance(TimeSpan.FromSeconds(new EmailOptions().ClaimTimeoutSeconds) + TimeSpan.FromMinutes(1));
        await Run(new RecordingTransport());
        Assert.Equal(OutboxStatus.Sent, await StatusOf(ids[0]));
    }

    [Fact]
    public async Task The_same_kind_reference_and_recipient_cannot_be_queued_twice()
    {
        var email = new RenderedEmail("s", "<p>h</p>", "t");
        await app.WithDb(async db =>
        {
            var first = OutboxMessage.For("test.once", "ref-1", "once@example.org", null, email, _clock.GetUtcNow());
            db.OutboxMessages.Add(first);
            return await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDb(async db =>
        {
            db.OutboxMessages.Add(OutboxMessage.For("test.once", "ref-1", "once@example.org", null, email, _clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        }));
    }

    private Task<OutboxStatus> StatusOf(Guid id) => app.WithDb(db => db.OutboxMessages.Where(m => m.Id == id).Select(m => m.Status).SingleAsync());

    private async Task<List<Guid>> QueueAsync(int count, bool bulk = false)
    {
        var batch = Guid.NewGuid().ToString("N");
        return await app.WithDb(async db =>
        {
            var messages = Enumerable.Range(0, count).Select(i => OutboxMessage.For("test", batch, $"{i}-{batch}@example.org", null,
                new RenderedEmail($"Test {i}", "<p>hi</p>", "hi"), _clock.GetUtcNow())).ToList();
            if (bulk) messages.ForEach(m => m.AsBulk(null, "https://workshops.example.org/unsubscribe/x"));
            db.OutboxMessages.AddRange(messages);
            await db.SaveChangesAsync();
            return messages.Select(m => m.Id).ToList();
        });
    }

    private async Task<OutboxRunResult> Run(RecordingTransport transport, CancellationToken ct = default)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var sender = new OutboxSender(scope.ServiceProvider.GetRequiredService<AppDbContext>(), transport, _clock,
            Options.Create(new EmailOptions()), new SendPacer(_clock), NullLogger<OutboxSender>.Instance);
        return await sender.Run(null, ct);
    }

    private sealed class RecordingTransport : IMailTransport
    {
        public List<MimeMessage> Sent { get; } = [];
        public int Connections { get; private set; }
        public Func<MimeMessage, Exception?> Fail { get; init; } = _ => null;
        public Action AfterSend { get; init; } = () => { };

        public Task<IMailConnection> OpenAsync(CancellationToken ct)
        {
            Connections++;
            return Task.FromResult<IMailConnection>(new Connection(this));
        }

        private sealed class Connection(RecordingTransport owner) : IMailConnection
        {
            public Task SendAsync(MimeMessage message, CancellationToken ct)
            {
                ct.ThrowIfCancellationRequested(); // as MailKit does
                if (owner.Fail(message) is { } e) throw e;
                lock (owner.Sent) owner.Sent.Add(message);
                owner.AfterSend();
                return Task.CompletedTask;
            }

            public ValueTask DisposeAsync() => ValueTask.CompletedTask;
        }
    }
}
