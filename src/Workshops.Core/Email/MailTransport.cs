using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Workshops.Core.Email;

/// <summary>Opens one connection that a whole batch of messages goes through.</summary>
public interface IMailTransport
{
    Task<IMailConnection> OpenAsync(CancellationToken ct);
}

public interface IMailConnection : IAsyncDisposable
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

public sealed class SmtpMailTransport(EmailOptions options) : IMailTransport
{
    public async Task<IMailConnection> OpenAsync(CancellationToken ct)
    {
        var client = new SmtpClient { Timeout = 30_000 };
        try
        {
            var security = options.Security switch
            {
                SmtpSecurity.None => SecureSocketOptions.None,
                SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
                SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
                _ => SecureSocketOptions.StartTlsWhenAvailable,
            };
            await client.ConnectAsync(options.Host ?? throw new InvalidOperationException("Email:Host is not set."), options.Port, security, ct);
            if (!string.IsNullOrEmpty(options.UserName))
                await client.AuthenticateAsync(options.UserName, options.Password ?? "", ct);
            return new Connection(client);
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private sealed class Connection(SmtpClient client) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct) => client.SendAsync(message, ct);

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (client.IsConnected) await client.DisconnectAsync(quit: true);
            }
            catch (Exception e) when (e is IOException or SmtpProtocolException or OperationCanceledException)
            {
                // The messages are already accepted; a failed QUIT changes nothing for them.
            }
            client.Dispose();
        }
    }
}

/// <summary>With no SMTP server configured, each message lands as an .eml file a developer can open.</summary>
public sealed class FileDropMailTransport(string directory) : IMailTransport
{
    public string Directory { get; } = directory;

    public Task<IMailConnection> OpenAsync(CancellationToken ct)
    {
        System.IO.Directory.CreateDirectory(Directory);
        return Task.FromResult<IMailConnection>(new Connection(Directory));
    }

    private sealed class Connection(string directory) : IMailConnection
    {
        public Task SendAsync(MimeMessage message, CancellationToken ct)
        {
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
            var temp = Path.Combine(directory, name + ".tmp");
            // Written synchronously: a few kilobytes into the page cache, where async file writes only add a thread hop per buffer.
            using (var file = File.Create(temp)) message.WriteTo(file, ct);
            // Rename last so a reader never sees half a message.
            File.Move(temp, Path.Combine(directory, name));
            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
