using System.Net.Sockets;
using MailKit.Net.Smtp;
using Workshops.Core.Email;

namespace Workshops.UnitTests.Email;

public sealed class TransientErrorTests
{
    [Fact]
    public void Network_trouble_and_4xx_replies_are_retried_5xx_are_final()
    {
        Assert.True(OutboxSender.IsTransient(new SocketException()));
        Assert.True(OutboxSender.IsTransient(new IOException()));
        Assert.True(OutboxSender.IsTransient(new SmtpCommandException(SmtpErrorCode.MessageNotAccepted, SmtpStatusCode.MailboxBusy, "busy")));
        Assert.False(OutboxSender.IsTransient(new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, SmtpStatusCode.MailboxUnavailable, "no such user")));
        Assert.False(OutboxSender.IsTransient(new FormatException()));
    }

    [Fact]
    public void Backoff_grows_and_is_capped_at_an_hour()
    {
        Assert.Equal(TimeSpan.FromSeconds(30), OutboxSender.Backoff(1, 30));
        Assert.Equal(TimeSpan.FromSeconds(60), OutboxSender.Backoff(2, 30));
        Assert.Equal(TimeSpan.FromSeconds(4), OutboxSender.Backoff(3, 1));
        Assert.Equal(TimeSpan.FromHours(1), OutboxSender.Backoff(20, 30));
    }
}
